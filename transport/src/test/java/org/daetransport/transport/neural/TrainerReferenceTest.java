package org.daetransport.transport.neural;

import org.daetransport.api.Activation;
import org.daetransport.api.Backend;
import org.daetransport.api.DenseLayer;
import org.daetransport.api.SeededNormal;
import org.daetransport.api.Tensor;
import org.daetransport.backend.ejml.EjmlBackend;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The trainer (backend tensor algebra) against an independent plain-loop implementation of the
 * same protocol: Fisher-Yates shuffling on the first split of {@code SplittableRandom(seed)},
 * denoising noise on the second, back-propagation by hand, Adam. Because all randomness is drawn
 * in Java, any backend must reproduce these weights up to the rounding of its products; here the
 * two agree to 1e-12 (a few epochs of float64 rounding).
 */
class TrainerReferenceTest {

    private static final double T = 0.3;
    private final Backend b = new EjmlBackend();

    @Test
    void trainerMatchesAPlainJavaReferenceAndBackpropMatchesFiniteDifferences() {
        int n = 10;
        int[] dims = {2, 3, 3, 2};
        Tensor data = ToyData.twoMoons(b, n, 0.1, 3);
        Mlp initial = Mlp.create(b, dims, Activation.TANH, Activation.IDENTITY, 17);
        TrainingConfig config = new TrainingConfig(3, 4, 0.05, 0.9, 0.99, 1e-8, 23);

        Mlp trained = new MlpTrainer(config, null).fit(initial, data, data, new DenoisingLoss(T)).model();

        Reference ref = new Reference(initial);
        ref.train(data.toArray(), n, config);
        for (int k = 0; k < 3; k++) {
            double[] w = trained.layers().get(k).weights().toArray();
            double[] bias = trained.layers().get(k).bias().toArray();
            for (int i = 0; i < w.length; i++) {
                assertThat(w[i]).isCloseTo(ref.w[k][i], within(1e-12));
            }
            for (int i = 0; i < bias.length; i++) {
                assertThat(bias[i]).isCloseTo(ref.b[k][i], within(1e-12));
            }
            // training moved the weights
            assertThat(w[0]).isNotCloseTo(initial.layers().get(k).weights().toArray()[0], within(1e-6));
        }

        // the hand-written gradient is the derivative of the loss: central differences, error O(h^2)
        double[] input = {0.3, -0.2, 1.1, 0.4};
        double[] target = {0.2, 0.1, 0.9, 0.5};
        Reference probe = new Reference(initial);
        double[][][] grads = probe.gradients(input, target, 2);
        double h = 1e-6;
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < probe.w[k].length; i++) {
                double keep = probe.w[k][i];
                probe.w[k][i] = keep + h;
                double up = probe.loss(input, target, 2);
                probe.w[k][i] = keep - h;
                double down = probe.loss(input, target, 2);
                probe.w[k][i] = keep;
                assertThat(grads[0][k][i]).isCloseTo((up - down) / (2 * h), within(1e-8));
            }
        }
    }

    /** Plain-array MLP with tanh hidden layers and a linear output. */
    private static final class Reference {
        final int[] dims;
        final double[][] w;
        final double[][] b;

        Reference(Mlp net) {
            dims = net.dims();
            w = new double[net.depth()][];
            b = new double[net.depth()][];
            for (int k = 0; k < net.depth(); k++) {
                DenseLayer l = net.layers().get(k);
                w[k] = l.weights().toArray();
                b[k] = l.bias().toArray();
            }
        }

        /** Pre-activations z[k] and activations a[k] of a batch of m rows. */
        double[][][] forward(double[] x, int m) {
            int depth = w.length;
            double[][] a = new double[depth + 1][];
            double[][] z = new double[depth][];
            a[0] = x;
            for (int k = 0; k < depth; k++) {
                int in = dims[k];
                int out = dims[k + 1];
                z[k] = new double[m * out];
                a[k + 1] = new double[m * out];
                for (int r = 0; r < m; r++) {
                    for (int j = 0; j < out; j++) {
                        double s = b[k][j];
                        for (int i = 0; i < in; i++) {
                            s += a[k][r * in + i] * w[k][i * out + j];
                        }
                        z[k][r * out + j] = s;
                        a[k + 1][r * out + j] = k == depth - 1 ? s : Math.tanh(s);
                    }
                }
            }
            return new double[][][] {a, z};
        }

        double loss(double[] x, double[] target, int m) {
            double[] out = forward(x, m)[0][w.length];
            double s = 0;
            for (int i = 0; i < out.length; i++) {
                s += (out[i] - target[i]) * (out[i] - target[i]);
            }
            return s / m;
        }

        /** {dL/dW, dL/db} per layer for the batch-mean squared error. */
        double[][][] gradients(double[] x, double[] target, int m) {
            double[][][] fz = forward(x, m);
            double[][] a = fz[0];
            double[][] z = fz[1];
            int depth = w.length;
            double[][] gw = new double[depth][];
            double[][] gb = new double[depth][];
            double[] delta = new double[a[depth].length];
            for (int i = 0; i < delta.length; i++) {
                delta[i] = 2 * (a[depth][i] - target[i]) / m;
            }
            for (int k = depth - 1; k >= 0; k--) {
                int in = dims[k];
                int out = dims[k + 1];
                if (k < depth - 1) {
                    for (int i = 0; i < delta.length; i++) {
                        double t = Math.tanh(z[k][i]);
                        delta[i] *= 1 - t * t;
                    }
                }
                gw[k] = new double[in * out];
                gb[k] = new double[out];
                double[] prev = new double[m * in];
                for (int r = 0; r < m; r++) {
                    for (int j = 0; j < out; j++) {
                        double d = delta[r * out + j];
                        gb[k][j] += d;
                        for (int i = 0; i < in; i++) {
                            gw[k][i * out + j] += a[k][r * in + i] * d;
                            prev[r * in + i] += d * w[k][i * out + j];
                        }
                    }
                }
                delta = prev;
            }
            return new double[][][] {gw, gb};
        }

        void train(double[] data, int n, TrainingConfig c) {
            int d = dims[0];
            SplittableRandom root = new SplittableRandom(c.seed());
            SplittableRandom shuffle = root.split();
            SplittableRandom noise = root.split();
            double[][] mw = zerosLike(w);
            double[][] vw = zerosLike(w);
            double[][] mb = zerosLike(b);
            double[][] vb = zerosLike(b);
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            long step = 0;
            for (int epoch = 0; epoch < c.epochs(); epoch++) {
                for (int i = n - 1; i > 0; i--) {
                    int j = shuffle.nextInt(i + 1);
                    int tmp = order[i];
                    order[i] = order[j];
                    order[j] = tmp;
                }
                for (int start = 0; start < n; start += c.batchSize()) {
                    int m = Math.min(c.batchSize(), n - start);
                    double[] clean = new double[m * d];
                    for (int r = 0; r < m; r++) {
                        System.arraycopy(data, order[start + r] * d, clean, r * d, d);
                    }
                    double[] eps = SeededNormal.fill(new double[m * d], noise);
                    double[] noisy = new double[m * d];
                    for (int i = 0; i < noisy.length; i++) {
                        noisy[i] = clean[i] + Math.sqrt(T) * eps[i];
                    }
                    double[][][] g = gradients(noisy, clean, m);
                    step++;
                    for (int k = 0; k < w.length; k++) {
                        adam(w[k], g[0][k], mw[k], vw[k], step, c);
                        adam(b[k], g[1][k], mb[k], vb[k], step, c);
                    }
                }
            }
        }

        private static void adam(double[] p, double[] g, double[] m, double[] v, long step, TrainingConfig c) {
            for (int i = 0; i < p.length; i++) {
                m[i] = c.beta1() * m[i] + (1 - c.beta1()) * g[i];
                v[i] = c.beta2() * v[i] + (1 - c.beta2()) * g[i] * g[i];
                double mHat = m[i] / (1 - Math.pow(c.beta1(), step));
                double vHat = v[i] / (1 - Math.pow(c.beta2(), step));
                p[i] -= c.learningRate() * mHat / (Math.sqrt(vHat) + c.epsilon());
            }
        }

        private static double[][] zerosLike(double[][] a) {
            double[][] z = new double[a.length][];
            for (int i = 0; i < a.length; i++) {
                z[i] = new double[a[i].length];
            }
            return z;
        }
    }
}
