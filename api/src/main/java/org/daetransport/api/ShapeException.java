package org.daetransport.api;

/** Operands whose shapes do not fit together; the message names both shapes. */
public class ShapeException extends IllegalArgumentException {

    public ShapeException(String message) {
        super(message);
    }

    /** Fails unless {@code a} and {@code b} have the same shape. */
    public static void requireSameShape(String operation, Tensor a, Tensor b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new ShapeException(operation + ": shapes differ, " + a.shape() + " and " + b.shape());
        }
    }

    /** Fails unless {@code t} is square. */
    public static void requireSquare(String operation, Tensor t) {
        if (t.rows() != t.cols()) {
            throw new ShapeException(operation + ": matrix must be square, got " + t.shape());
        }
    }

    /** Fails unless {@code row} is a 1 x cols row vector for {@code a}. */
    public static void requireRowVectorFor(String operation, Tensor a, Tensor row) {
        if (row.rows() != 1 || row.cols() != a.cols()) {
            throw new ShapeException(operation + ": row must be 1x" + a.cols() + " for " + a.shape() + ", got " + row.shape());
        }
    }

    /** Fails unless the points of {@code x} and {@code y} have the same dimension (columns). */
    public static void requireSameDimension(String operation, Tensor x, Tensor y) {
        if (x.cols() != y.cols()) {
            throw new ShapeException(operation + ": points of different dimensions, " + x.shape() + " and " + y.shape());
        }
    }

    /** Fails unless {@code rhs} has one row per row of the square {@code matrix}. */
    public static void requireRightHandSide(String operation, Tensor matrix, Tensor rhs) {
        if (rhs.rows() != matrix.rows()) {
            throw new ShapeException(operation + ": right-hand side " + rhs.shape() + " does not fit matrix " + matrix.shape());
        }
    }
}
