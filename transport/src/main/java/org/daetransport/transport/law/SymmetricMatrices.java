package org.daetransport.transport.law;

import org.daetransport.api.NotPositiveDefiniteException;
import org.daetransport.api.ShapeException;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

import java.util.function.DoubleUnaryOperator;

/**
 * Small dense {@code double[d][d]} linear algebra for covariances (d is small: these are the
 * dimensions of the data space, not of the number of points). No argument is modified.
 */
public final class SymmetricMatrices {

    /** Relative tolerance of the symmetry check. */
    public static final double SYMMETRY_TOLERANCE = 1e-12;

    private SymmetricMatrices() {
    }

    /**
     * {@code S = V diag(values) V^T}, eigenvalues ascending, eigenvectors as the columns of
     * {@code vectors}.
     */
    public record Eigen(double[] values, double[][] vectors) {

        public double min() {
            return values[0];
        }

        /** {@code V diag(f(values)) V^T}: a function of the matrix (inverse, square root, ...). */
        public double[][] apply(DoubleUnaryOperator f) {
            int d = values.length;
            double[] fv = new double[d];
            for (int k = 0; k < d; k++) {
                fv[k] = f.applyAsDouble(values[k]);
            }
            double[][] out = new double[d][d];
            for (int i = 0; i < d; i++) {
                for (int j = i; j < d; j++) {
                    double s = 0;
                    for (int k = 0; k < d; k++) {
                        s += vectors[i][k] * fv[k] * vectors[j][k];
                    }
                    out[i][j] = s;
                    out[j][i] = s;
                }
            }
            return out;
        }
    }

    /** Copies {@code a}, checking that it is a finite d x d matrix. */
    public static double[][] copySquare(double[][] a, int d, String what) {
        if (a.length != d) {
            throw new ShapeException(what + " has " + a.length + " rows, expected " + d);
        }
        double[][] out = new double[d][];
        for (int i = 0; i < d; i++) {
            if (a[i].length != d) {
                throw new ShapeException(what + " row " + i + " has " + a[i].length + " entries, expected " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(a[i][j])) {
                    throw new IllegalArgumentException(what + " entry (" + i + "," + j + ") is " + a[i][j]
                            + " (NaN and infinity are not allowed)");
                }
            }
            out[i] = a[i].clone();
        }
        return out;
    }

    /**
     * Validates a symmetric positive-definite d x d matrix (symmetric within
     * {@link #SYMMETRY_TOLERANCE} relative to its largest entry) and returns its eigendecomposition.
     *
     * @throws NotPositiveDefiniteException naming the smallest eigenvalue when it is not positive
     */
    public static Eigen requireSpd(double[][] s, String what) {
        int d = s.length;
        double scale = 0;
        for (double[] row : s) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                if (Math.abs(s[i][j] - s[j][i]) > SYMMETRY_TOLERANCE * scale) {
                    throw new IllegalArgumentException(what + " is not symmetric: entry (" + i + "," + j + ") = "
                            + s[i][j] + " but (" + j + "," + i + ") = " + s[j][i]);
                }
            }
        }
        Eigen eigen = eigen(s);
        if (!(eigen.min() > 0)) {
            throw new NotPositiveDefiniteException(what + " is not positive definite: smallest eigenvalue "
                    + Numbers.plain(eigen.min()));
        }
        return eigen;
    }

    /** Eigendecomposition of a symmetric matrix (its upper triangle is mirrored first). */
    public static Eigen eigen(double[][] s) {
        int d = s.length;
        double[][] sym = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                sym[i][j] = i <= j ? s[i][j] : s[j][i];
            }
        }
        if (d == 1) {
            return new Eigen(new double[] {sym[0][0]}, new double[][] {{1.0}});
        }
        RealMatrix m = MatrixUtils.createRealMatrix(sym);
        EigenDecompositionSymmetric e = new EigenDecompositionSymmetric(m,
                EigenDecompositionSymmetric.DEFAULT_EPSILON, false);
        double[] raw = e.getEigenvalues();
        double[][] v = e.getV().getData();
        // sort ascending explicitly rather than rely on the decomposition's ordering flag
        Integer[] order = new Integer[d];
        for (int k = 0; k < d; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(raw[p], raw[q]));
        double[] values = new double[d];
        double[][] vectors = new double[d][d];
        for (int k = 0; k < d; k++) {
            values[k] = raw[order[k]];
            for (int i = 0; i < d; i++) {
                vectors[i][k] = v[i][order[k]];
            }
        }
        return new Eigen(values, vectors);
    }

    /** A deep copy of {@code a}. */
    public static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    /** {@code a b}. */
    public static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int k = b.length;
        int m = b[0].length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < k; l++) {
                double ail = a[i][l];
                for (int j = 0; j < m; j++) {
                    out[i][j] += ail * b[l][j];
                }
            }
        }
        return out;
    }

    /** {@code a^T}. */
    public static double[][] transpose(double[][] a) {
        double[][] out = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[j][i] = a[i][j];
            }
        }
        return out;
    }

    /** {@code a + alpha b}. */
    public static double[][] addScaled(double[][] a, double alpha, double[][] b) {
        double[][] out = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[i][j] = a[i][j] + alpha * b[i][j];
            }
        }
        return out;
    }

    /** {@code (a + a^T) / 2}. */
    public static double[][] symmetrize(double[][] a) {
        int d = a.length;
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = 0.5 * (a[i][j] + a[j][i]);
            }
        }
        return out;
    }

    /** {@code c I}. */
    public static double[][] scaledIdentity(int d, double c) {
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            out[i][i] = c;
        }
        return out;
    }

    /** The trace. */
    public static double trace(double[][] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i][i];
        }
        return s;
    }
}
