package org.daetransport.transport.flow;

import org.daetransport.api.StepHandler;
import org.daetransport.api.Tensor;
import org.daetransport.transport.law.Law;

/** A scheme that moves points by DAEs over a total time (cumulative noise variance) in steps. */
public interface DaeScheme {

    /** The scheme's name as the CLI spells it: deep, iterated, continuous. */
    String name();

    /**
     * Moves {@code points} (N x d, not modified) by the scheme for {@code law} over {@code totalTime}
     * in {@code layers} steps, reporting every step to {@code handler}.
     *
     * @throws IllegalArgumentException       for a non-positive or NaN time, fewer than one layer, or a
     *                                        dimension mismatch
     * @throws org.daetransport.api.NumericalFailureException when the mathematics predicts a failure
     *                                        (e.g. {@link CollapseException})
     */
    FlowResult run(Law law, Tensor points, double totalTime, int layers, StepHandler handler);
}
