package org.daetransport.flows;

import org.daetransport.api.Tensor;

import java.util.List;

/**
 * The outcome of a gradient-flow run: the final particles (same order as the input rows), the
 * time and energy of every step (step 0 is the initial cloud) and the provenance.
 */
public record FlowResult(Tensor particles, List<StepRecord> steps, Provenance provenance) {
    public FlowResult {
        steps = List.copyOf(steps);
    }

    /** The energies of steps 0..K. */
    public double[] energies() {
        return steps.stream().mapToDouble(StepRecord::energy).toArray();
    }

    /** The times of steps 0..K. */
    public double[] times() {
        return steps.stream().mapToDouble(StepRecord::time).toArray();
    }
}
