package org.daetransport.transport.analysis;

import org.daetransport.api.Activation;
import org.daetransport.api.Backend;
import org.daetransport.api.DenseLayer;
import org.daetransport.api.Tensor;
import org.daetransport.api.TransportMap;
import org.daetransport.backend.ejml.EjmlBackend;
import org.daetransport.transport.neural.Mlp;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NetworkAnalysisTest {

    private final Backend b = new EjmlBackend();
    private final NetworkAnalysis analysis = new NetworkAnalysis(new BruteForceW2(), new NearestNeighbourEntropy());

    private Tensor cloud() {
        return b.create().fromRows(new double[][] {{0, 0}, {1, 0.5}, {-0.5, 2}, {2, -1}, {0.3, 0.7}, {-1.2, -0.4}});
    }

    @Test
    void translationMovesEveryPointByTheShift() {
        // x -> x + v: every displacement is |v| = 5, the kinetic energy |v|^2 = 25, and the
        // optimal coupling of a cloud with its translate is the translation, so W2 = |v|.
        DenseLayer shift = new DenseLayer(b.create().identity(2), b.create().row(3, 4), Activation.IDENTITY);
        NetworkTransport result = analysis.analyze(NetworkAnalysis.maps(List.of(shift)), cloud());

        LayerReport r = result.layers().get(0);
        assertThat(r.layer()).isEqualTo(1);
        assertThat(r.dimIn()).isEqualTo(2);
        assertThat(r.dimOut()).isEqualTo(2);
        assertThat(r.meanDisplacement()).isCloseTo(5.0, within(1e-12));
        assertThat(r.kineticEnergy()).isCloseTo(25.0, within(1e-12));
        assertThat(r.w2ToPrevious()).isCloseTo(5.0, within(1e-12));
        // entropy is translation invariant
        assertThat(r.entropy()).isCloseTo(result.inputEntropy(), within(1e-12));
        assertThat(result.trajectory().size()).isEqualTo(2);
    }

    @Test
    void zeroPaddingEmbedsNarrowLayersInTheWidestSpace() {
        // 2 -> 3: (x, y) -> (x, y, 1). Padded input (x, y, 0): each point moves by exactly 1.
        Tensor w = b.create().fromRows(new double[][] {{1, 0, 0}, {0, 1, 0}});
        DenseLayer lift = new DenseLayer(w, b.create().row(0, 0, 1), Activation.IDENTITY);
        // 3 -> 1: (x, y, z) -> x; padded (x, 0, 0) from (x, y, 1): squared move y^2 + 1.
        DenseLayer project = new DenseLayer(b.create().fromRows(new double[][] {{1}, {0}, {0}}), b.create().row(0), Activation.IDENTITY);
        Tensor x = cloud();
        NetworkTransport result = analysis.analyze(NetworkAnalysis.maps(List.of(lift, project)), x);

        assertThat(result.embeddingDim()).isEqualTo(3);
        assertThat(result.layers()).extracting(LayerReport::dimIn).containsExactly(2, 3);
        assertThat(result.layers()).extracting(LayerReport::dimOut).containsExactly(3, 1);
        assertThat(result.layers().get(0).meanDisplacement()).isCloseTo(1.0, within(1e-12));
        double[][] p = x.toRows();
        double mean = 0;
        double energy = 0;
        for (double[] row : p) {
            mean += Math.sqrt(row[1] * row[1] + 1) / p.length;
            energy += (row[1] * row[1] + 1) / p.length;
        }
        assertThat(result.layers().get(1).meanDisplacement()).isCloseTo(mean, within(1e-12));
        assertThat(result.layers().get(1).kineticEnergy()).isCloseTo(energy, within(1e-12));
        assertThat(result.trajectory().get(2).points().toRows()[3]).containsExactly(2, 0, 0);
        assertThat(result.outputs().get(2).cols()).isEqualTo(1);
    }

    @Test
    void rejectsLayersThatDoNotChainAndNonIsometricEmbeddings() {
        DenseLayer a = new DenseLayer(b.create().zeros(2, 3), b.create().zeros(1, 3), Activation.TANH);
        assertThatThrownBy(() -> analysis.analyze(NetworkAnalysis.maps(List.of(a, a)), cloud()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("layer 2 expects dimension 2");
        assertThatThrownBy(() -> Embedding.linear(b.create().fromRows(new double[][] {{1, 0, 0}, {0, 2, 0}})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an isometry");

        Embedding squash = new Embedding() {
            @Override public int sourceDim() { return 2; }
            @Override public int targetDim() { return 2; }
            @Override public Tensor embed(Tensor p) { return p.backend().linalg().scale(p, 0.5); }
        };
        DenseLayer id = new DenseLayer(b.create().identity(2), b.create().zeros(1, 2), Activation.IDENTITY);
        assertThatThrownBy(() -> analysis.analyze(NetworkAnalysis.maps(List.of(id)), cloud(), List.of(squash, squash)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not isometric");
    }

    // ---- parameterisation invariance (PAPER.md section 1) --------------------------------------
    //
    // The correct statement: two parameterisations of the same *function* give the same output
    // cloud x_L, hence the same transport of every composite map. Intermediate states are NOT
    // invariant in a fixed embedding: permuting hidden units of layer l permutes the coordinates
    // of x_l (an isometry of the hidden space, so x_l's entropy and, with the embedding permuted
    // along, the whole trajectory are kept), and rescaling a ReLU unit of layer l by c rescales that
    // coordinate of x_l (no isometry: its displacement and W2 change). Everything from x_{l+1} on
    // is unchanged, so for a change in hidden layer 1 of a 3-layer network, the reports of layers
    // 2 (entropy) and 3 (displacement, energy, W2, entropy) and the output are invariant.

    private Mlp network() {
        return Mlp.create(b, new int[] {2, 5, 4, 2}, Activation.RELU, Activation.IDENTITY, 42);
    }

    private Mlp withBiases(Mlp m) {
        // nonzero biases, so the rescaling of a bias is exercised
        java.util.ArrayList<DenseLayer> layers = new java.util.ArrayList<>();
        long seed = 7;
        for (DenseLayer l : m.layers()) {
            layers.add(new DenseLayer(l.weights(), b.linalg().scale(b.create().normal(1, l.outputDim(), seed++), 0.3), l.activation()));
        }
        return new Mlp(layers);
    }

    @Test
    void permutingHiddenUnitsKeepsTheNetworkFunctionAndLaterLayers() {
        Mlp net = withBiases(network());
        int[] perm = {3, 0, 4, 1, 2};
        DenseLayer l1 = net.layers().get(0);
        DenseLayer l2 = net.layers().get(1);
        double[][] w1 = l1.weights().toRows();
        double[] b1 = l1.bias().toArray();
        double[][] w2 = l2.weights().toRows();
        double[][] w1p = new double[2][5];
        double[] b1p = new double[5];
        double[][] w2p = new double[5][];
        for (int j = 0; j < 5; j++) {
            for (int i = 0; i < 2; i++) {
                w1p[i][j] = w1[i][perm[j]];
            }
            b1p[j] = b1[perm[j]];
            w2p[j] = w2[perm[j]];
        }
        Mlp permuted = new Mlp(List.of(
                new DenseLayer(b.create().fromRows(w1p), b.create().row(b1p), Activation.RELU),
                new DenseLayer(b.create().fromRows(w2p), l2.bias(), l2.activation()),
                net.layers().get(2)));

        Tensor x = cloud();
        assertClose(permuted.forward(x), net.forward(x), 1e-12);
        NetworkTransport before = analysis.analyze(net, x);
        NetworkTransport after = analysis.analyze(permuted, x);
        assertReportsClose(after.layers().get(2), before.layers().get(2));
        // x_1 is permuted: its entropy (permutation-invariant) is kept
        assertThat(after.layers().get(0).entropy()).isCloseTo(before.layers().get(0).entropy(), within(1e-12));
        assertThat(after.layers().get(1).entropy()).isCloseTo(before.layers().get(1).entropy(), within(1e-12));

        // With the hidden space's embedding following the permutation (an isometry), the whole
        // trajectory coincides: the geometric object does not depend on the unit order.
        double[][] q = new double[5][5];
        for (int j = 0; j < 5; j++) {
            q[j][perm[j]] = 1;
        }
        List<Embedding> embeddings = List.of(Embedding.zeroPadding(2, 5), Embedding.linear(b.create().fromRows(q)),
                Embedding.zeroPadding(4, 5), Embedding.zeroPadding(2, 5));
        NetworkTransport aligned = analysis.analyze(NetworkAnalysis.maps(permuted.layers()), x, embeddings);
        for (int l = 0; l < 3; l++) {
            assertReportsClose(aligned.layers().get(l), before.layers().get(l));
            assertClose(aligned.trajectory().get(l + 1).points(), before.trajectory().get(l + 1).points(), 1e-12);
        }
    }

    @Test
    void rescalingAReluUnitKeepsTheNetworkFunctionButNotItsOwnLayer() {
        Mlp net = withBiases(network());
        double c = 3.7;
        int unit = 2;
        DenseLayer l1 = net.layers().get(0);
        DenseLayer l2 = net.layers().get(1);
        double[][] w1 = l1.weights().toRows();
        double[] b1 = l1.bias().toArray();
        double[][] w2 = l2.weights().toRows();
        for (double[] row : w1) {
            row[unit] *= c;
        }
        b1[unit] *= c;
        for (int k = 0; k < w2[unit].length; k++) {
            w2[unit][k] /= c;
        }
        Mlp rescaled = new Mlp(List.of(
                new DenseLayer(b.create().fromRows(w1), b.create().row(b1), Activation.RELU),
                new DenseLayer(b.create().fromRows(w2), l2.bias(), l2.activation()),
                net.layers().get(2)));

        Tensor x = cloud();
        // relu(c z) = c relu(z) for c > 0: the function is unchanged up to rounding
        assertClose(rescaled.forward(x), net.forward(x), 1e-12);
        NetworkTransport before = analysis.analyze(net, x);
        NetworkTransport after = analysis.analyze(rescaled, x);
        assertReportsClose(after.layers().get(2), before.layers().get(2));
        assertThat(after.layers().get(1).entropy()).isCloseTo(before.layers().get(1).entropy(), within(1e-12));
        // the whole network read as one map is invariant
        NetworkTransport wholeBefore = analysis.analyze(List.<TransportMap>of(net), x);
        NetworkTransport wholeAfter = analysis.analyze(List.<TransportMap>of(rescaled), x);
        assertReportsClose(wholeAfter.layers().get(0), wholeBefore.layers().get(0));
        // ... but the rescaled layer's own state is not (it is stretched along one axis)
        double h1 = before.layers().get(0).entropy();
        assertThat(after.layers().get(0).entropy()).isNotCloseTo(h1, within(1e-3));
    }

    private static void assertReportsClose(LayerReport actual, LayerReport expected) {
        assertThat(actual.dimIn()).isEqualTo(expected.dimIn());
        assertThat(actual.dimOut()).isEqualTo(expected.dimOut());
        assertThat(actual.meanDisplacement()).isCloseTo(expected.meanDisplacement(), within(1e-12));
        assertThat(actual.kineticEnergy()).isCloseTo(expected.kineticEnergy(), within(1e-12));
        assertThat(actual.w2ToPrevious()).isCloseTo(expected.w2ToPrevious(), within(1e-12));
        assertThat(actual.entropy()).isCloseTo(expected.entropy(), within(1e-12));
    }

    private static void assertClose(Tensor actual, Tensor expected, double tol) {
        org.daetransport.testkit.TensorAssert.assertThat(actual).within(tol, 0).isCloseTo(expected);
    }
}
