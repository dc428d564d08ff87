package org.daetransport.transport.flow;

import org.daetransport.api.Tensor;
import org.daetransport.transport.law.GaussianLaw;
import org.daetransport.transport.law.Law;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of a deep, iterated or continuous DAE run.
 *
 * @param points the final points
 * @param times  the times {@code t_0 = 0, t_1, ..., t_L} of the initial state and of every step
 * @param laws   the law at every time of {@code times} where it is known exactly (Gaussian laws,
 *               continuous mixtures, the moving cloud of an empirical law), else empty
 */
public record FlowResult(Tensor points, double[] times, List<Law> laws) {

    public FlowResult {
        times = times.clone();
        laws = List.copyOf(laws);
    }

    @Override
    public double[] times() {
        return times.clone();
    }

    /** The number of steps {@code L}. */
    public int steps() {
        return times.length - 1;
    }

    /** The law at the final time, when known. */
    public Optional<Law> finalLaw() {
        return laws.isEmpty() ? Optional.empty() : Optional.of(laws.get(laws.size() - 1));
    }

    /** The final law when it is Gaussian. */
    public Optional<GaussianLaw> finalGaussianLaw() {
        return finalLaw().filter(GaussianLaw.class::isInstance).map(GaussianLaw.class::cast);
    }
}
