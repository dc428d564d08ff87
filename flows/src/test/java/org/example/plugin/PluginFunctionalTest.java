package org.example.plugin;

import org.daetransport.api.StepHandler;
import org.daetransport.api.Tensor;
import org.daetransport.api.Trajectory;
import org.daetransport.backend.ejml.EjmlBackend;
import org.daetransport.flows.Energy;
import org.daetransport.flows.ExplicitParticleScheme;
import org.daetransport.flows.FlowResult;
import org.daetransport.flows.Functional;
import org.daetransport.flows.FunctionalRegistry;
import org.daetransport.flows.JkoParticleScheme;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** A functional added from outside org.daetransport.flows, with no change to the project's code. */
class PluginFunctionalTest {

    private static final EjmlBackend EJML = new EjmlBackend();

    @Test
    void serviceLoaderFindsThePlugin() {
        assertThat(FunctionalRegistry.withBuiltins().names()).contains("spring", "entropy");
    }

    @Test
    void explicitRegistrationWorksWithoutServiceLoader() {
        FunctionalRegistry r = new FunctionalRegistry().register(new SpringFactory());
        assertThat(r.names()).containsExactly("spring");
        assertThatThrownBy(() -> r.create("entropy", Map.of(), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("known functionals: spring");
        assertThatThrownBy(() -> Energy.parse(List.of(Map.of("type", "spring", "k", -1)), r, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("energy term 0 (spring): spring constant k must be positive");
    }

    @Test
    void pluginFlowsWithABuiltinAgainstTheClosedForm() {
        // spring k = 2 plus the quadratic interaction: v = -2x - (x - m), so m_t = e^{-2t} m_0 and
        // x_t - m_t = e^{-3t}(x_0 - m_0)
        Functional f = Energy.parse(List.of(Map.of("type", "spring", "k", 2), Map.of("type", "interaction")),
                FunctionalRegistry.withBuiltins(), 2);
        Tensor x0 = EJML.create().normal(40, 2, 9);
        double t = 0.5;
        double[][] p0 = x0.toRows();
        double[] m0 = new double[2];
        for (double[] r : p0) {
            m0[0] += r[0] / p0.length;
            m0[1] += r[1] / p0.length;
        }
        int[] steps = {25, 100};
        double[] errors = new double[2];
        for (int k = 0; k < 2; k++) {
            Trajectory tr = new Trajectory();
            FlowResult r = new ExplicitParticleScheme().run(f, x0, t, steps[k], tr);
            assertThat(tr.size()).isEqualTo(steps[k] + 1);
            double[][] p = r.particles().toRows();
            for (int i = 0; i < p.length; i++) {
                for (int c = 0; c < 2; c++) {
                    double exact = Math.exp(-2 * t) * m0[c] + Math.exp(-3 * t) * (p0[i][c] - m0[c]);
                    errors[k] = Math.max(errors[k], Math.abs(p[i][c] - exact));
                }
            }
        }
        // forward Euler is first order: error ~ (t dt 9/2) e^{-3t} |x0| ~ 0.02 at dt = 0.02, four times less at dt = 0.005
        assertThat(errors[0]).isLessThan(0.05);
        assertThat(errors[1]).isLessThan(errors[0] / 3);
        // the implicit scheme through the same plug-in: x_K - m_K = (1 + 3 dt)^{-K} (x_0 - m_0), m_K = (1 + 2 dt)^{-K} m_0
        FlowResult implicit = new JkoParticleScheme(1e-10, 1e-12, 100, 5).run(f, x0, t, 25, new StepHandler() { });
        assertThat(implicit.provenance().functional()).contains("spring").contains("interaction(quadratic)");
        double[][] p = implicit.particles().toRows();
        for (int i = 0; i < p.length; i++) {
            for (int c = 0; c < 2; c++) {
                double discrete = Math.pow(1 + 2 * 0.02, -25) * m0[c] + Math.pow(1 + 3 * 0.02, -25) * (p0[i][c] - m0[c]);
                assertThat(p[i][c]).isCloseTo(discrete, within(1e-8));
            }
        }
    }
}
