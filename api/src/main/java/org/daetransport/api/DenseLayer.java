package org.daetransport.api;

/**
 * The affine layer {@code y = f(x W + b)}, with {@code W} inputDim x outputDim and {@code b} a
 * 1 x outputDim row, written once on top of any backend's operations.
 */
public record DenseLayer(Tensor weights, Tensor bias, Activation activation) implements Layer {

    public DenseLayer {
        if (bias.rows() != 1 || bias.cols() != weights.cols()) {
            throw new ShapeException("dense layer: bias must be 1x" + weights.cols() + " for weights "
                    + weights.shape() + ", got " + bias.shape());
        }
        Checks.requireOwner(weights.backend(), bias);
    }

    @Override
    public int inputDim() {
        return weights.rows();
    }

    @Override
    public int outputDim() {
        return weights.cols();
    }

    /** The pre-activation {@code x W + b}. */
    public Tensor preActivation(Tensor x) {
        LinearAlgebra la = weights.backend().linalg();
        return la.addRowVector(la.matmul(x, weights), bias);
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor z = preActivation(x);
        return activation == Activation.IDENTITY ? z : weights.backend().elementwise().apply(z, activation);
    }

    @Override
    public Gradients backward(Tensor x, Tensor gradOutput) {
        Backend b = weights.backend();
        Tensor dz = activation == Activation.IDENTITY
                ? gradOutput
                : b.elementwise().multiply(gradOutput, b.elementwise().derivative(preActivation(x), activation));
        Tensor gradWeights = b.linalg().matmul(x, true, dz, false);
        Tensor gradBias = b.reductions().columnSums(dz);
        Tensor gradInput = b.linalg().matmul(dz, false, weights, true);
        return new Gradients(gradInput, gradWeights, gradBias);
    }
}
