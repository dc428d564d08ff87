package org.daetransport.api;

/** The shape of {@code op(A) op(B)}: {@code rows x inner} times {@code inner x cols}. */
public record ProductShape(int rows, int inner, int cols) {

    /** The product's shape; fails with both operands' shapes when the inner dimensions differ. */
    public static ProductShape of(Tensor a, boolean transposeA, Tensor b, boolean transposeB) {
        int ar = transposeA ? a.cols() : a.rows();
        int ac = transposeA ? a.rows() : a.cols();
        int br = transposeB ? b.cols() : b.rows();
        int bc = transposeB ? b.rows() : b.cols();
        if (ac != br) {
            throw new ShapeException("matmul: inner dimensions differ, " + ar + "x" + ac + " times " + br + "x" + bc
                    + " (operands " + a.shape() + (transposeA ? "^T" : "") + " and " + b.shape() + (transposeB ? "^T" : "") + ")");
        }
        return new ProductShape(ar, ac, bc);
    }

    /** Whether the product has no entries or sums over nothing. */
    public boolean empty() {
        return rows == 0 || inner == 0 || cols == 0;
    }
}
