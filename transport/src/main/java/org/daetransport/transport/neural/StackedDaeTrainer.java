package org.daetransport.transport.neural;

import org.daetransport.api.Checks;
import org.daetransport.api.Tensor;
import org.daetransport.api.Trajectory;

import java.util.ArrayList;
import java.util.List;

/**
 * Trains a deep neural DAE greedily: with the uniform schedule {@code dt_k = T/L}, layer {@code k}
 * is a DAE of noise {@code dt_k} trained on the pushforward of the data through layers
 * {@code 1..k-1} (the neural counterpart of the optimal deep DAE of PAPER.md section 3).
 */
public final class StackedDaeTrainer {

    private final DaeTrainer base;
    private final int depth;
    private final double totalTime;

    /**
     * @param base      architecture and optimiser settings of every layer (its own noise level is
     *                  replaced by {@code T/L}; layer {@code k} uses seed {@code base seed + k - 1})
     * @param depth     the number of layers L, at least 1
     * @param totalTime the total noise variance T, positive
     */
    public StackedDaeTrainer(DaeTrainer base, int depth, double totalTime) {
        if (depth < 1) {
            throw new IllegalArgumentException("a stacked DAE needs at least one layer, got " + depth);
        }
        this.base = base;
        this.depth = depth;
        this.totalTime = Checks.requirePositive(totalTime, "total noise variance T");
    }

    /**
     * Trains the stack on the rows of {@code data} (not modified) and records the cloud's trajectory.
     *
     * @throws TrainingFailedException if a layer's training diverges
     */
    public StackedDae train(Tensor data) {
        double dt = totalTime / depth;
        Trajectory trajectory = new Trajectory();
        trajectory.init(0.0, data);
        List<TrainedDae> layers = new ArrayList<>();
        Tensor x = data;
        for (int k = 1; k <= depth; k++) {
            TrainedDae layer = base.with(dt, base.config().seed() + k - 1).train(x);
            layers.add(layer);
            x = layer.apply(x);
            trajectory.handleStep(k, k * dt, x);
        }
        trajectory.finish(totalTime, x);
        return new StackedDae(layers, trajectory);
    }
}
