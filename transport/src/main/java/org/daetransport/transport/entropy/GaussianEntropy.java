package org.daetransport.transport.entropy;

import org.daetransport.api.Tensor;
import org.daetransport.transport.law.GaussianLaw;
import org.daetransport.transport.law.SampleMoments;

/**
 * The entropy of the Gaussian fitted to a cloud (mean and unbiased sample covariance):
 * {@code H = 1/2 log det(2 pi e S)}. Exact for Gaussian data up to sampling error, and an upper
 * bound on the entropy of any law with that covariance. Also the closed form for a {@link GaussianLaw}.
 */
public final class GaussianEntropy implements EntropyEstimator {

    public static final String NAME = "gaussian";

    @Override
    public String name() {
        return NAME;
    }

    /**
     * @throws IllegalArgumentException if the cloud has at most d points or a singular sample covariance
     */
    @Override
    public double entropy(Tensor points) {
        int n = points.rows();
        int d = points.cols();
        if (n <= d) {
            throw new IllegalArgumentException("a Gaussian fit in dimension " + d + " needs more than " + d
                    + " points, got " + n);
        }
        double[] x = points.toArray();
        double[][] cov = SampleMoments.covariance(x, n, d, SampleMoments.mean(x, n, d), true);
        return fromLogDeterminant(d, logDeterminantOfCovariance(cov));
    }

    /**
     * {@code log det S} by Cholesky, which always terminates (an eigendecomposition may not converge
     * on a nearly singular matrix). A pivot below 1e-12 times the largest variance means the points
     * lie, up to rounding, in a lower-dimensional subspace. Modifies {@code cov}.
     */
    static double logDeterminantOfCovariance(double[][] cov) {
        int d = cov.length;
        double scale = 0;
        for (int a = 0; a < d; a++) {
            scale = Math.max(scale, cov[a][a]);
        }
        double logDet = 0;
        for (int j = 0; j < d; j++) {
            double pivot = cov[j][j];
            for (int k = 0; k < j; k++) {
                pivot -= cov[j][k] * cov[j][k];
            }
            if (!(pivot > 1e-12 * scale)) {
                throw new DegenerateCloudException("the sample covariance is singular (Cholesky pivot "
                        + org.daetransport.transport.law.Numbers.plain(pivot) + " in coordinate " + j
                        + "): the points lie in a lower-dimensional subspace");
            }
            double l = Math.sqrt(pivot);
            cov[j][j] = l;
            logDet += 2 * Math.log(l);
            for (int i = j + 1; i < d; i++) {
                double v = cov[i][j];
                for (int k = 0; k < j; k++) {
                    v -= cov[i][k] * cov[j][k];
                }
                cov[i][j] = v / l;
            }
        }
        return logDet;
    }

    /** The entropy {@code 1/2 log det(2 pi e S)} of {@code N(m, S)}. */
    public static double of(GaussianLaw law) {
        return fromLogDeterminant(law.dim(), law.logDeterminant());
    }

    private static double fromLogDeterminant(int d, double logDet) {
        return 0.5 * (d * Math.log(2 * Math.PI * Math.E) + logDet);
    }
}
