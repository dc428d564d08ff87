package org.daetransport.transport.neural;

import org.daetransport.api.Activation;
import org.daetransport.api.Backend;
import org.daetransport.api.Tensor;
import org.daetransport.backend.ejml.EjmlBackend;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class NeuralVsOptimalDaeTest {

    private final Backend b = new EjmlBackend();

    @Test
    void trainedDaeDenoisesHeldOutMoonsAboutAsWellAsTheOptimalEmpiricalDae() {
        double t = 0.1;
        Tensor train = ToyData.twoMoons(b, 500, 0.05, 1);
        TrainedDae dae = DaeTrainer.builder().hidden(64, 64).activation(Activation.TANH).epochs(100).batchSize(64)
                .learningRate(1e-2).seed(7).noise(t).build().train(train);

        // fresh held-out points of the same law, fresh noise
        Tensor heldOut = ToyData.twoMoons(b, 2000, 0.05, 2);
        Tensor noisy = new DenoisingLoss(t).input(heldOut, new SplittableRandom(3));
        double neural = meanSquaredDistance(dae.apply(noisy), heldOut);
        double optimal = meanSquaredDistance(b.kernels().kernelWeightedAverage(noisy, train, t), heldOut);

        // Both losses are dominated by the irreducible posterior variance (about t per
        // coordinate near the data); the network's extra error must stay within 10% of the
        // optimal empirical DAE's loss. The sampling error of the ratio over 2000 held-out points
        // (shared noise) is about 1%.
        assertThat(neural).isLessThan(1.10 * optimal);
        assertThat(neural).isGreaterThan(0.90 * optimal);
        // and denoising does something: the loss is far below the noise energy 2t of doing nothing
        assertThat(neural).isLessThan(0.75 * meanSquaredDistance(noisy, heldOut));
    }

    /** {@code (1/N) sum_i |a_i - b_i|^2}, by a plain loop. */
    static double meanSquaredDistance(Tensor a, Tensor b) {
        double[] x = a.toArray();
        double[] y = b.toArray();
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] - y[i]) * (x[i] - y[i]);
        }
        return s / a.rows();
    }
}
