package org.daetransport.flows;

import org.daetransport.api.Backend;
import org.daetransport.api.StepHandler;
import org.daetransport.api.Tensor;
import org.daetransport.backend.ejml.EjmlBackend;

import java.util.function.DoubleUnaryOperator;

/** Test helpers: moments of clouds and independent reference computations (written without the code under test). */
final class Clouds {

    static final Backend EJML = new EjmlBackend();
    static final StepHandler NONE = new StepHandler() {
    };

    private Clouds() {
    }

    static double[] mean(Tensor t) {
        int n = t.rows();
        int d = t.cols();
        double[][] rows = t.toRows();
        double[] m = new double[d];
        for (double[] r : rows) {
            for (int c = 0; c < d; c++) {
                m[c] += r[c] / n;
            }
        }
        return m;
    }

    /** Population covariance (divides by N). */
    static double[][] cov(Tensor t) {
        int n = t.rows();
        int d = t.cols();
        double[] m = mean(t);
        double[][] s = new double[d][d];
        for (double[] r : t.toRows()) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    s[a][b] += (r[a] - m[a]) * (r[b] - m[b]) / n;
                }
            }
        }
        return s;
    }

    static double maxAbsDiff(double[][] a, double[][] b) {
        double e = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                e = Math.max(e, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return e;
    }

    static double maxAbsDiff(double[] a, double[] b) {
        double e = 0;
        for (int i = 0; i < a.length; i++) {
            e = Math.max(e, Math.abs(a[i] - b[i]));
        }
        return e;
    }

    static double[][] mul(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][b[0].length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < b[0].length; j++) {
                for (int k = 0; k < b.length; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    /**
     * The linear moment ODEs of a Fokker-Planck flow with drift -A(x-b) and diffusion s:
     * m' = -A(m-b), S' = -AS - SA + 2sI, integrated by classical Runge-Kutta with a fine step
     * (independent of the closed forms and eigendecompositions used by GaussianScheme).
     * Returns {m (as row 0), S (rows 1..d)}.
     */
    static double[][] fokkerPlanckMoments(double[][] a, double[] b, double s, double[] m0, double[][] s0, double t) {
        int d = m0.length;
        int steps = 4000;
        double h = t / steps;
        double[] y = new double[d + d * d];
        System.arraycopy(m0, 0, y, 0, d);
        for (int i = 0; i < d; i++) {
            System.arraycopy(s0[i], 0, y, d + i * d, d);
        }
        for (int k = 0; k < steps; k++) {
            double[] k1 = rhs(a, b, s, y, d);
            double[] k2 = rhs(a, b, s, axpy(y, h / 2, k1), d);
            double[] k3 = rhs(a, b, s, axpy(y, h / 2, k2), d);
            double[] k4 = rhs(a, b, s, axpy(y, h, k3), d);
            for (int i = 0; i < y.length; i++) {
                y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
        }
        double[][] out = new double[d + 1][d];
        System.arraycopy(y, 0, out[0], 0, d);
        for (int i = 0; i < d; i++) {
            System.arraycopy(y, d + i * d, out[i + 1], 0, d);
        }
        return out;
    }

    private static double[] axpy(double[] y, double h, double[] k) {
        double[] out = y.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += h * k[i];
        }
        return out;
    }

    private static double[] rhs(double[][] a, double[] b, double s, double[] y, int d) {
        double[] r = new double[y.length];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                r[i] -= a[i][j] * (y[j] - b[j]);
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double v = (i == j) ? 2 * s : 0;
                for (int k = 0; k < d; k++) {
                    v -= a[i][k] * y[d + k * d + j] + y[d + i * d + k] * a[k][j];
                }
                r[d + i * d + j] = v;
            }
        }
        return r;
    }

    /** The inverse of an increasing function on [lo, hi] by bisection. */
    static double invert(DoubleUnaryOperator f, double target, double lo, double hi) {
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (f.applyAsDouble(mid) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Root-mean-square difference of sorted values and reference quantiles Q((i - 1/2)/N). */
    static double quantileError(Tensor particles1D, DoubleUnaryOperator quantile) {
        double[] x = particles1D.toArray();
        java.util.Arrays.sort(x);
        int n = x.length;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double q = quantile.applyAsDouble((i + 0.5) / n);
            ss += (x[i] - q) * (x[i] - q);
        }
        return Math.sqrt(ss / n);
    }
}
