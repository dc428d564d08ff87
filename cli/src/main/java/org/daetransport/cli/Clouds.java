package org.daetransport.cli;

import org.daetransport.api.Tensor;

/** Small summaries of point clouds printed by commands. */
final class Clouds {

    private Clouds() {
    }

    /** {@code (1/N) sum_i |y_i - x_i|}. */
    static double meanDisplacement(Tensor x, Tensor y) {
        double[] a = x.toArray();
        double[] b = y.toArray();
        int d = x.cols();
        double s = 0;
        for (int i = 0; i < x.rows(); i++) {
            double q = 0;
            for (int c = 0; c < d; c++) {
                double diff = b[i * d + c] - a[i * d + c];
                q += diff * diff;
            }
            s += Math.sqrt(q);
        }
        return s / x.rows();
    }
}
