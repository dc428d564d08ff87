package org.daetransport.api;

/** A differentiable layer {@code R^inputDim -> R^outputDim}, applied to a batch of points (rows). */
public interface Layer {

    int inputDim();

    int outputDim();

    /** The layer's output for the batch {@code x} (N x inputDim). */
    Tensor forward(Tensor x);

    /**
     * Back-propagation: given the batch {@code x} and {@code dLoss/dOutput} (N x outputDim),
     * the gradients of the loss with respect to the input and to the parameters. Modifies nothing.
     */
    Gradients backward(Tensor x, Tensor gradOutput);

    /** Gradients of a loss with respect to a layer's input and parameters. */
    record Gradients(Tensor input, Tensor weights, Tensor bias) {
    }
}
