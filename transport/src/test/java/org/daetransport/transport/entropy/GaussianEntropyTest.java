package org.daetransport.transport.entropy;

import org.daetransport.api.Backend;
import org.daetransport.backend.ejml.EjmlBackend;
import org.daetransport.transport.law.GaussianLaw;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GaussianEntropyTest {

    private final Backend backend = new EjmlBackend();

    @Test
    void closedFormOfAGaussianLaw() {
        assertThat(GaussianEntropy.of(GaussianLaw.univariate(5, 1))).isCloseTo(1.4189385332, within(1e-10));
        GaussianLaw law = new GaussianLaw(new double[] {1, -1}, new double[][] {{2, 0.6}, {0.6, 1}});
        assertThat(GaussianEntropy.of(law)).isCloseTo(Math.log(2 * Math.PI * Math.E) + 0.5 * Math.log(2 - 0.36), within(1e-14));
    }

    @Test
    void estimateFromACloudMatchesTheClosedFormWithinSamplingError() {
        GaussianLaw law = new GaussianLaw(new double[] {1, -1}, new double[][] {{2, 0.6}, {0.6, 1}});
        int n = 20000;
        GaussianEntropy estimator = new GaussianEntropy();
        assertThat(estimator.name()).isEqualTo("gaussian");
        // the standard error of 1/2 log det of a sample covariance is sqrt(d / (2n)) = 0.007; 4 of them
        assertThat(estimator.entropy(law.sample(n, 3, backend))).isCloseTo(GaussianEntropy.of(law), within(0.03));
    }

    @Test
    void exactForAnyCloudThroughItsSampleCovariance() {
        // points {0, 1, 2, 3}: unbiased sample variance 5/3
        double expected = 0.5 * Math.log(2 * Math.PI * Math.E * 5.0 / 3);
        assertThat(new GaussianEntropy().entropy(backend.create().column(0, 1, 2, 3))).isCloseTo(expected, within(1e-14));
    }

    @Test
    void rejectsTooFewOrDegeneratePoints() {
        assertThatThrownBy(() -> new GaussianEntropy().entropy(backend.create().fromRows(new double[][] {{0, 0}, {1, 1}})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 2 points");
        assertThatThrownBy(() -> new GaussianEntropy().entropy(backend.create().fromRows(new double[][] {{0, 0}, {1, 1}, {2, 2}})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("singular");
    }
}
