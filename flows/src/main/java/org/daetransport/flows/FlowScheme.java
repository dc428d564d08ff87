package org.daetransport.flows;

import org.daetransport.api.StepHandler;
import org.daetransport.api.Tensor;

/** A time discretisation of the Wasserstein gradient flow of a functional. */
public interface FlowScheme {

    /** The scheme's name, e.g. {@code "particle"}. */
    String name();

    /**
     * Runs the flow of {@code f} from {@code particles} (N x d, not modified) for {@code totalTime}
     * in {@code steps} equal steps, reporting to {@code handler} ({@code init}, {@code handleStep}
     * after each step, {@code finish}).
     *
     * @throws IllegalArgumentException for bad arguments or a functional the scheme cannot handle
     * @throws org.daetransport.api.NumericalFailureException if the scheme fails (blow-up,
     *         non-convergence, collapse), naming the step
     */
    FlowResult run(Functional f, Tensor particles, double totalTime, int steps, StepHandler handler);

    /**
     * The scheme of that name with default settings: {@code particle} ({@link ExplicitParticleScheme}),
     * {@code jko} ({@link JkoParticleScheme}), {@code gaussian} ({@link GaussianScheme}) or
     * {@code quantile} ({@link QuantileScheme1D}).
     *
     * @throws IllegalArgumentException for another name, listing the known ones
     */
    static FlowScheme named(String name) {
        switch (name) {
            case "particle":
                return new ExplicitParticleScheme();
            case "jko":
                return new JkoParticleScheme();
            case "gaussian":
                return new GaussianScheme();
            case "quantile":
                return new QuantileScheme1D();
            default:
                throw new IllegalArgumentException("unknown flow scheme '" + name + "'; known schemes: particle, jko, gaussian, quantile");
        }
    }

    /** Shared checks of {@link #run}'s arguments. */
    static void checkArguments(Tensor particles, double totalTime, int steps) {
        org.daetransport.api.Checks.requirePositive(totalTime, "flow time");
        if (steps < 1) {
            throw new IllegalArgumentException("the number of steps must be at least 1, got " + steps);
        }
        if (particles.rows() < 2) {
            throw new IllegalArgumentException("a particle flow needs at least 2 particles, got " + particles.rows());
        }
        org.daetransport.api.Checks.requireFinite(particles.toArray(), "particles");
    }
}
