package org.daetransport.flows;

import org.daetransport.api.Tensor;

/**
 * The blob bandwidth (standard deviation {@code eps} of the Gaussian mollifier). By default it
 * follows the rule {@code eps = factor * N^(-1/(d+4)) * sigma}, with {@code sigma} the root mean
 * coordinate variance {@code sqrt(tr Cov / d)} of the cloud (Silverman's rate: the mollification
 * bias O(eps^2) against the particle noise); {@link #fixed(double)} overrides it.
 *
 * @param factor the rule's factor (used when {@code fixed} is NaN)
 * @param fixed  a fixed bandwidth, or NaN for the rule
 */
public record Bandwidth(double factor, double fixed) {

    /** The default factor of the rule. */
    public static final double DEFAULT_FACTOR = 1.0;

    public Bandwidth {
        if (Double.isNaN(fixed)) {
            org.daetransport.api.Checks.requirePositive(factor, "bandwidth factor");
        } else {
            org.daetransport.api.Checks.requirePositive(fixed, "bandwidth");
        }
    }

    /** The rule with the default factor. */
    public static Bandwidth rule() {
        return new Bandwidth(DEFAULT_FACTOR, Double.NaN);
    }

    /** The rule with this factor. */
    public static Bandwidth rule(double factor) {
        return new Bandwidth(factor, Double.NaN);
    }

    /** A fixed bandwidth. */
    public static Bandwidth fixed(double eps) {
        return new Bandwidth(Double.NaN, eps);
    }

    public boolean isFixed() {
        return !Double.isNaN(fixed);
    }

    /**
     * The bandwidth for this cloud (reads it, modifies nothing).
     *
     * @throws IllegalArgumentException if the rule applies and the cloud has no spread
     */
    public double epsFor(Tensor particles) {
        if (isFixed()) {
            return fixed;
        }
        int n = particles.rows();
        int d = particles.cols();
        double[] x = particles.toArray();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                mean[c] += x[i * d + c] / n;
            }
        }
        double ss = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                double z = x[i * d + c] - mean[c];
                ss += z * z;
            }
        }
        double sigma = Math.sqrt(ss / ((double) n * d));
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("the cloud of " + n + " particles has no spread, so the bandwidth rule"
                    + " gives 0; set a fixed bandwidth");
        }
        return factor * Math.pow(n, -1.0 / (d + 4)) * sigma;
    }
}
