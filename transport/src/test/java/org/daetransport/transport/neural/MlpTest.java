package org.daetransport.transport.neural;

import org.daetransport.api.Activation;
import org.daetransport.api.Backend;
import org.daetransport.api.DenseLayer;
import org.daetransport.api.Tensor;
import org.daetransport.backend.ejml.EjmlBackend;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MlpTest {

    private final Backend b = new EjmlBackend();

    @Test
    void rejectsLayersWhoseDimensionsDoNotChain() {
        DenseLayer first = new DenseLayer(b.create().zeros(2, 5), b.create().zeros(1, 5), Activation.TANH);
        DenseLayer second = new DenseLayer(b.create().zeros(4, 2), b.create().zeros(1, 2), Activation.IDENTITY);
        assertThatThrownBy(() -> new Mlp(List.of(first, second)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 2 expects input dimension 4")
                .hasMessageContaining("layer 1 outputs dimension 5");
        assertThatThrownBy(() -> new Mlp(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mlp.create(b, new int[] {2, 0, 2}, Activation.TANH, Activation.IDENTITY, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    @Test
    void forwardMatchesAPlainLoopAndForwardAllGivesEveryLayer() {
        Mlp net = Mlp.create(b, new int[] {3, 4, 2}, Activation.TANH, Activation.SIGMOID, 5);
        Tensor x = b.create().normal(7, 3, 9);
        double[][] xs = x.toRows();
        double[][] w1 = net.layers().get(0).weights().toRows();
        double[][] w2 = net.layers().get(1).weights().toRows();
        List<Tensor> all = net.forwardAll(x);
        assertThat(all).hasSize(2);
        for (int i = 0; i < 7; i++) {
            double[] h = new double[4];
            for (int j = 0; j < 4; j++) {
                double z = 0;
                for (int k = 0; k < 3; k++) {
                    z += xs[i][k] * w1[k][j];
                }
                h[j] = Math.tanh(z);
                assertThat(all.get(0).get(i, j)).isCloseTo(h[j], within(1e-14));
            }
            for (int j = 0; j < 2; j++) {
                double z = 0;
                for (int k = 0; k < 4; k++) {
                    z += h[k] * w2[k][j];
                }
                double expected = 1 / (1 + Math.exp(-z));
                assertThat(net.forward(x).get(i, j)).isCloseTo(expected, within(1e-14));
                assertThat(all.get(1).get(i, j)).isCloseTo(expected, within(1e-14));
            }
        }
        assertThat(net.dims()).containsExactly(3, 4, 2);
        assertThat(net.parameterCount()).isEqualTo(3 * 4 + 4 + 4 * 2 + 2);
    }

    @Test
    void initialisationIsSeededAndScaledByFanIn() {
        Mlp a = Mlp.create(b, new int[] {200, 300, 100}, Activation.RELU, Activation.IDENTITY, 11);
        Mlp same = Mlp.create(b, new int[] {200, 300, 100}, Activation.RELU, Activation.IDENTITY, 11);
        Mlp other = Mlp.create(b, new int[] {200, 300, 100}, Activation.RELU, Activation.IDENTITY, 12);
        assertThat(same.layers().get(0).weights().toArray()).containsExactly(a.layers().get(0).weights().toArray());
        assertThat(other.layers().get(0).weights().get(0, 0)).isNotEqualTo(a.layers().get(0).weights().get(0, 0));
        // He before a ReLU: variance 2/fanIn; Glorot otherwise: 2/(fanIn+fanOut). The sample
        // variance of n standard normals scaled by s^2 has relative sd sqrt(2/n); allow 4 sd.
        assertVariance(a.layers().get(0).weights().toArray(), 2.0 / 200);
        assertVariance(a.layers().get(1).weights().toArray(), 2.0 / (300 + 100));
        assertThat(a.layers().get(0).bias().toArray()).containsOnly(0.0);
    }

    private static void assertVariance(double[] w, double expected) {
        double s = 0;
        for (double v : w) {
            s += v * v;
        }
        double var = s / w.length;
        assertThat(var).isCloseTo(expected, within(4 * Math.sqrt(2.0 / w.length) * expected));
    }
}
