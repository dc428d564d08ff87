package org.daetransport.transport.law;

import org.daetransport.api.Backend;
import org.daetransport.api.SeededNormal;
import org.daetransport.api.Tensor;

/**
 * The Gaussian law {@code N(m, S)} with a symmetric positive-definite covariance. Immutable:
 * the constructor and the accessors copy arrays.
 */
public final class GaussianLaw implements Law {

    private final double[] mean;
    private final double[][] cov;
    private final SymmetricMatrices.Eigen eigen;

    /**
     * @param mean the mean {@code m} (length d, finite; copied)
     * @param cov  the covariance {@code S} (d x d, symmetric within 1e-12 relative, positive definite; copied)
     * @throws org.daetransport.api.NotPositiveDefiniteException naming the smallest eigenvalue
     * @throws org.daetransport.api.ShapeException              when the shapes do not fit
     */
    public GaussianLaw(double[] mean, double[][] cov) {
        if (mean.length == 0) {
            throw new IllegalArgumentException("mean must have at least one coordinate");
        }
        org.daetransport.api.Checks.requireFinite(mean, "mean");
        if (cov.length != mean.length) {
            throw new org.daetransport.api.ShapeException("covariance has dimension " + cov.length
                    + " but the mean has dimension " + mean.length);
        }
        this.mean = mean.clone();
        double[][] c = SymmetricMatrices.copySquare(cov, mean.length, "covariance");
        this.eigen = SymmetricMatrices.requireSpd(c, "covariance");
        this.cov = SymmetricMatrices.symmetrize(c);
    }

    /** The one-dimensional law {@code N(mean, variance)}. */
    public static GaussianLaw univariate(double mean, double variance) {
        return new GaussianLaw(new double[] {mean}, new double[][] {{variance}});
    }

    @Override
    public int dim() {
        return mean.length;
    }

    /** A copy of the mean. */
    public double[] mean() {
        return mean.clone();
    }

    /** A copy of the covariance. */
    public double[][] covariance() {
        return SymmetricMatrices.copy(cov);
    }

    /** A copy of the covariance's eigendecomposition (eigenvalues ascending). */
    public SymmetricMatrices.Eigen eigen() {
        return new SymmetricMatrices.Eigen(eigen.values().clone(), SymmetricMatrices.copy(eigen.vectors()));
    }

    /** The smallest eigenvalue of the covariance. */
    public double minEigenvalue() {
        return eigen.min();
    }

    /** {@code log det S}. */
    public double logDeterminant() {
        double s = 0;
        for (double v : eigen.values()) {
            s += Math.log(v);
        }
        return s;
    }

    /**
     * The Fisher information {@code I = E|grad log p|^2 = tr(S^-1)}; along the continuous DAE
     * {@code dH/dt = -I}.
     */
    public double fisherInformation() {
        double s = 0;
        for (double v : eigen.values()) {
            s += 1.0 / v;
        }
        return s;
    }

    /** {@code log N(x; m, S)}. */
    public double logDensity(double[] x) {
        requireDim(x.length, "x");
        int d = mean.length;
        double[][] v = eigen.vectors();
        double q = 0;
        for (int k = 0; k < d; k++) {
            double proj = 0;
            for (int i = 0; i < d; i++) {
                proj += v[i][k] * (x[i] - mean[i]);
            }
            q += proj * proj / eigen.values()[k];
        }
        return -0.5 * (d * Math.log(2 * Math.PI) + logDeterminant() + q);
    }

    /** {@code n} seeded samples {@code m + S^(1/2) z} as an n x d tensor of {@code backend}. */
    public Tensor sample(int n, long seed, Backend backend) {
        int d = dim();
        double[] z = SeededNormal.samples(n * d, seed);
        return backend.create().fromArray(transformStandard(z, n), n, d);
    }

    /** Maps standard normal rows {@code z} (row-major, n x d) to {@code m + S^(1/2) z}; returns a new array. */
    double[] transformStandard(double[] z, int n) {
        int d = dim();
        double[][] root = eigen.apply(Math::sqrt);
        double[] out = new double[n * d];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < d; i++) {
                double s = mean[i];
                for (int j = 0; j < d; j++) {
                    s += root[i][j] * z[r * d + j];
                }
                out[r * d + i] = s;
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "GaussianLaw(mean=" + java.util.Arrays.toString(mean) + ", cov=" + java.util.Arrays.deepToString(cov) + ")";
    }
}
