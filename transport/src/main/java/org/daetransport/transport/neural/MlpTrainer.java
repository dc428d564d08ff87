package org.daetransport.transport.neural;

import org.daetransport.api.Activation;
import org.daetransport.api.Backend;
import org.daetransport.api.Checks;
import org.daetransport.api.DenseLayer;
import org.daetransport.api.LinearAlgebra;
import org.daetransport.api.ShapeException;
import org.daetransport.api.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mini-batch Adam on any {@link Loss}, by back-propagation through an {@link Mlp}. Tensor algebra
 * runs on the network's backend; every random draw (shuffling, noise) and the Adam update itself
 * run in plain Java on float64 arrays, so one seed gives the same weights on every backend up to
 * the rounding of the backend's products.
 *
 * <p>Random protocol (part of the reproducibility contract): from {@code root = new
 * SplittableRandom(seed)}, the first {@code root.split()} shuffles the rows at the start of every
 * epoch (Fisher-Yates, {@code nextInt(i + 1)} for {@code i = n-1..1}), the second feeds
 * {@link Loss#input} for every mini-batch in order.
 *
 * <p>Not thread-safe: one instance trains one network at a time and keeps its checkpoint.
 */
public final class MlpTrainer {

    private final TrainingConfig config;
    private final TrainingListener listener;
    private Mlp lastGoodModel;

    public MlpTrainer(TrainingConfig config, TrainingListener listener) {
        this.config = config;
        this.listener = listener == null ? TrainingListener.none() : listener;
    }

    public TrainingConfig config() {
        return config;
    }

    /** The result of {@link #fit}: the trained network, the mean loss of each epoch, the Adam steps taken. */
    public record Result(Mlp model, List<Double> lossHistory, long steps) {
        public Result {
            lossHistory = List.copyOf(lossHistory);
        }

        /** The last epoch's mean training loss. */
        public double finalLoss() {
            return lossHistory.get(lossHistory.size() - 1);
        }
    }

    /**
     * Trains a copy of {@code initial} (which is not modified) to minimise {@code loss} over
     * the rows of {@code features} with their {@code targets} (same row count; for denoising, the
     * features themselves). Each epoch shuffles the rows with a seeded permutation.
     *
     * @throws IllegalArgumentException  if shapes do not fit the network or backends differ
     * @throws TrainingFailedException   on a non-finite loss or weight, naming the epoch; the last
     *                                   good model is kept in the exception and in {@link #lastGoodModel()}
     */
    public Result fit(Mlp initial, Tensor features, Tensor targets, Loss loss) {
        Backend backend = initial.backend();
        Checks.requireOwner(backend, features, targets);
        if (features.cols() != initial.inputDim()) {
            throw new ShapeException("training data has " + features.cols() + " columns, the network expects " + initial.inputDim());
        }
        if (targets.cols() != initial.outputDim()) {
            throw new ShapeException("training targets have " + targets.cols() + " columns, the network outputs " + initial.outputDim());
        }
        if (targets.rows() != features.rows() || features.rows() == 0) {
            throw new ShapeException("training needs as many targets as rows (at least one), got "
                    + features.rows() + " rows and " + targets.rows() + " targets");
        }
        int n = features.rows();
        int dIn = features.cols();
        int dOut = targets.cols();
        double[] x = features.toArray();
        double[] y = targets.toArray();

        List<DenseLayer> layers = initial.layers();
        int depth = layers.size();
        double[][] w = new double[depth][];
        double[][] bias = new double[depth][];
        Adam[] adamW = new Adam[depth];
        Adam[] adamB = new Adam[depth];
        Tensor[] weightTensors = new Tensor[depth];
        Tensor[] biasTensors = new Tensor[depth];
        for (int k = 0; k < depth; k++) {
            w[k] = layers.get(k).weights().toArray();
            bias[k] = layers.get(k).bias().toArray();
            adamW[k] = new Adam(w[k].length);
            adamB[k] = new Adam(bias[k].length);
            weightTensors[k] = layers.get(k).weights();
            biasTensors[k] = layers.get(k).bias();
        }

        SplittableRandom root = new SplittableRandom(config.seed());
        SplittableRandom shuffleRandom = root.split();
        SplittableRandom noiseRandom = root.split();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        lastGoodModel = initial;
        List<Double> history = new ArrayList<>();
        long step = 0;
        LinearAlgebra la = backend.linalg();
        Tensor[] acts = new Tensor[depth + 1];
        Tensor[] pre = new Tensor[depth];

        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            shuffle(order, shuffleRandom);
            double lossSum = 0;
            int batchIndex = 0;
            for (int start = 0; start < n; start += config.batchSize(), batchIndex++) {
                int m = Math.min(config.batchSize(), n - start);
                double[] bx = new double[m * dIn];
                double[] by = new double[m * dOut];
                for (int r = 0; r < m; r++) {
                    System.arraycopy(x, order[start + r] * dIn, bx, r * dIn, dIn);
                    System.arraycopy(y, order[start + r] * dOut, by, r * dOut, dOut);
                }
                Tensor batchFeatures = backend.create().fromArray(bx, m, dIn);
                Tensor batchTargets = backend.create().fromArray(by, m, dOut);

                acts[0] = loss.input(batchFeatures, noiseRandom);
                for (int k = 0; k < depth; k++) {
                    pre[k] = la.addRowVector(la.matmul(acts[k], weightTensors[k]), biasTensors[k]);
                    Activation f = layers.get(k).activation();
                    acts[k + 1] = f == Activation.IDENTITY ? pre[k] : backend.elementwise().apply(pre[k], f);
                }
                Loss.Evaluation eval = loss.evaluate(acts[depth], batchTargets);
                if (!Double.isFinite(eval.value())) {
                    throw failure(epoch, batchIndex, "loss is " + eval.value());
                }
                lossSum += eval.value() * m;

                Tensor grad = eval.gradient();
                step++;
                for (int k = depth - 1; k >= 0; k--) {
                    Tensor dz = backpropActivation(backend, layers.get(k).activation(), grad, pre[k], acts[k + 1]);
                    if (k > 0) {
                        grad = la.matmul(dz, false, weightTensors[k], true);
                    }
                    double[] gw = la.matmul(acts[k], true, dz, false).toArray();
                    double[] gb = backend.reductions().columnSums(dz).toArray();
                    if (!adamW[k].update(w[k], gw, step) || !adamB[k].update(bias[k], gb, step)) {
                        throw failure(epoch, batchIndex, "layer " + (k + 1) + " has a non-finite weight after the update");
                    }
                }
                for (int k = 0; k < depth; k++) {
                    DenseLayer l = layers.get(k);
                    weightTensors[k] = backend.create().fromArray(w[k], l.inputDim(), l.outputDim());
                    biasTensors[k] = backend.create().fromArray(bias[k], 1, l.outputDim());
                }
            }
            double epochLoss = lossSum / n;
            history.add(epochLoss);
            lastGoodModel = snapshot(layers, weightTensors, biasTensors);
            listener.epochFinished(epoch, epochLoss);
        }
        return new Result(lastGoodModel, history, step);
    }

    /**
     * {@code dLoss/dz = dLoss/da * f'(z)}. For tanh and the sigmoid, f' is read off the activation
     * {@code a} ({@code 1 - a^2}, {@code a - a^2}) instead of evaluating the transcendental again.
     */
    private static Tensor backpropActivation(Backend backend, Activation f, Tensor grad, Tensor z, Tensor a) {
        var ew = backend.elementwise();
        switch (f) {
            case IDENTITY:
                return grad;
            case TANH: {
                Tensor ga = ew.multiply(grad, a);
                return backend.linalg().subtract(grad, ew.multiply(ga, a));
            }
            case SIGMOID: {
                Tensor ga = ew.multiply(grad, a);
                return backend.linalg().subtract(ga, ew.multiply(ga, a));
            }
            default:
                return ew.multiply(grad, ew.derivative(z, f));
        }
    }

    /**
     * The checkpoint: the model after the last epoch that completed with finite losses (the
     * initial model if none did), or null before {@link #fit} was called.
     */
    public Mlp lastGoodModel() {
        return lastGoodModel;
    }

    private TrainingFailedException failure(int epoch, int batch, String what) {
        return new TrainingFailedException("training diverged in epoch " + epoch + " (batch " + (batch + 1) + "): "
                + what + "; kept the last good model (after epoch " + (epoch - 1) + "); try a smaller learning rate",
                epoch, lastGoodModel);
    }

    private static Mlp snapshot(List<DenseLayer> layers, Tensor[] w, Tensor[] b) {
        List<DenseLayer> out = new ArrayList<>(layers.size());
        for (int k = 0; k < layers.size(); k++) {
            out.add(new DenseLayer(w[k], b[k], layers.get(k).activation()));
        }
        return new Mlp(out);
    }

    /** Fisher-Yates with the given random (advanced). */
    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }

    /** Adam's moment estimates for one parameter array. */
    private final class Adam {
        private final double[] m;
        private final double[] v;

        Adam(int size) {
            m = new double[size];
            v = new double[size];
        }

        /** Updates {@code params} in place with {@code grad}; false if a parameter became non-finite. */
        boolean update(double[] params, double[] grad, long step) {
            double b1 = config.beta1();
            double b2 = config.beta2();
            double c1 = 1 - Math.pow(b1, step);
            double c2 = 1 - Math.pow(b2, step);
            double lr = config.learningRate();
            double eps = config.epsilon();
            double stepSize = lr / c1;
            double invC2 = 1 / c2;
            // no branch in this loop, so that C2 can vectorise it; finiteness is checked after
            for (int i = 0; i < params.length; i++) {
                double g = grad[i];
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                params[i] -= stepSize * m[i] / (Math.sqrt(v[i] * invC2) + eps);
            }
            for (double p : params) {
                if (!Double.isFinite(p)) {
                    return false;
                }
            }
            return true;
        }
    }
}
