package org.daetransport.transport.neural;

import org.daetransport.api.Activation;
import org.daetransport.api.Checks;
import org.daetransport.api.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Trains a neural DAE of noise variance {@code t} on a point cloud: an MLP
 * {@code d -> hidden... -> d}, initialised by {@link Mlp#create}, trained by {@link MlpTrainer}
 * on {@link DenoisingLoss}. Configure with {@link #builder()}:
 * <pre>{@code
 * TrainedDae dae = DaeTrainer.builder().hidden(64, 64).activation(Activation.TANH)
 *         .epochs(200).batchSize(64).learningRate(3e-3).seed(1).noise(0.05).build().train(data);
 * }</pre>
 * One seed fixes initialisation, shuffling and noise, so a run is reproducible on any backend.
 */
public final class DaeTrainer {

    private final int[] hidden;
    private final Activation activation;
    private final Activation outputActivation;
    private final TrainingConfig config;
    private final double t;
    private final TrainingListener listener;
    private MlpTrainer lastTrainer;

    private DaeTrainer(DaeTrainer base, double t, long seed) {
        this.hidden = base.hidden;
        this.activation = base.activation;
        this.outputActivation = base.outputActivation;
        TrainingConfig c = base.config;
        this.config = new TrainingConfig(c.epochs(), c.batchSize(), c.learningRate(), c.beta1(), c.beta2(), c.epsilon(), seed);
        this.t = Checks.requirePositive(t, "noise variance t");
        this.listener = base.listener;
    }

    /** A trainer with the same architecture and optimiser settings but noise {@code t} and {@code seed}. */
    public DaeTrainer with(double t, long seed) {
        return new DaeTrainer(this, t, seed);
    }

    private DaeTrainer(Builder b) {
        this.hidden = b.hidden.clone();
        this.activation = b.activation;
        this.outputActivation = b.outputActivation;
        this.config = new TrainingConfig(b.epochs, b.batchSize, b.learningRate, b.beta1, b.beta2, b.epsilon, b.seed);
        this.t = Checks.requirePositive(b.t, "noise variance t");
        this.listener = b.listener;
    }

    public static Builder builder() {
        return new Builder();
    }

    public double t() {
        return t;
    }

    public TrainingConfig config() {
        return config;
    }

    /** The widths of the network trained on {@code d}-dimensional data. */
    public int[] dims(int d) {
        int[] dims = new int[hidden.length + 2];
        dims[0] = d;
        System.arraycopy(hidden, 0, dims, 1, hidden.length);
        dims[dims.length - 1] = d;
        return dims;
    }

    /**
     * Trains a DAE on the rows of {@code data} (not modified), on {@code data}'s backend.
     *
     * @throws IllegalArgumentException if {@code data} is empty
     * @throws TrainingFailedException  on divergence, naming the epoch; see {@link #lastGoodModel()}
     */
    public TrainedDae train(Tensor data) {
        if (data.rows() == 0 || data.cols() == 0) {
            throw new IllegalArgumentException("cannot train a DAE on empty data " + data.shape());
        }
        Mlp initial = Mlp.create(data.backend(), dims(data.cols()), activation, outputActivation, config.seed());
        MlpTrainer trainer = new MlpTrainer(config, listener);
        lastTrainer = trainer;
        MlpTrainer.Result result = trainer.fit(initial, data, data, new DenoisingLoss(t));
        return new TrainedDae(result.model(), t, provenance(data, result.lossHistory()));
    }

    /** The last good model of the latest {@link #train} call (its checkpoint), or null before any call. */
    public Mlp lastGoodModel() {
        return lastTrainer == null ? null : lastTrainer.lastGoodModel();
    }

    private Provenance provenance(Tensor data, List<Double> history) {
        List<Integer> h = new ArrayList<>();
        for (int w : hidden) {
            h.add(w);
        }
        return new Provenance(config.seed(), data.backend().name(), data.rows(), data.cols(), "denoising", history,
                new Provenance.Hyperparameters(h, activation.name(), outputActivation.name(), config.epochs(),
                        config.batchSize(), config.learningRate(), config.beta1(), config.beta2(), config.epsilon()),
                Provenance.LIBRARY);
    }

    /** Builder with defaults: hidden 64,64, tanh, linear output, 100 epochs, batch 64, lr 1e-3, Adam (0.9, 0.999, 1e-8), seed 0, t required. */
    public static final class Builder {
        private int[] hidden = {64, 64};
        private Activation activation = Activation.TANH;
        private Activation outputActivation = Activation.IDENTITY;
        private int epochs = 100;
        private int batchSize = 64;
        private double learningRate = 1e-3;
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double epsilon = 1e-8;
        private long seed;
        private double t = Double.NaN;
        private TrainingListener listener = TrainingListener.none();

        private Builder() {
        }

        /** Hidden widths, each positive (none for a single affine layer). */
        public Builder hidden(int... widths) {
            for (int w : widths) {
                if (w <= 0) {
                    throw new IllegalArgumentException("hidden widths must be positive, got " + Arrays.toString(widths));
                }
            }
            this.hidden = widths.clone();
            return this;
        }

        public Builder activation(Activation a) {
            this.activation = a;
            return this;
        }

        public Builder outputActivation(Activation a) {
            this.outputActivation = a;
            return this;
        }

        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder learningRate(double lr) {
            this.learningRate = lr;
            return this;
        }

        public Builder adam(double beta1, double beta2, double epsilon) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.epsilon = epsilon;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The noise variance t of the DAE, positive. */
        public Builder noise(double t) {
            this.t = t;
            return this;
        }

        public Builder listener(TrainingListener listener) {
            this.listener = listener == null ? TrainingListener.none() : listener;
            return this;
        }

        /** @throws IllegalArgumentException naming the first invalid setting (lr, t, epochs, batch, Adam moments) */
        public DaeTrainer build() {
            return new DaeTrainer(this);
        }
    }
}
