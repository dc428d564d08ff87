package org.daetransport.transport.neural;

import org.daetransport.api.Backend;
import org.daetransport.api.Tensor;
import org.daetransport.api.Trajectory;
import org.daetransport.api.TransportMap;
import org.daetransport.transport.ot.W2Distance;

import java.util.ArrayList;
import org.daetransport.transport.flow.ContinuousDae;
import org.daetransport.transport.flow.DeepDae;
import org.daetransport.transport.flow.Schedule;
import org.daetransport.transport.law.EmpiricalLaw;
import java.util.List;

/**
 * A deep DAE of neural layers, each trained on the pushforward of the previous one (greedy
 * layer-wise stacking), with the trajectory of its training cloud through the stack.
 *
 * @param layers     the DAE layers, first to last
 * @param trajectory the training cloud: state 0 is the input, state k its image after layer k at
 *                   time (cumulative noise variance) {@code dt_1 + ... + dt_k}
 */
public record StackedDae(List<TrainedDae> layers, Trajectory trajectory) implements TransportMap {

    public StackedDae {
        layers = List.copyOf(layers);
        if (layers.isEmpty() || trajectory.size() != layers.size() + 1) {
            throw new IllegalArgumentException("a stacked DAE needs at least one layer and one trajectory state per layer plus the input, got "
                    + layers.size() + " layers and " + trajectory.size() + " states");
        }
    }

    /** One layer of the comparison with the optimal deep DAE. */
    public record LayerComparison(int layer, double time, double w2) {
    }

    @Override
    public int inputDim() {
        return layers.get(0).inputDim();
    }

    @Override
    public int outputDim() {
        return layers.get(layers.size() - 1).outputDim();
    }

    /** The images of {@code points} through every layer; modifies nothing. */
    @Override
    public Tensor apply(Tensor points) {
        Tensor x = points;
        for (TrainedDae l : layers) {
            x = l.apply(x);
        }
        return x;
    }

    /** The noise schedule {@code dt_1..dt_L}. */
    public double[] schedule() {
        double[] dt = new double[layers.size()];
        for (int k = 0; k < dt.length; k++) {
            dt[k] = layers.get(k).t();
        }
        return dt;
    }

    /**
     * Layer by layer, {@code W2(neural cloud after layer k, optimal cloud after layer k)}, where the
     * optimal deep DAE with the same schedule is run on the same input cloud: Gaussian blurring
     * mean shift, see {@link #optimalTrajectory}. Element {@code k-1} is layer {@code k}.
     */
    public List<LayerComparison> compareWithOptimal(W2Distance w2) {
        return compareWith(optimalTrajectory(trajectory.get(0).points(), schedule()), w2);
    }

    /**
     * Layer by layer, the W2 distance to the continuous DAE of the input cloud (the particle scheme
     * with a kernel score, {@link ContinuousDae}) sampled at the same times; needs a uniform schedule,
     * whose layer times are the continuous scheme's step times.
     */
    public List<LayerComparison> compareWithContinuous(W2Distance w2) {
        double[] dt = schedule();
        for (double step : dt) {
            if (Math.abs(step - dt[0]) > 1e-12 * dt[0]) {
                throw new IllegalArgumentException("the comparison with the continuous DAE needs a uniform schedule");
            }
        }
        Tensor x0 = trajectory.get(0).points();
        Trajectory continuous = new Trajectory();
        new ContinuousDae().run(new EmpiricalLaw(x0), x0, dt[0] * dt.length, dt.length, continuous);
        return compareWith(continuous, w2);
    }

    /** Layer by layer, {@code W2(neural cloud after layer k, state k of reference)}. */
    public List<LayerComparison> compareWith(Trajectory reference, W2Distance w2) {
        if (reference.size() != trajectory.size()) {
            throw new IllegalArgumentException("the reference has " + reference.size() + " states, the stack "
                    + trajectory.size());
        }
        List<LayerComparison> out = new ArrayList<>();
        for (int k = 1; k < trajectory.size(); k++) {
            Trajectory.State neural = trajectory.get(k);
            out.add(new LayerComparison(k, neural.time(), w2.distance(neural.points(), reference.get(k).points()).w2()));
        }
        return out;
    }

    /**
     * The optimal empirical deep DAE (each layer the optimal DAE of the current cloud, i.e.
     * Gaussian blurring mean shift, {@link DeepDae} on the empirical law of {@code x0}). Returns every
     * state, state 0 being {@code x0} (not modified) at time 0.
     */
    public static Trajectory optimalTrajectory(Tensor x0, double[] schedule) {
        Trajectory trajectory = new Trajectory();
        new DeepDae().run(new EmpiricalLaw(x0), x0, Schedule.of(schedule), trajectory);
        return trajectory;
    }
}
