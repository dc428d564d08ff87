package org.daetransport.transport.law;

/**
 * A data law {@code mu_0} on {@code R^dim}: the distribution an optimal DAE is optimal for.
 * Closed forms exist for {@link GaussianLaw} and {@link MixtureLaw}; an {@link EmpiricalLaw} is a
 * finite sample.
 */
public sealed interface Law permits GaussianLaw, MixtureLaw, EmpiricalLaw {

    /** The dimension {@code d} of the space the law lives on. */
    int dim();

    /**
     * Fails with a {@link org.daetransport.api.ShapeException} naming both dimensions unless
     * {@code otherDim == dim()}.
     *
     * @param what what has dimension {@code otherDim}, e.g. "points"
     */
    default void requireDim(int otherDim, String what) {
        if (otherDim != dim()) {
            throw new org.daetransport.api.ShapeException(what + " have dimension " + otherDim
                    + " but the law has dimension " + dim());
        }
    }
}
