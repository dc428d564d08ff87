package org.daetransport.api;

/** Creating tensors. Every method rejects NaN or infinite entries, naming the first one's index. */
public interface Creation {

    Tensor zeros(int rows, int cols);

    /** A tensor holding a copy of {@code rowMajor}, which must have {@code rows * cols} finite entries. */
    Tensor fromArray(double[] rowMajor, int rows, int cols);

    /** A tensor holding a copy of the given rows, which must all have the same finite length. */
    default Tensor fromRows(double[][] rows) {
        int r = rows.length;
        int c = r == 0 ? 0 : rows[0].length;
        double[] flat = new double[r * c];
        for (int i = 0; i < r; i++) {
            if (rows[i].length != c) {
                throw new ShapeException("row " + i + " has " + rows[i].length + " entries, row 0 has " + c);
            }
            System.arraycopy(rows[i], 0, flat, i * c, c);
        }
        return fromArray(flat, r, c);
    }

    /** A column vector (n x 1). */
    default Tensor column(double... values) {
        return fromArray(values, values.length, 1);
    }

    /** A row vector (1 x n). */
    default Tensor row(double... values) {
        return fromArray(values, 1, values.length);
    }

    /**
     * Seeded standard normal samples. The samples depend on the seed only, never on the backend,
     * so that seeded computations agree across backends.
     */
    default Tensor normal(int rows, int cols, long seed) {
        return fromArray(SeededNormal.samples(rows * cols, seed), rows, cols);
    }

    /** The n x n identity. */
    default Tensor identity(int n) {
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            a[i * n + i] = 1.0;
        }
        return fromArray(a, n, n);
    }

    /** A copy of {@code t} owned by this backend (moves tensors between backends). */
    default Tensor copyOf(Tensor t) {
        return fromArray(t.toArray(), t.rows(), t.cols());
    }
}
