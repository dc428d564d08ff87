package org.daetransport.flows;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;

import java.util.function.DoubleUnaryOperator;

/** Small dense d x d helpers on {@code double[][]} (d is the dimension of the particles). */
final class SmallMatrix {

    private SmallMatrix() {
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        int k = b.length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < k; l++) {
                double ail = a[i][l];
                for (int j = 0; j < m; j++) {
                    c[i][j] += ail * b[l][j];
                }
            }
        }
        return c;
    }

    static double[] multiply(double[][] a, double[] x) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < x.length; j++) {
                y[i] += a[i][j] * x[j];
            }
        }
        return y;
    }

    static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    static double trace(double[][] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i][i];
        }
        return s;
    }

    /** Fails unless {@code a} is symmetric up to rounding, naming {@code what}. */
    static void requireSymmetric(double[][] a, String what) {
        double scale = 0;
        for (double[] row : a) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < i; j++) {
                if (Math.abs(a[i][j] - a[j][i]) > 1e-12 * scale) {
                    throw new IllegalArgumentException(what + " is not symmetric: entry (" + i + "," + j + ") = " + a[i][j]
                            + " but (" + j + "," + i + ") = " + a[j][i]);
                }
            }
        }
    }

    /** Eigendecomposition of a symmetric matrix (its symmetric part), eigenvalues ascending. */
    static Eigen eigen(double[][] symmetric) {
        int d = symmetric.length;
        double[][] sym = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                sym[i][j] = 0.5 * (symmetric[i][j] + symmetric[j][i]);
            }
        }
        EigenDecompositionSymmetric e = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(sym, false));
        double[] raw = e.getEigenvalues();
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(raw[p], raw[q]));
        double[] values = new double[d];
        double[][] q = new double[d][d];
        for (int k = 0; k < d; k++) {
            values[k] = raw[order[k]];
            double[] vk = e.getEigenvector(order[k]).toArray();
            for (int i = 0; i < d; i++) {
                q[i][k] = vk[i];
            }
        }
        return new Eigen(values, q);
    }

    /** {@code S = Q diag(values) Q^T}, eigenvectors in the columns of {@code q}. */
    record Eigen(double[] values, double[][] q) {

        /** {@code Q diag(f(values)) Q^T}. */
        double[][] apply(DoubleUnaryOperator f) {
            int d = values.length;
            double[][] out = new double[d][d];
            for (int k = 0; k < d; k++) {
                double fk = f.applyAsDouble(values[k]);
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        out[i][j] += q[i][k] * fk * q[j][k];
                    }
                }
            }
            return out;
        }

        double min() {
            return values[0];
        }
    }
}
