package org.daetransport.transport.neural;

import org.daetransport.api.Backend;
import org.daetransport.api.Tensor;
import org.daetransport.backend.ejml.EjmlBackend;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ToyDataTest {

    private final Backend b = new EjmlBackend();

    @Test
    void noiselessSamplesLieOnTheirCurves() {
        for (double[] p : ToyData.rings(b, 300, 3, 0.0, 1).toRows()) {
            double r = Math.hypot(p[0], p[1]);
            assertThat(Math.abs(r - Math.rint(r))).isLessThan(1e-12);
            assertThat(r).isBetween(0.5, 3.5);
        }
        double[][] moons = ToyData.twoMoons(b, 200, 0.0, 1).toRows();
        for (int i = 0; i < moons.length; i++) {
            double[] p = moons[i];
            double r = i % 2 == 0 ? Math.hypot(p[0], p[1]) : Math.hypot(p[0] - 1, p[1] - 0.5);
            assertThat(r).isCloseTo(1.0, within(1e-12));
            assertThat(i % 2 == 0 ? p[1] : -p[1] + 0.5).isGreaterThanOrEqualTo(-1e-12);
        }
        for (double[] p : ToyData.swissRoll2d(b, 200, 0.0, 1).toRows()) {
            // radius a/10 with a in [1.5 pi, 4.5 pi], and the angle of the point is a mod 2 pi
            double r = Math.hypot(p[0], p[1]);
            assertThat(r).isBetween(0.15 * Math.PI - 1e-12, 0.45 * Math.PI + 1e-12);
            double a = 10 * r;
            assertThat(p[0]).isCloseTo(a * Math.cos(a) / 10, within(1e-12));
        }
    }

    @Test
    void samplesAreSeeded() {
        Tensor a = ToyData.twoMoons(b, 50, 0.1, 9);
        assertThat(ToyData.twoMoons(b, 50, 0.1, 9).toArray()).containsExactly(a.toArray());
        assertThat(ToyData.twoMoons(b, 50, 0.1, 10).get(0, 0)).isNotEqualTo(a.get(0, 0));
    }
}
