package org.daetransport.api;

/** A map {@code R^inputDim -> R^outputDim} applied to batches of points: a layer, a DAE, a network. */
public interface TransportMap {

    int inputDim();

    int outputDim();

    /** The images of the rows of {@code points} (N x inputDim); modifies nothing. */
    Tensor apply(Tensor points);

    /** {@code next o this}. */
    default TransportMap andThen(TransportMap next) {
        TransportMap first = this;
        if (next.inputDim() != first.outputDim()) {
            throw new ShapeException("cannot compose: output dimension " + first.outputDim()
                    + " does not match next input dimension " + next.inputDim());
        }
        return new TransportMap() {
            @Override public int inputDim() { return first.inputDim(); }
            @Override public int outputDim() { return next.outputDim(); }
            @Override public Tensor apply(Tensor points) { return next.apply(first.apply(points)); }
        };
    }

    /** A layer read as a transport map. */
    static TransportMap of(Layer layer) {
        return new TransportMap() {
            @Override public int inputDim() { return layer.inputDim(); }
            @Override public int outputDim() { return layer.outputDim(); }
            @Override public Tensor apply(Tensor points) { return layer.forward(points); }
        };
    }
}
