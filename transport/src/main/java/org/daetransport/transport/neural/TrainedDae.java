package org.daetransport.transport.neural;

import org.daetransport.api.Checks;
import org.daetransport.api.Tensor;
import org.daetransport.api.TransportMap;

/**
 * A neural DAE: a trained network approximating the optimal DAE {@code E[X | X + eps = x]} of
 * noise variance {@code t}, with its provenance. As a transport map it applies the network.
 */
public record TrainedDae(Mlp model, double t, Provenance provenance) implements TransportMap {

    public TrainedDae {
        Checks.requirePositive(t, "noise variance t");
        if (model.inputDim() != model.outputDim()) {
            throw new IllegalArgumentException("a DAE maps R^d to itself, got a network " + model.inputDim()
                    + " -> " + model.outputDim());
        }
    }

    @Override
    public int inputDim() {
        return model.inputDim();
    }

    @Override
    public int outputDim() {
        return model.outputDim();
    }

    @Override
    public Tensor apply(Tensor points) {
        return model.forward(points);
    }

    /** The final epoch's mean training loss. */
    public double finalLoss() {
        return provenance.lossHistory().get(provenance.lossHistory().size() - 1);
    }
}
