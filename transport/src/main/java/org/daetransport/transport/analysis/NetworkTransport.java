package org.daetransport.transport.analysis;

import org.daetransport.api.Tensor;
import org.daetransport.api.Trajectory;

import java.util.List;

/**
 * The transport analysis of a feed-forward network on a point cloud.
 *
 * @param embeddingDim the dimension of the common space
 * @param trajectory   the embedded cloud: state 0 the input, state l the output of layer l (step l, time l)
 * @param outputs      the raw (not embedded) cloud after each layer, element 0 being the input
 * @param inputEntropy the entropy estimate of the input law
 * @param layers       one report per layer
 */
public record NetworkTransport(int embeddingDim, Trajectory trajectory, List<Tensor> outputs, double inputEntropy,
                               List<LayerReport> layers) {

    public NetworkTransport {
        outputs = List.copyOf(outputs);
        layers = List.copyOf(layers);
    }
}
