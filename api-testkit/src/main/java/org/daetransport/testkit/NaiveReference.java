package org.daetransport.testkit;

/** Textbook loops on {@code double[][]}: the reference the backend contract compares against. */
public final class NaiveReference {

    private NaiveReference() {
    }

    public static double[][] matmul(double[][] a, double[][] b) {
        int n = a.length;
        int k = b.length;
        int m = b[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[i][p] * b[p][j];
                }
                c[i][j] = s;
            }
        }
        return c;
    }

    public static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    public static double squaredDistance(double[] x, double[] y) {
        double s = 0;
        for (int c = 0; c < x.length; c++) {
            s += (x[c] - y[c]) * (x[c] - y[c]);
        }
        return s;
    }

    /**
     * The Gaussian-kernel average computed the direct way: every logit, then one log-sum-exp per
     * query (in extended form: max subtracted), then the weighted sum.
     */
    public static double[][] kernelAverage(double[][] x, double[][] y, double[][] v, double[] logw, double t,
                                           double[] lseOut) {
        double[][] out = new double[x.length][v[0].length];
        for (int i = 0; i < x.length; i++) {
            double[] l = new double[y.length];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < y.length; j++) {
                l[j] = -squaredDistance(x[i], y[j]) / (2 * t) + (logw == null ? 0 : logw[j]);
                max = Math.max(max, l[j]);
            }
            double s = 0;
            for (double lj : l) {
                s += Math.exp(lj - max);
            }
            for (int j = 0; j < y.length; j++) {
                double w = Math.exp(l[j] - max) / s;
                for (int c = 0; c < v[0].length; c++) {
                    out[i][c] += w * v[j][c];
                }
            }
            if (lseOut != null) {
                lseOut[i] = max + Math.log(s);
            }
        }
        return out;
    }

    public static double[][] randomMatrix(java.util.SplittableRandom random, int rows, int cols) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextDouble(-2, 2);
            }
        }
        return a;
    }
}
