package org.daetransport.transport.entropy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.daetransport.api.Backend;
import org.daetransport.backend.ejml.EjmlBackend;
import org.junit.jupiter.api.Test;

class DegenerateCloudTest {

    private final Backend b = new EjmlBackend();

    @Test
    void degenerateCloudsAreMinusInfinityOnlyThroughTheDecorator() {
        // eight points on a line in 2-D, each one twice: singular covariance, and duplicates at k = 1
        double[][] rows = new double[16][];
        for (int i = 0; i < 16; i++) {
            rows[i] = new double[] {i / 2, 2.0 * (i / 2)};
        }
        var line = b.create().fromRows(rows);
        assertThatThrownBy(() -> new GaussianEntropy().entropy(line)).isInstanceOf(DegenerateCloudException.class);
        assertThatThrownBy(() -> new KozachenkoLeonenko(1).entropy(line)).isInstanceOf(DegenerateCloudException.class);
        assertThat(EntropyEstimators.minusInfinityWhenDegenerate(new GaussianEntropy()).entropy(line))
                .isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(EntropyEstimators.minusInfinityWhenDegenerate(new KozachenkoLeonenko(1)).entropy(line))
                .isEqualTo(Double.NEGATIVE_INFINITY);
        // other bad input still fails: too few points is not a degenerate law
        assertThatThrownBy(() -> EntropyEstimators.minusInfinityWhenDegenerate(new KozachenkoLeonenko(5))
                .entropy(b.create().fromRows(new double[][] {{0, 0}, {1, 1}})))
                .isInstanceOf(IllegalArgumentException.class).isNotInstanceOf(DegenerateCloudException.class);
        // a healthy cloud goes through unchanged
        var healthy = b.create().normal(200, 2, 3);
        assertThat(EntropyEstimators.minusInfinityWhenDegenerate(new KozachenkoLeonenko()).entropy(healthy))
                .isEqualTo(new KozachenkoLeonenko().entropy(healthy));
    }
}
