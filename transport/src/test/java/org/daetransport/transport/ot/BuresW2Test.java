package org.daetransport.transport.ot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.daetransport.transport.ot.ExactW2Test.cloud;
import static org.daetransport.transport.ot.ExactW2Test.uniform;

import org.daetransport.api.SeededNormal;
import org.junit.jupiter.api.Test;

class BuresW2Test {

    @Test
    void commutingCovariancesByHand() {
        // diagonal: W2^2 = |m1 - m2|^2 + sum (sqrt a_k - sqrt b_k)^2 = 5 + (2-1)^2 + (1-3)^2 = 10
        double w = BuresW2.between(new double[] {1, 2}, new double[][] {{4, 0}, {0, 1}},
                new double[] {0, 0}, new double[][] {{1, 0}, {0, 9}});
        assertThat(w).isCloseTo(Math.sqrt(10), within(1e-12));
        // 1-D: (m1 - m2)^2 + (s1 - s2)^2
        assertThat(BuresW2.between(new double[] {3}, new double[][] {{4}}, new double[] {1}, new double[][] {{0.25}}))
                .isCloseTo(Math.sqrt(4 + 1.5 * 1.5), within(1e-12));
    }

    @Test
    void nonCommutingCovariancesMatchTheTwoByTwoTraceFormula() {
        // for 2x2 PSD M, tr M^1/2 = sqrt(tr M + 2 sqrt(det M)); with M = A^1/2 B A^1/2,
        // tr M = tr(AB) and det M = det A det B
        double[][] a = {{2, 0.6}, {0.6, 1}};
        double[][] b = {{1, -0.3}, {-0.3, 0.5}};
        double trAb = a[0][0] * b[0][0] + a[0][1] * b[1][0] + a[1][0] * b[0][1] + a[1][1] * b[1][1];
        double detA = a[0][0] * a[1][1] - a[0][1] * a[1][0];
        double detB = b[0][0] * b[1][1] - b[0][1] * b[1][0];
        double cross = Math.sqrt(trAb + 2 * Math.sqrt(detA * detB));
        double expected = Math.sqrt(0.5 * 0.5 + 1 + 3 + 1.5 - 2 * cross);
        assertThat(BuresW2.between(new double[] {0.5, 0}, a, new double[] {0, 1}, b)).isCloseTo(expected, within(1e-12));
        // a singular covariance (round-off gives tiny negative eigenvalues) is fine
        double[][] singular = {{1, 1}, {1, 1}};
        assertThat(BuresW2.between(new double[] {0, 0}, singular, new double[] {0, 0}, singular)).isCloseTo(0, within(1e-7));
    }

    @Test
    void exactDistanceOfShiftedGaussianSamplesMatchesTheGaussianClosedForm() {
        // two independent samples of N(0, S) and N(v, S), n = 1500 in 2-D. Bures between the fits
        // is |v| up to the O(n^-1/2) fluctuation of the fitted moments; the exact empirical W2
        // exceeds it (Gelbrich) by the sampling bias W2^2(empirical, empirical) ~ log(n)/n, so
        // sqrt(|v|^2 + 0.02) - |v| < 0.005 at |v| = 2: tolerance 0.02 covers both.
        int n = 1500;
        double[][] l = {{1.2, 0}, {0.5, 0.7}};
        double[] z1 = SeededNormal.samples(2 * n, 81);
        double[] z2 = SeededNormal.samples(2 * n, 82);
        double[] x = new double[2 * n];
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < 2; r++) {
                x[2 * i + r] = l[r][0] * z1[2 * i] + l[r][1] * z1[2 * i + 1];
                y[2 * i + r] = l[r][0] * z2[2 * i] + l[r][1] * z2[2 * i + 1] + (r == 0 ? 1.2 : -1.6);
            }
        }
        double exact = new ExactW2().distance(cloud(x, n, 2), cloud(y, n, 2)).w2();
        double bures = new BuresW2().distance(cloud(x, n, 2), cloud(y, n, 2)).w2();
        assertThat(exact).isGreaterThanOrEqualTo(bures - 1e-9);
        assertThat(exact).isCloseTo(bures, within(0.02));
        assertThat(exact).isCloseTo(2.0, within(0.05)); // |v| = 2, plus sampling error of the means ~ 3 sqrt(2/n)
    }

    @Test
    void gelbrichBoundHoldsForNonGaussianClouds() {
        int n = 40;
        int m = 55;
        double[] x = uniform(3 * n, 91);
        double[] y = uniform(3 * m, 92);
        for (int i = 0; i < m; i++) {
            y[3 * i] = y[3 * i] * y[3 * i] * y[3 * i];
        }
        W2Result bures = new BuresW2().distance(cloud(x, n, 3), cloud(y, m, 3));
        assertThat(bures.method()).isEqualTo("bures");
        assertThat(bures.w2()).isLessThanOrEqualTo(new ExactW2().distance(cloud(x, n, 3), cloud(y, m, 3)).w2() + 1e-9);
    }

    @Test
    void rejectsBadCovariances() {
        assertThatThrownBy(() -> BuresW2.between(new double[] {0, 0}, new double[][] {{1, 0}, {0, -1}},
                new double[] {0, 0}, new double[][] {{1, 0}, {0, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive semi-definite");
        assertThatThrownBy(() -> BuresW2.between(new double[] {0, 0}, new double[][] {{1, 0.5}, {0, 1}},
                new double[] {0, 0}, new double[][] {{1, 0}, {0, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("symmetric");
        assertThatThrownBy(() -> BuresW2.between(new double[] {0}, new double[][] {{1}},
                new double[] {0, 0}, new double[][] {{1, 0}, {0, 1}}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
