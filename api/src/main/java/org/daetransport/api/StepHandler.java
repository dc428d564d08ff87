package org.daetransport.api;

/**
 * Observes a time-stepping scheme (deep DAE, continuous DAE, gradient flow): {@code init} once,
 * {@code handleStep} after every step, {@code finish} at the end. Trajectories, entropy curves and
 * progress bars are handlers, so schemes never hard-wire what is recorded.
 */
public interface StepHandler {

    /** Called once with the initial cloud at time {@code t0}. */
    default void init(double t0, Tensor points) {
    }

    /** Called after step {@code step} (1-based) reached time {@code t} with {@code points}. */
    default void handleStep(int step, double t, Tensor points) {
    }

    /** Called once when the scheme ends at time {@code t}. */
    default void finish(double t, Tensor points) {
    }

    /** A handler that forwards to every given handler, in order. */
    static StepHandler all(StepHandler... handlers) {
        return new StepHandler() {
            @Override public void init(double t0, Tensor points) { for (StepHandler h : handlers) h.init(t0, points); }
            @Override public void handleStep(int step, double t, Tensor points) { for (StepHandler h : handlers) h.handleStep(step, t, points); }
            @Override public void finish(double t, Tensor points) { for (StepHandler h : handlers) h.finish(t, points); }
        };
    }
}
