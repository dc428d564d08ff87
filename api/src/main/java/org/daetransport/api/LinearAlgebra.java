package org.daetransport.api;

/** Dense linear algebra. Results are new tensors unless the method is named {@code ...Into}. */
public interface LinearAlgebra {

    /** {@code op(a) * op(b)}, where {@code op} transposes when its flag is set. */
    Tensor matmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB);

    /** {@code a * b}. */
    default Tensor matmul(Tensor a, Tensor b) {
        return matmul(a, false, b, false);
    }

    Tensor transpose(Tensor a);

    /** {@code a + b} (same shapes). */
    Tensor add(Tensor a, Tensor b);

    /** {@code a - b} (same shapes). */
    Tensor subtract(Tensor a, Tensor b);

    /** {@code alpha * a}. */
    Tensor scale(Tensor a, double alpha);

    /** {@code a + alpha * b} (same shapes). */
    Tensor addScaled(Tensor a, double alpha, Tensor b);

    /** Adds the 1 x cols row vector {@code row} to every row of {@code a}. */
    Tensor addRowVector(Tensor a, Tensor row);

    /** Eigendecomposition of a small symmetric matrix; eigenvalues ascending. */
    SymmetricEigen symmetricEigen(Tensor symmetric);

    /**
     * Solves {@code spd * X = b} by Cholesky for a symmetric positive-definite {@code spd};
     * fails with {@link NotPositiveDefiniteException} otherwise.
     */
    Tensor choleskySolve(Tensor spd, Tensor b);
}
