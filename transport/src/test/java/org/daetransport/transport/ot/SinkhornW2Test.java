package org.daetransport.transport.ot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.daetransport.transport.ot.ExactW2Test.cloud;
import static org.daetransport.transport.ot.ExactW2Test.uniform;

import org.daetransport.api.Tensor;
import org.junit.jupiter.api.Test;

class SinkhornW2Test {

    /** Mean squared distance over all pairs, by a plain double loop. */
    private static double meanCost(double[] x, int n, double[] y, int m) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                s += Math.pow(x[2 * i] - y[2 * j], 2) + Math.pow(x[2 * i + 1] - y[2 * j + 1], 2);
            }
        }
        return s / (n * m);
    }

    @Test
    void tendsMonotonicallyToTheExactValueAsEpsilonShrinks() {
        int n = 80;
        int m = 60;
        double[] x = uniform(2 * n, 31);
        double[] y = uniform(2 * m, 32);
        Tensor a = cloud(x, n, 2);
        Tensor b = cloud(y, m, 2);
        double exact = new ExactW2().distance(a, b).w2();
        double mean = meanCost(x, n, y, m);
        double previous = Double.POSITIVE_INFINITY;
        W2Result result = null;
        for (double relative : new double[] {0.03, 0.01, 0.003}) {
            // marginal tolerance 1e-6: its effect on <P, C> (at most 1e-6 max C) is far below the
            // differences between the three epsilons, and small epsilons converge slowly
            result = SinkhornW2.withEpsilon(relative * mean).withTolerance(1e-6).withMaxIterations(50_000).distance(a, b);
            assertThat(result.converged()).isTrue();
            // the entropic plan's cost <P_eps, C> is non-decreasing in eps and bounded below by the
            // optimum (P_eps is feasible up to the 1e-6 marginal error)
            assertThat(result.w2()).isLessThan(previous).isGreaterThan(exact - 1e-4);
            previous = result.w2();
        }
        assertThat(result.w2()).isCloseTo(exact, within(0.02 * exact));
        assertThat(result.method()).isEqualTo("sinkhorn");
        assertThat(result.iterations()).isPositive();
    }

    @Test
    void defaultEpsilonIsOnePercentOfTheMeanCost() {
        int n = 60;
        double[] x = uniform(2 * n, 41);
        double[] y = uniform(2 * n, 42);
        W2Result byDefault = new SinkhornW2().distance(cloud(x, n, 2), cloud(y, n, 2));
        W2Result explicit = SinkhornW2.withEpsilon(0.01 * meanCost(x, n, y, n)).distance(cloud(x, n, 2), cloud(y, n, 2));
        // same target epsilon up to the rounding of the mean cost
        assertThat(byDefault.w2()).isCloseTo(explicit.w2(), within(1e-9));
    }

    @Test
    void tinyEpsilonGivesNoNaNAndReportsNonConvergence() {
        int n = 40;
        double[] x = uniform(2 * n, 51);
        double[] y = uniform(2 * n, 52);
        W2Result r = SinkhornW2.withEpsilon(1e-9).withMaxIterations(25).distance(cloud(x, n, 2), cloud(y, n, 2));
        assertThat(r.w2()).isFinite();
        assertThat(r.converged()).isFalse();
        assertThat(r.iterations()).isEqualTo(25);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> SinkhornW2.withEpsilon(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SinkhornW2().withTolerance(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SinkhornW2().distance(cloud(new double[] {1, 2}, 1, 2), cloud(new double[] {1}, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1x2").hasMessageContaining("1x1");
    }
}
