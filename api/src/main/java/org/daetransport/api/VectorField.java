package org.daetransport.api;

/** A time-dependent velocity field on {@code R^dim}. */
public interface VectorField {

    int dim();

    /** The velocities at time {@code t} of the rows of {@code points} (N x dim); modifies nothing. */
    Tensor velocity(double t, Tensor points);
}
