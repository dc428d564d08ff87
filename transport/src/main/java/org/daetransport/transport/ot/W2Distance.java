package org.daetransport.transport.ot;

import org.daetransport.api.Tensor;

/** A Wasserstein-2 distance (or an approximation of it) between two point clouds with uniform weights. */
public interface W2Distance {

    /** The method's name as the CLI spells it: exact, sinkhorn, sliced, bures. */
    String method();

    /** The distance between the rows of {@code a} and the rows of {@code b} (same dimension, any sizes). */
    W2Result distance(Tensor a, Tensor b);
}
