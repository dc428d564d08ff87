package org.daetransport.transport.law;

/** Sample mean and covariance of a cloud given as row-major {@code rows x d} coordinates. */
public final class SampleMoments {

    private SampleMoments() {
    }

    /** The mean of the rows (modifies nothing). */
    public static double[] mean(double[] flat, int rows, int d) {
        double[] mean = new double[d];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < d; k++) {
                mean[k] += flat[i * d + k];
            }
        }
        for (int k = 0; k < d; k++) {
            mean[k] /= rows;
        }
        return mean;
    }

    /**
     * The covariance about {@code mean}: the sum of outer products of the deviations divided by
     * {@code rows - 1} when {@code unbiased}, else by {@code rows} (modifies nothing).
     */
    public static double[][] covariance(double[] flat, int rows, int d, double[] mean, boolean unbiased) {
        double[][] cov = new double[d][d];
        double[] centred = new double[d];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < d; k++) {
                centred[k] = flat[i * d + k] - mean[k];
            }
            for (int k = 0; k < d; k++) {
                for (int l = k; l < d; l++) {
                    cov[k][l] += centred[k] * centred[l];
                }
            }
        }
        int divisor = unbiased ? rows - 1 : rows;
        for (int k = 0; k < d; k++) {
            for (int l = k; l < d; l++) {
                cov[k][l] /= divisor;
                cov[l][k] = cov[k][l];
            }
        }
        return cov;
    }
}
