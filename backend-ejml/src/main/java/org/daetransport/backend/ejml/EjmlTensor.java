package org.daetransport.backend.ejml;

import org.daetransport.api.Backend;
import org.daetransport.api.Tensor;
import org.ejml.data.DMatrixRMaj;

/** A tensor backed by a row-major EJML matrix, never modified after construction. */
final class EjmlTensor implements Tensor {

    private final EjmlBackend backend;
    final DMatrixRMaj matrix;

    EjmlTensor(EjmlBackend backend, DMatrixRMaj matrix) {
        this.backend = backend;
        this.matrix = matrix;
    }

    /** The row-major entries, shared, not copied: callers must not modify them. */
    double[] data() {
        return matrix.data;
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public int rows() {
        return matrix.numRows;
    }

    @Override
    public int cols() {
        return matrix.numCols;
    }

    @Override
    public double[] toArray() {
        return java.util.Arrays.copyOf(matrix.data, matrix.numRows * matrix.numCols);
    }

    @Override
    public double get(int row, int col) {
        return matrix.get(row, col);
    }

    @Override
    public String toString() {
        return "EjmlTensor" + shape();
    }
}
