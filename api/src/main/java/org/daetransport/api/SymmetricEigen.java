package org.daetransport.api;

/**
 * {@code S = V diag(values) V^T}: eigenvalues in ascending order and the matching orthonormal
 * eigenvectors as the columns of {@code vectors}.
 */
public record SymmetricEigen(double[] values, Tensor vectors) {

    public double min() {
        return values[0];
    }

    public double max() {
        return values[values.length - 1];
    }
}
