package org.daetransport.transport.analysis;

import org.daetransport.api.Backend;
import org.daetransport.api.ShapeException;
import org.daetransport.api.Tensor;

/**
 * An isometric embedding of one layer space {@code R^sourceDim} into the common space
 * {@code R^targetDim} in which a network's trajectory is measured. Isometry (distances kept) is what
 * makes displacements and transport costs between layers of different widths meaningful.
 */
public interface Embedding {

    int sourceDim();

    int targetDim();

    /** The images of the rows of {@code points} (N x sourceDim -> N x targetDim); modifies nothing. */
    Tensor embed(Tensor points);

    /** {@code x -> (x, 0, ..., 0)}: the default embedding of {@code R^sourceDim} into {@code R^targetDim}. */
    static Embedding zeroPadding(int sourceDim, int targetDim) {
        if (sourceDim < 1 || targetDim < sourceDim) {
            throw new IllegalArgumentException("zero padding needs 1 <= source dimension <= target dimension, got "
                    + sourceDim + " -> " + targetDim);
        }
        return new Embedding() {
            @Override public int sourceDim() { return sourceDim; }
            @Override public int targetDim() { return targetDim; }
            @Override public Tensor embed(Tensor points) {
                if (points.cols() != sourceDim) {
                    throw new ShapeException("zero padding from R^" + sourceDim + " given points of dimension " + points.cols());
                }
                if (sourceDim == targetDim) {
                    return points;
                }
                double[] x = points.toArray();
                double[] out = new double[points.rows() * targetDim];
                for (int i = 0; i < points.rows(); i++) {
                    System.arraycopy(x, i * sourceDim, out, i * targetDim, sourceDim);
                }
                return points.backend().create().fromArray(out, points.rows(), targetDim);
            }
        };
    }

    /**
     * The linear embedding {@code x -> x Q} for a {@code sourceDim x targetDim} matrix {@code Q}
     * with orthonormal rows ({@code Q Q^T = I}), e.g. a permutation or rotation followed by padding.
     *
     * @throws IllegalArgumentException if {@code Q Q^T} differs from the identity by more than 1e-10
     *                                  in any entry (Q is then not an isometry)
     */
    static Embedding linear(Tensor q) {
        if (q.rows() > q.cols()) {
            throw new ShapeException("a linear isometric embedding R^" + q.rows() + " -> R^" + q.cols()
                    + " is impossible: the target is smaller");
        }
        Backend b = q.backend();
        double[] gram = b.linalg().matmul(q, false, q, true).toArray();
        int k = q.rows();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double dev = Math.abs(gram[i * k + j] - (i == j ? 1.0 : 0.0));
                if (dev > 1e-10) {
                    throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                            "embedding matrix is not an isometry: (Q Q^T)[%d][%d] deviates from the identity by %.4e", i, j, dev));
                }
            }
        }
        return new Embedding() {
            @Override public int sourceDim() { return q.rows(); }
            @Override public int targetDim() { return q.cols(); }
            @Override public Tensor embed(Tensor points) { return b.linalg().matmul(points, q); }
        };
    }
}
