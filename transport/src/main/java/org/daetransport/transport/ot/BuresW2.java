package org.daetransport.transport.ot;

import org.daetransport.api.ShapeException;
import org.daetransport.api.Tensor;
import org.daetransport.transport.law.SampleMoments;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * The closed-form W2 distance between the Gaussian fits of two clouds (Bures-Wasserstein):
 * {@code W2^2 = |a - b|^2 + tr A + tr B - 2 tr (A^1/2 B A^1/2)^1/2}.
 *
 * <p>The fit uses the empirical mean and the empirical covariance with the {@code 1/n} normalisation
 * (the covariance of the empirical measure itself, not the unbiased {@code 1/(n-1)} estimate), so
 * that by Gelbrich's bound the result is a lower bound on the exact W2 between the two clouds, and
 * is exact when both clouds are Gaussian laws' samples in the large-sample limit.
 */
public final class BuresW2 implements W2Distance {

    public static final String METHOD = "bures";

    @Override
    public String method() {
        return METHOD;
    }

    /** Modifies nothing. */
    @Override
    public W2Result distance(Tensor a, Tensor b) {
        double[] x = Clouds.flatten(a, "a");
        double[] y = Clouds.flatten(b, "b");
        Clouds.requireSameDimension(a, b);
        int d = a.cols();
        double[] ma = SampleMoments.mean(x, a.rows(), d);
        double[] mb = SampleMoments.mean(y, b.rows(), d);
        return W2Result.direct(between(ma, SampleMoments.covariance(x, a.rows(), d, ma, false), mb,
                SampleMoments.covariance(y, b.rows(), d, mb, false)), METHOD);
    }

    /**
     * W2 between {@code N(m1, s1)} and {@code N(m2, s2)} (modifies nothing). Covariances must be
     * symmetric positive semi-definite; eigenvalues that round-off pushes slightly below zero are
     * clamped to zero.
     *
     * @throws IllegalArgumentException on mismatched dimensions, non-finite entries or an asymmetric matrix
     */
    public static double between(double[] m1, double[][] s1, double[] m2, double[][] s2) {
        int d = m1.length;
        if (d == 0 || m2.length != d) {
            throw new ShapeException("means of dimensions " + m1.length + " and " + m2.length + " do not match");
        }
        requireSquare(s1, d, "first covariance");
        requireSquare(s2, d, "second covariance");
        double meanPart = 0;
        for (int k = 0; k < d; k++) {
            requireFinite(m1[k], "first mean");
            requireFinite(m2[k], "second mean");
            meanPart += (m1[k] - m2[k]) * (m1[k] - m2[k]);
        }
        RealMatrix a = MatrixUtils.createRealMatrix(s1);
        RealMatrix b = MatrixUtils.createRealMatrix(s2);
        RealMatrix rootA = sqrtPsd(a, "first covariance");
        requirePsd(eigenvalues(b, "second covariance"), "second covariance");
        RealMatrix middle = rootA.multiply(b).multiply(rootA);
        double cross = 0;
        for (double lambda : eigenvalues(symmetrise(middle), "A^1/2 B A^1/2")) {
            cross += Math.sqrt(Math.max(0, lambda));
        }
        double w2sq = meanPart + a.getTrace() + b.getTrace() - 2 * cross;
        return Math.sqrt(Math.max(0, w2sq));
    }

    private static RealMatrix sqrtPsd(RealMatrix s, String what) {
        EigenDecompositionSymmetric eigen = decompose(s, what);
        double[] values = requirePsd(eigen.getEigenvalues(), what);
        RealMatrix v = eigen.getV();
        int d = values.length;
        RealMatrix scaled = v.copy();
        for (int c = 0; c < d; c++) {
            double root = Math.sqrt(Math.max(0, values[c]));
            for (int r = 0; r < d; r++) {
                scaled.multiplyEntry(r, c, root);
            }
        }
        return symmetrise(scaled.multiplyTransposed(v));
    }

    private static double[] eigenvalues(RealMatrix s, String what) {
        return decompose(s, what).getEigenvalues();
    }

    private static EigenDecompositionSymmetric decompose(RealMatrix s, String what) {
        try {
            return new EigenDecompositionSymmetric(s);
        } catch (org.hipparchus.exception.MathIllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not symmetric: " + e.getMessage(), e);
        }
    }

    /** Eigenvalues below {@code -1e-10 max|lambda|} are not round-off: the matrix is indefinite. */
    private static double[] requirePsd(double[] values, String what) {
        double largest = 0;
        for (double v : values) {
            largest = Math.max(largest, Math.abs(v));
        }
        for (double v : values) {
            if (v < -1e-10 * largest) {
                throw new IllegalArgumentException(what + " is not positive semi-definite: eigenvalue "
                        + String.format("%.4e", v));
            }
        }
        return values;
    }

    private static RealMatrix symmetrise(RealMatrix s) {
        return s.add(s.transpose()).scalarMultiply(0.5);
    }

    private static void requireSquare(double[][] s, int d, String what) {
        if (s.length != d) {
            throw new ShapeException(what + " has " + s.length + " rows, expected " + d);
        }
        for (double[] row : s) {
            if (row.length != d) {
                throw new ShapeException(what + " has a row of length " + row.length + ", expected " + d);
            }
            for (double v : row) {
                requireFinite(v, what);
            }
        }
    }

    private static void requireFinite(double v, String what) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " has a non-finite entry " + v);
        }
    }
}
