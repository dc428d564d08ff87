package org.daetransport.transport.flow;

import org.daetransport.api.Checks;

/** A noise schedule {@code dt_1..dt_L} of a deep DAE; the total time is {@code T = sum dt_k}. Immutable. */
public final class Schedule {

    private final double[] steps;

    private Schedule(double[] steps) {
        this.steps = steps;
    }

    /** {@code L} equal steps {@code T/L}. */
    public static Schedule uniform(double totalTime, int layers) {
        Checks.requirePositive(totalTime, "total time");
        requireLayers(layers);
        double[] s = new double[layers];
        java.util.Arrays.fill(s, totalTime / layers);
        return new Schedule(s);
    }

    /** An explicit schedule; {@code steps} (non-empty, each positive and finite) is copied. */
    public static Schedule of(double... steps) {
        if (steps.length == 0) {
            throw new IllegalArgumentException("a schedule needs at least one step");
        }
        for (int k = 0; k < steps.length; k++) {
            Checks.requirePositive(steps[k], "schedule step " + (k + 1));
        }
        return new Schedule(steps.clone());
    }

    static void requireLayers(int layers) {
        if (layers < 1) {
            throw new IllegalArgumentException("the number of layers must be >= 1, got " + layers);
        }
    }

    /** The number of layers {@code L}. */
    public int layers() {
        return steps.length;
    }

    /** The step {@code dt_k}, {@code k} 1-based. */
    public double step(int k) {
        return steps[k - 1];
    }

    /** A copy of the steps. */
    public double[] steps() {
        return steps.clone();
    }

    /** {@code T = sum dt_k}. */
    public double total() {
        double s = 0;
        for (double v : steps) {
            s += v;
        }
        return s;
    }

    /** The cumulative times {@code 0, dt_1, dt_1 + dt_2, ..., T} (length L + 1). */
    public double[] times() {
        double[] t = new double[steps.length + 1];
        for (int k = 0; k < steps.length; k++) {
            t[k + 1] = t[k] + steps[k];
        }
        return t;
    }
}
