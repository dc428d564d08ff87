package org.daetransport.transport.neural;

import org.daetransport.api.Backend;
import org.daetransport.api.Tensor;
import org.daetransport.backend.ejml.EjmlBackend;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LossTest {

    private final Backend b = new EjmlBackend();

    @Test
    void softmaxCrossEntropyValueAndGradientMatchTheDefinition() {
        double[][] z = {{1.0, -2.0, 0.5}, {300.0, 299.0, -1.0}};
        int[] labels = {2, 0};
        Tensor logits = b.create().fromRows(z);
        Loss.Evaluation e = new SoftmaxCrossEntropy().evaluate(logits, SoftmaxCrossEntropy.oneHot(b, labels, 3));

        double expected = 0;
        for (int i = 0; i < 2; i++) {
            double max = Math.max(z[i][0], Math.max(z[i][1], z[i][2]));
            double sum = 0;
            for (double v : z[i]) {
                sum += Math.exp(v - max);
            }
            expected += (max + Math.log(sum) - z[i][labels[i]]) / 2;
            for (int k = 0; k < 3; k++) {
                double p = Math.exp(z[i][k] - max) / sum;
                // a few ulps of exp and of the normalisation
                assertThat(e.gradient().get(i, k)).isCloseTo((p - (k == labels[i] ? 1 : 0)) / 2, within(1e-13));
            }
        }
        assertThat(e.value()).isCloseTo(expected, within(1e-12));
        assertThat(SoftmaxCrossEntropy.accuracy(logits, new int[] {0, 0})).isEqualTo(1.0);
        assertThat(SoftmaxCrossEntropy.accuracy(logits, labels)).isEqualTo(0.5);
        assertThatThrownBy(() -> SoftmaxCrossEntropy.oneHot(b, new int[] {3}, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void denoisingLossAddsNoiseOfVarianceTAndMeasuresSquaredError() {
        double t = 0.25;
        Tensor x = b.create().zeros(20000, 2);
        double[] noisy = new DenoisingLoss(t).input(x, new SplittableRandom(1)).toArray();
        double mean = 0;
        double sq = 0;
        for (double v : noisy) {
            mean += v / noisy.length;
            sq += v * v / noisy.length;
        }
        // 40000 samples: sd of the mean sqrt(t/40000) = 0.0025, of the variance t sqrt(2/40000) = 0.0018
        assertThat(mean).isCloseTo(0, within(4 * 0.0025));
        assertThat(sq).isCloseTo(t, within(4 * 0.0018));

        Loss.Evaluation e = new DenoisingLoss(t).evaluate(b.create().fromRows(new double[][] {{1, 2}, {0, 0}}),
                b.create().fromRows(new double[][] {{0, 0}, {3, 4}}));
        assertThat(e.value()).isCloseTo((5 + 25) / 2.0, within(1e-14));
        assertThat(e.gradient().toArray()).containsExactly(1, 2, -3, -4);
        assertThatThrownBy(() -> new DenoisingLoss(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
