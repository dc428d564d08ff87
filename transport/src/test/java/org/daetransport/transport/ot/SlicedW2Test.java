package org.daetransport.transport.ot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.daetransport.transport.ot.ExactW2Test.cloud;
import static org.daetransport.transport.ot.ExactW2Test.uniform;

import org.daetransport.api.SeededNormal;
import org.junit.jupiter.api.Test;

class SlicedW2Test {

    @Test
    void shiftedCopyGivesTheShiftOverRootD() {
        // a copy shifted by v: each projection is a 1-D translation by theta.v, so
        // SW2^2 = E (theta.v)^2 = |v|^2 / d. In d = 3, (theta.v)/|v| is uniform on [-1, 1]
        // (Archimedes), so the Monte Carlo mean of P = 4000 squares has standard deviation
        // sqrt(4/45 / 4000) |v|^2 = 0.0047 |v|^2; the tolerance is 4 of those.
        int n = 500;
        double[] x = SeededNormal.samples(3 * n, 5);
        double[] y = x.clone();
        double[] v = {1.0, -2.0, 0.5};
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                y[3 * i + k] += v[k];
            }
        }
        double v2 = 1 + 4 + 0.25;
        double sw = new SlicedW2(4000, 9).distance(cloud(x, n, 3), cloud(y, n, 3)).w2();
        assertThat(sw * sw).isCloseTo(v2 / 3, within(4 * 0.0047 * v2));
    }

    @Test
    void isABoundBelowTheExactDistanceAndZeroForTheSameMeasure() {
        int n = 50;
        int m = 35;
        double[] x = uniform(2 * n, 61);
        double[] y = uniform(2 * m, 62);
        W2Result sliced = new SlicedW2().distance(cloud(x, n, 2), cloud(y, m, 2));
        // each projection is 1-Lipschitz, so every sliced term is at most W2^2
        assertThat(sliced.w2()).isLessThanOrEqualTo(new ExactW2().distance(cloud(x, n, 2), cloud(y, m, 2)).w2() + 1e-12);
        assertThat(sliced.method()).isEqualTo("sliced");
        assertThat(sliced.iterations()).isNull();
        // the cloud repeated twice is the same empirical measure (n != m)
        double[] twice = new double[4 * n];
        System.arraycopy(x, 0, twice, 0, 2 * n);
        System.arraycopy(x, 0, twice, 2 * n, 2 * n);
        assertThat(new SlicedW2().distance(cloud(x, n, 2), cloud(twice, 2 * n, 2)).w2()).isZero();
        assertThat(new ExactW2().distance(cloud(x, n, 2), cloud(twice, 2 * n, 2)).w2()).isCloseTo(0, within(1e-7));
    }

    @Test
    void inOneDimensionEqualsTheExactDistanceAndIsSeeded() {
        double[] x = uniform(30, 71);
        double[] y = uniform(45, 72);
        assertThat(new SlicedW2(7, 1).distance(cloud(x, 30, 1), cloud(y, 45, 1)).w2())
                .isCloseTo(ExactW2.oneDimensional(x, y), within(1e-12));
        double[] x2 = uniform(60, 73);
        double[] y2 = uniform(60, 74);
        assertThat(new SlicedW2(20, 5).distance(cloud(x2, 30, 2), cloud(y2, 30, 2)).w2())
                .isEqualTo(new SlicedW2(20, 5).distance(cloud(x2, 30, 2), cloud(y2, 30, 2)).w2());
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> new SlicedW2(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlicedW2().distance(cloud(new double[] {1, 2}, 1, 2), new RawTensor(new double[] {1, Double.NaN}, 1, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b: row 0, column 1 is NaN");
    }

    @Test
    void distancesByName() {
        for (String name : new String[] {"exact", "sinkhorn", "sliced", "bures"}) {
            assertThat(W2Distances.byName(name).method()).isEqualTo(name);
        }
        assertThatThrownBy(() -> W2Distances.byName("emd"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exact, sinkhorn, sliced, bures");
    }
}
