package org.daetransport.api;

/**
 * A dense float64 matrix owned by one {@link Backend}; rows are points, columns are coordinates.
 *
 * <p>A tensor is a small handle: operations live on the backend's operation groups. Tensors are
 * treated as immutable by every operation except those named {@code ...Into} (which modify only
 * their {@code out} argument) and {@code ...InPlace}.
 */
public interface Tensor {

    /** The backend that created this tensor; operations reject tensors of another backend. */
    Backend backend();

    int rows();

    int cols();

    /** A row-major copy of the entries (modifies nothing). */
    double[] toArray();

    /** One entry; for tests and small reads, not for loops over large tensors. */
    double get(int row, int col);

    default Shape shape() {
        return new Shape(rows(), cols());
    }

    /** A copy of the entries as {@code double[rows][cols]}. */
    default double[][] toRows() {
        double[] flat = toArray();
        int r = rows();
        int c = cols();
        double[][] out = new double[r][c];
        for (int i = 0; i < r; i++) {
            System.arraycopy(flat, i * c, out[i], 0, c);
        }
        return out;
    }
}
