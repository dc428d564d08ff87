package org.daetransport.api;

/** Argument checks shared by backends and library code. */
public final class Checks {

    private Checks() {
    }

    /** Fails unless every entry is finite, naming the first bad index. */
    public static void requireFinite(double[] values, String what) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(what + ": entry " + i + " is " + values[i] + " (NaN and infinity are not allowed)");
            }
        }
    }

    /** Fails unless {@code length == rows * cols}. */
    public static void requireLength(double[] values, int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new ShapeException("shape must be non-negative, got " + rows + "x" + cols);
        }
        if (values.length != (long) rows * cols) {
            throw new ShapeException("array of length " + values.length + " does not fit shape " + rows + "x" + cols);
        }
    }

    /** Fails unless every tensor belongs to a backend of {@code owner}'s kind (same name). */
    public static void requireOwner(Backend owner, Tensor... tensors) {
        for (Tensor t : tensors) {
            if (t != null && !t.backend().name().equals(owner.name())) {
                throw new BackendMismatchException("tensor of backend '" + t.backend().name()
                        + "' given to backend '" + owner.name() + "'; copy it with create().copyOf(t) first");
            }
        }
    }

    /** Fails unless {@code value > 0} and finite, naming it. */
    public static double requirePositive(double value, String name) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
        }
        return value;
    }
}
