package org.daetransport.transport.entropy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.daetransport.api.SeededNormal;
import org.daetransport.api.Tensor;
import org.daetransport.backend.ejml.EjmlBackend;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

class KozachenkoLeonenkoTest {

    private static final EjmlBackend BACKEND = new EjmlBackend();

    private static Tensor cloud(double[] flat, int rows, int cols) {
        return BACKEND.create().fromArray(flat, rows, cols);
    }

    @Test
    void gaussianIn3dMatchesTheClosedForm() {
        // N(0, S), S = L L^T: H = 1/2 log det(2 pi e S) = 3/2 log(2 pi e) + log det L.
        // The estimator's standard deviation at N = 1e5 in d = 3 is about 0.005 nats and its
        // bias for a Gaussian at k = 5 is of the same order: tolerance 0.02.
        int n = 100_000;
        double[][] l = {{1, 0, 0}, {0.5, 1.2, 0}, {-0.3, 0.4, 0.8}};
        double[] z = SeededNormal.samples(3 * n, 777);
        double[] x = new double[3 * n];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < 3; r++) {
                double s = 0;
                for (int c = 0; c < 3; c++) {
                    s += l[r][c] * z[3 * i + c];
                }
                x[3 * i + r] = s;
            }
        }
        double expected = 1.5 * Math.log(2 * Math.PI * Math.E) + Math.log(1 * 1.2 * 0.8);
        assertThat(new KozachenkoLeonenko().entropy(cloud(x, n, 3))).isCloseTo(expected, within(0.02));
    }

    @Test
    void standardNormalIn1d() {
        // 1/2 log(2 pi e) = 1.4189385; standard deviation about 1.1/sqrt(N) = 0.0035 at N = 1e5
        int n = 100_000;
        assertThat(new KozachenkoLeonenko().entropy(cloud(SeededNormal.samples(n, 3), n, 1)))
                .isCloseTo(1.4189385332, within(0.015));
    }

    @Test
    void treeAgreesWithBruteForceNeighbours() {
        // points on a coarse grid: many ties, some exact duplicates (fewer than k per point)
        int n = 600;
        int d = 2;
        int k = 4;
        SplittableRandom random = new SplittableRandom(17);
        double[] x = new double[n * d];
        for (int i = 0; i < n * d; i++) {
            x[i] = random.nextInt(40) * 0.25;
        }
        double sumLog = 0;
        for (int i = 0; i < n; i++) {
            double[] dist = new double[n - 1];
            int c = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    dist[c++] = Math.hypot(x[2 * i] - x[2 * j], x[2 * i + 1] - x[2 * j + 1]);
                }
            }
            Arrays.sort(dist);
            sumLog += Math.log(dist[k - 1]);
        }
        double expected = Gamma.digamma(n) - Gamma.digamma(k) + Math.log(Math.PI) + d * sumLog / n;
        assertThat(new KozachenkoLeonenko(k).entropy(cloud(x, n, d))).isCloseTo(expected, within(1e-10));
    }

    @Test
    void unitBallVolumes() {
        assertThat(Math.exp(KozachenkoLeonenko.logUnitBallVolume(1))).isCloseTo(2, within(1e-13));
        assertThat(Math.exp(KozachenkoLeonenko.logUnitBallVolume(2))).isCloseTo(Math.PI, within(1e-13));
        assertThat(Math.exp(KozachenkoLeonenko.logUnitBallVolume(3))).isCloseTo(4 * Math.PI / 3, within(1e-13));
    }

    @Test
    void rejectsDuplicatesTooFewPointsAndUnknownNames() {
        double[] x = new double[2 * 10];
        for (int i = 0; i < 4; i++) {
            x[2 * i + 1] = 1.0; // rows 0..3 coincide: each has 3 duplicates, so k = 3 sees r = 0
        }
        for (int i = 4; i < 10; i++) {
            x[2 * i] = i;
        }
        assertThatThrownBy(() -> new KozachenkoLeonenko(3).entropy(cloud(x, 10, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicates");
        assertThat(new KozachenkoLeonenko(4).entropy(cloud(x, 10, 2))).isFinite();
        assertThatThrownBy(() -> new KozachenkoLeonenko(5).entropy(cloud(new double[] {1, 2, 3}, 3, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 6 points");
        assertThatThrownBy(() -> new KozachenkoLeonenko(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(EntropyEstimators.byName("kl").name()).isEqualTo("kl");
        assertThatThrownBy(() -> EntropyEstimators.byName("nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kl");
    }
}
