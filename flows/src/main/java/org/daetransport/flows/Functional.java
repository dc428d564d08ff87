package org.daetransport.flows;

import org.daetransport.api.Tensor;

import java.util.OptionalDouble;

/**
 * A functional {@code F[rho]} on probability laws, seen through a cloud of N equally weighted
 * particles (the rows of an N x d tensor). Its Wasserstein gradient flow moves every particle
 * with velocity {@code -grad (dF/drho)}.
 *
 * <p>Contract: {@link #velocity} is exactly {@code -N} times the Euclidean gradient of
 * {@link #value} with respect to each particle's position (each particle carries mass 1/N), so
 * that implicit (JKO) schemes can minimise {@code value} with a quasi-Newton method. Where the
 * functional depends on the density (entropy, Renyi), {@code value} is the regularised (blob)
 * particle energy and {@code velocity} its exact gradient.
 *
 * <p>Implementations are immutable and modify none of their arguments.
 */
public interface Functional {

    /** A short name, e.g. {@code "entropy"}. */
    String name();

    /** The particle estimate of {@code F} at the cloud {@code particles} (N x d). */
    double value(Tensor particles);

    /** The particle velocities {@code -grad dF/drho (x_i)} (N x d), consistent with {@link #value}. */
    Tensor velocity(Tensor particles);

    /**
     * Value and velocity together; implementations that share work between the two override it.
     */
    default Evaluation evaluate(Tensor particles) {
        return new Evaluation(value(particles), velocity(particles));
    }

    /**
     * This functional with every data-dependent parameter (such as a blob bandwidth chosen by a
     * rule from the cloud's spread) fixed from {@code particles}, so that the result is one
     * smooth function of the particle positions. Schemes call it once, on the initial cloud.
     * Functionals without such parameters return themselves.
     */
    default Functional fixedAt(Tensor particles) {
        return this;
    }

    /** The blob bandwidth this functional uses, if it has one and it is fixed. */
    default OptionalDouble bandwidth() {
        return OptionalDouble.empty();
    }

    /** A one-line description with the parameters, for provenance records. */
    default String describe() {
        return name();
    }

    /** {@code w * F}. */
    default Functional times(double w) {
        return WeightedSum.of(w, this);
    }

    /** {@code F + G}. */
    default Functional plus(Functional other) {
        return WeightedSum.of(1.0, this).plus(other);
    }

    /** The value and the velocity of a functional at one cloud. */
    record Evaluation(double value, Tensor velocity) {
    }
}
