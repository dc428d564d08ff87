package org.daetransport.transport.neural;

import org.daetransport.api.Activation;
import org.daetransport.api.Backend;
import org.daetransport.api.Tensor;
import org.daetransport.backend.ejml.EjmlBackend;
import org.daetransport.transport.analysis.GaussianW2;
import org.daetransport.transport.analysis.LayerReport;
import org.daetransport.transport.analysis.NearestNeighbourEntropy;
import org.daetransport.transport.analysis.NetworkAnalysis;
import org.daetransport.transport.analysis.NetworkTransport;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class DigitsTest {

    private final Backend b = new EjmlBackend();

    @Test
    void bundledDigitsLoadScaledWithLabels() {
        Digits digits = Digits.load(b);
        assertThat(digits.features().rows()).isEqualTo(1797);
        assertThat(digits.features().cols()).isEqualTo(64);
        double[] x = digits.features().toArray();
        double max = 0;
        for (double v : x) {
            assertThat(v).isBetween(0.0, 1.0);
            // grey levels are integers 0..16
            assertThat(v * 16).isEqualTo(Math.rint(v * 16));
            max = Math.max(max, v);
        }
        assertThat(max).isEqualTo(1.0);
        int[] counts = new int[10];
        for (int label : digits.labels()) {
            counts[label]++;
        }
        // the UCI test set holds 174..183 images of each digit
        for (int c : counts) {
            assertThat(c).isBetween(170, 190);
        }
        // first row of the file: 0,0,5,13,9,1,0,0,... label 0
        assertThat(digits.features().get(0, 2)).isEqualTo(5 / 16.0);
        assertThat(digits.label(0)).isEqualTo(0);
    }

    @Test
    void classifierAndDaeTrainOnDigitsAndAnalyseLayerByLayer() {
        Digits all = Digits.load(b);
        int[] order = permutation(all.size(), 5);
        int[] trainRows = java.util.Arrays.copyOfRange(order, 0, 1400);
        int[] testRows = java.util.Arrays.copyOfRange(order, 1400, 1797);
        Digits train = all.rows(trainRows);
        Digits test = all.rows(testRows);

        Mlp classifier = Mlp.create(b, new int[] {64, 32, 10}, Activation.TANH, Activation.IDENTITY, 9);
        classifier = new MlpTrainer(TrainingConfig.adam(15, 64, 1e-2, 9), null)
                .fit(classifier, train.features(), SoftmaxCrossEntropy.oneHot(b, train.labels(), 10), new SoftmaxCrossEntropy())
                .model();
        // chance is 10%; a small MLP reaches well above 90% on held-out digits
        assertThat(SoftmaxCrossEntropy.accuracy(classifier.forward(test.features()), test.labels())).isGreaterThan(0.80);

        double t = 0.05;
        TrainedDae dae = DaeTrainer.builder().hidden(32).activation(Activation.TANH).epochs(15).batchSize(64)
                .learningRate(1e-2).seed(9).noise(t).build().train(train.features());
        Tensor noisy = new DenoisingLoss(t).input(test.features(), new SplittableRandom(1));
        // doing nothing costs 64 t = 3.2 per image in expectation; the DAE must do much better
        assertThat(NeuralVsOptimalDaeTest.meanSquaredDistance(dae.apply(noisy), test.features())).isLessThan(0.5 * 64 * t);

        NetworkAnalysis analysis = new NetworkAnalysis(new GaussianW2(), new NearestNeighbourEntropy());
        Tensor probe = test.rows(java.util.Arrays.copyOfRange(permutation(test.size(), 2), 0, 300)).features();
        NetworkTransport c = analysis.analyze(classifier, probe);
        assertThat(c.embeddingDim()).isEqualTo(64);
        assertThat(c.layers()).extracting(LayerReport::dimIn).containsExactly(64, 32);
        assertThat(c.layers()).extracting(LayerReport::dimOut).containsExactly(32, 10);
        NetworkTransport d = analysis.analyze(dae.model(), probe);
        assertThat(d.layers()).extracting(LayerReport::dimIn).containsExactly(64, 32);
        assertThat(d.layers()).extracting(LayerReport::dimOut).containsExactly(32, 64);
        for (NetworkTransport r : new NetworkTransport[] {c, d}) {
            assertThat(r.trajectory().size()).isEqualTo(3);
            assertThat(r.trajectory().last().points().cols()).isEqualTo(64);
            for (LayerReport l : r.layers()) {
                for (double v : new double[] {l.meanDisplacement(), l.kineticEnergy(), l.w2ToPrevious(), l.entropy()}) {
                    assertThat(v).isFinite();
                }
                assertThat(l.meanDisplacement()).isPositive();
                // Jensen: (mean |dx|)^2 <= mean |dx|^2
                assertThat(l.meanDisplacement() * l.meanDisplacement()).isLessThanOrEqualTo(l.kineticEnergy() * (1 + 1e-12));
            }
        }
    }

    private static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }
}
