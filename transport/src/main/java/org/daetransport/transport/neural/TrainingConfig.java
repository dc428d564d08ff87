package org.daetransport.transport.neural;

/**
 * Hyperparameters of mini-batch Adam training.
 *
 * @param epochs       passes over the data, at least 1
 * @param batchSize    rows per mini-batch, at least 1 (the last batch of an epoch may be smaller)
 * @param learningRate Adam step size, positive
 * @param beta1        first-moment decay, in [0, 1)
 * @param beta2        second-moment decay, in [0, 1)
 * @param epsilon      Adam's denominator guard, positive
 * @param seed         seeds shuffling and noise (drawn in Java, so every backend sees the same)
 */
public record TrainingConfig(int epochs, int batchSize, double learningRate, double beta1, double beta2,
                             double epsilon, long seed) {

    /** @throws IllegalArgumentException naming the first invalid hyperparameter */
    public TrainingConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + learningRate);
        }
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta2 must be in [0, 1), got " + beta2);
        }
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("Adam epsilon must be positive and finite, got " + epsilon);
        }
    }

    /** Adam's usual moments (0.9, 0.999, 1e-8) with the given schedule. */
    public static TrainingConfig adam(int epochs, int batchSize, double learningRate, long seed) {
        return new TrainingConfig(epochs, batchSize, learningRate, 0.9, 0.999, 1e-8, seed);
    }
}
