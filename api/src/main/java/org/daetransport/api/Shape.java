package org.daetransport.api;

/** The shape of a {@link Tensor}: rows x cols. */
public record Shape(int rows, int cols) {

    public Shape {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("shape must be non-negative, got " + rows + "x" + cols);
        }
    }

    public long size() {
        return (long) rows * cols;
    }

    @Override
    public String toString() {
        return rows + "x" + cols;
    }
}
