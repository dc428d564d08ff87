package org.daetransport.transport.ot;

/** W2 distances by the name the CLI uses, with their default parameters. */
public final class W2Distances {

    private W2Distances() {
    }

    /**
     * {@code "exact"}, {@code "sinkhorn"} (target epsilon 0.01 mean cost), {@code "sliced"} (200
     * projections, fixed seed) or {@code "bures"}.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static W2Distance byName(String name) {
        if (name != null) {
            switch (name) {
                case ExactW2.METHOD:
                    return new ExactW2();
                case SinkhornW2.METHOD:
                    return new SinkhornW2();
                case SlicedW2.METHOD:
                    return new SlicedW2();
                case BuresW2.METHOD:
                    return new BuresW2();
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("unknown W2 method '" + name + "'; known: exact, sinkhorn, sliced, bures");
    }
}
