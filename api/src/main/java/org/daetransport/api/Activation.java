package org.daetransport.api;

/** Element-wise activations with their derivatives (the scalar definitions every backend follows). */
public enum Activation {
    IDENTITY {
        @Override public double value(double x) { return x; }
        @Override public double derivative(double x) { return 1.0; }
    },
    TANH {
        @Override public double value(double x) { return Math.tanh(x); }
        @Override public double derivative(double x) { double t = Math.tanh(x); return 1.0 - t * t; }
    },
    RELU {
        @Override public double value(double x) { return x > 0 ? x : 0.0; }
        /** The derivative at 0 is taken as 0. */
        @Override public double derivative(double x) { return x > 0 ? 1.0 : 0.0; }
    },
    SOFTPLUS {
        /** {@code log(1 + e^x)}, computed without overflow. */
        @Override public double value(double x) { return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x))); }
        @Override public double derivative(double x) { return SIGMOID.value(x); }
    },
    SIGMOID {
        @Override public double value(double x) {
            if (x >= 0) {
                return 1.0 / (1.0 + Math.exp(-x));
            }
            double e = Math.exp(x);
            return e / (1.0 + e);
        }
        @Override public double derivative(double x) { double s = value(x); return s * (1.0 - s); }
    };

    public abstract double value(double x);

    public abstract double derivative(double x);

    /** Parses a name case-insensitively, failing with the list of known names. */
    public static Activation parse(String name) {
        for (Activation a : values()) {
            if (a.name().equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name + "'; known: "
                + java.util.Arrays.stream(values()).map(a -> a.name().toLowerCase(java.util.Locale.ROOT)).toList());
    }
}
