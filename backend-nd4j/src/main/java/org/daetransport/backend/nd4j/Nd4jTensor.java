package org.daetransport.backend.nd4j;

import java.util.Arrays;
import org.daetransport.api.Backend;
import org.daetransport.api.Tensor;

/**
 * A tensor of the ND4J backend. Its entries live on the Java heap (row-major, never modified after
 * construction) and are copied into native scratch memory for each operation, so that a tensor
 * holds no native memory: dropping it frees everything, however many are created in a loop.
 */
final class Nd4jTensor implements Tensor {

    private final Nd4jBackend backend;
    private final int rows;
    private final int cols;
    /** Row-major entries, shared with the backend: never modified. */
    final double[] data;

    Nd4jTensor(Nd4jBackend backend, double[] data, int rows, int cols) {
        this.backend = backend;
        this.data = data;
        this.rows = rows;
        this.cols = cols;
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    @Override
    public double[] toArray() {
        return Arrays.copyOf(data, data.length);
    }

    @Override
    public double get(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("entry (" + row + "," + col + ") outside " + shape());
        }
        return data[row * cols + col];
    }

    @Override
    public String toString() {
        return "Nd4jTensor" + shape();
    }
}
