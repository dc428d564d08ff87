package org.daetransport.transport.entropy;

/** Entropy estimators by the name the CLI uses. */
public final class EntropyEstimators {

    private EntropyEstimators() {
    }

    /**
     * The estimator called {@code name} with its default parameters: {@code "kl"} (Kozachenko-Leonenko,
     * k = 5) or {@code "gaussian"} (the entropy of the Gaussian fit).
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static EntropyEstimator byName(String name) {
        if (KozachenkoLeonenko.NAME.equals(name)) {
            return new KozachenkoLeonenko();
        }
        if (GaussianEntropy.NAME.equals(name)) {
            return new GaussianEntropy();
        }
        throw new IllegalArgumentException("unknown entropy estimator '" + name + "'; known: "
                + KozachenkoLeonenko.NAME + ", " + GaussianEntropy.NAME);
    }

    /**
     * {@code estimator}, except that a degenerate cloud ({@link DegenerateCloudException}: exact
     * duplicates, a singular covariance) gives minus infinity, its entropy, instead of an error.
     */
    public static EntropyEstimator minusInfinityWhenDegenerate(EntropyEstimator estimator) {
        return new EntropyEstimator() {
            @Override
            public String name() {
                return estimator.name();
            }

            @Override
            public double entropy(org.daetransport.api.Tensor points) {
                try {
                    return estimator.entropy(points);
                } catch (DegenerateCloudException degenerate) {
                    return Double.NEGATIVE_INFINITY;
                }
            }
        };
    }
}
