package org.daetransport.transport.neural;

import org.daetransport.api.Tensor;

import java.util.SplittableRandom;

/**
 * A training objective for {@link MlpTrainer}: how a mini-batch of features becomes the network
 * input, and the batch-mean loss with its gradient with respect to the network output.
 */
public interface Loss {

    /** A short name recorded in provenance, e.g. {@code denoising}. */
    String name();

    /**
     * The network input for a mini-batch of {@code features}. The default passes them through; a
     * denoising loss adds fresh noise drawn from {@code random} (which it advances). Modifies nothing else.
     */
    default Tensor input(Tensor features, SplittableRandom random) {
        return features;
    }

    /**
     * The loss averaged over the batch rows and its gradient with respect to {@code output}
     * (same shape as {@code output}). Modifies nothing.
     */
    Evaluation evaluate(Tensor output, Tensor target);

    /** A batch-mean loss value and its gradient with respect to the network output. */
    record Evaluation(double value, Tensor gradient) {
    }
}
