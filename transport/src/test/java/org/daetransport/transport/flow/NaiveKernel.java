package org.daetransport.transport.flow;

/** A direct, unblocked kernel smoother for small clouds: an independent reference for the schemes. */
final class NaiveKernel {

    private NaiveKernel() {
    }

    /** {@code out_i = sum_j w_ij y_j}, {@code w_ij ∝ exp(-|x_i - y_j|^2 / (2t))}. */
    static double[][] average(double[][] x, double[][] y, double t) {
        double[][] out = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            double[] logits = new double[y.length];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < y.length; j++) {
                double d2 = 0;
                for (int k = 0; k < x[i].length; k++) {
                    d2 += (x[i][k] - y[j][k]) * (x[i][k] - y[j][k]);
                }
                logits[j] = -d2 / (2 * t);
                max = Math.max(max, logits[j]);
            }
            double z = 0;
            for (int j = 0; j < y.length; j++) {
                double w = Math.exp(logits[j] - max);
                z += w;
                for (int k = 0; k < x[i].length; k++) {
                    out[i][k] += w * y[j][k];
                }
            }
            for (int k = 0; k < x[i].length; k++) {
                out[i][k] /= z;
            }
        }
        return out;
    }
}
