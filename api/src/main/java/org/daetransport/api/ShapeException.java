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
}
