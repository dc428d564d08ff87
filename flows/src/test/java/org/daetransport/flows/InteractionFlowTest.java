package org.daetransport.flows;

import org.daetransport.api.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Interaction flows: quadratic contraction, 1-D aggregation to the semicircle law. */
class InteractionFlowTest {

    @Test
    void quadraticInteractionContractsToTheMeanAtRateOne() {
        Tensor x0 = Clouds.EJML.create().normal(50, 3, 5);
        double t = 1.5;
        double[] m = Clouds.mean(x0);
        double[][] p0 = x0.toRows();
        int[] steps = {20, 80};
        double[] explicit = new double[2];
        double[] implicit = new double[2];
        for (int k = 0; k < 2; k++) {
            explicit[k] = contractionError(new ExplicitParticleScheme().run(new QuadraticInteraction(), x0, t, steps[k], Clouds.NONE), p0, m, t);
            implicit[k] = contractionError(new JkoParticleScheme(1e-10, 1e-12, 100, 5).run(new QuadraticInteraction(), x0, t, steps[k], Clouds.NONE), p0, m, t);
        }
        // the particle system is exact for every N; Euler's error is first order in dt: |e^{-t} - (1 -+ dt)^K|
        // = e^{-t} t dt / 2 + O(dt^2) times |x_0 - m| (20% margin for the O(dt^2) term)
        double maxDev = 0;
        for (double[] r : p0) {
            for (int c = 0; c < m.length; c++) {
                maxDev = Math.max(maxDev, Math.abs(r[c] - m[c]));
            }
        }
        double bound = 0.6 * Math.exp(-t) * t * (t / steps[0]) * maxDev;
        assertThat(explicit[0]).isLessThan(bound);
        assertThat(explicit[1]).isLessThan(explicit[0] / 3);
        assertThat(implicit[0]).isLessThan(bound);
        assertThat(implicit[1]).isLessThan(implicit[0] / 3);
    }

    private static double contractionError(FlowResult r, double[][] p0, double[] m, double t) {
        double[][] p = r.particles().toRows();
        double err = 0;
        for (int i = 0; i < p.length; i++) {
            for (int c = 0; c < m.length; c++) {
                err = Math.max(err, Math.abs(p[i][c] - m[c] - Math.exp(-t) * (p0[i][c] - m[c])));
            }
        }
        return err;
    }

    /** CDF of the semicircle law sqrt(2 - x^2)/pi on [-sqrt 2, sqrt 2]. */
    private static double semicircleCdf(double x) {
        double r = Math.sqrt(2);
        double y = Math.max(-r, Math.min(r, x));
        return 0.5 + (y * Math.sqrt(Math.max(0, 2 - y * y)) + 2 * Math.asin(Math.max(-1, Math.min(1, y / r)))) / (2 * Math.PI);
    }

    @Test
    void logQuadraticAggregationConvergesToTheSemicircle() {
        Functional f = Energy.parse(java.util.List.of(java.util.Map.<String, Object>of("type", "interaction", "kernel", "log-quadratic")),
                FunctionalRegistry.withBuiltins(), 1);
        int[] sizes = {20, 80};
        double[] momentErrors = new double[2];
        double[] quantileErrors = new double[2];
        for (int k = 0; k < 2; k++) {
            int n = sizes[k];
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = -0.3 + 0.6 * i / (n - 1.0) + 0.05 * Math.sin(i); // a narrow, irregular start
            }
            FlowResult r = new ExplicitParticleScheme().run(f, Clouds.EJML.create().column(x), 8.0, 800, Clouds.NONE);
            double[] y = r.particles().toArray();
            double mean = Arrays.stream(y).average().orElseThrow();
            double m2 = Arrays.stream(y).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
            momentErrors[k] = Math.abs(m2 - 0.5);
            quantileErrors[k] = Clouds.quantileError(r.particles(), p -> mean + Clouds.invert(InteractionFlowTest::semicircleCdf, p, -2, 2));
        }
        // the discrete equilibrium has variance exactly (N-1)/(2N) (sum x_i v_i = 0 at rest), so the error
        // in the second moment is 1/(2N) plus the residual e^{-2t} relaxation (~1e-7 at t = 8)
        assertThat(momentErrors[0]).isCloseTo(1.0 / 40, org.assertj.core.api.Assertions.within(1e-4));
        assertThat(momentErrors[1]).isCloseTo(1.0 / 160, org.assertj.core.api.Assertions.within(1e-4));
        // quantiles of the discrete log-gas approach the semicircle at rate about 1/N in the bulk, slower at the edges
        assertThat(quantileErrors[0]).isLessThan(0.05);
        assertThat(quantileErrors[1]).isLessThan(0.02).isLessThan(quantileErrors[0]);
    }
}
