package org.daetransport.flows;

import org.daetransport.api.NotPositiveDefiniteException;
import org.daetransport.api.NumericalFailureException;
import org.daetransport.api.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RegistryAndBadInputTest {

    private static final FunctionalRegistry REGISTRY = FunctionalRegistry.withBuiltins();

    private static Functional parse(int dim, Map<String, Object>... terms) {
        return Energy.parse(List.of(terms), REGISTRY, dim);
    }

    @Test
    void builtinsAreRegisteredByTheirCliNames() {
        assertThat(REGISTRY.names()).contains("entropy", "potential", "interaction", "renyi");
    }

    @Test
    void unknownFunctionalListsTheKnownNames() {
        assertThatThrownBy(() -> parse(1, Map.of("type", "entropi")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("energy term 0 (entropi)")
                .hasMessageContaining("unknown functional 'entropi'")
                .hasMessageContaining("entropy, interaction, potential, renyi");
    }

    @Test
    void renyiExponentMustExceedOne() {
        assertThatThrownBy(() -> parse(1, Map.of("type", "renyi", "m", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m must be greater than 1, got 1.0");
        assertThatThrownBy(() -> parse(1, Map.of("type", "renyi", "m", 0.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0.5");
        assertThatThrownBy(() -> parse(1, Map.of("type", "renyi")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing field \"m\"");
    }

    @Test
    void potentialMatrixMustBeSymmetricPositiveDefinite() {
        // eigenvalues of [[1, 2], [2, 1]] are 3 and -1
        assertThatThrownBy(() -> parse(2, Map.of("type", "potential", "A", List.of(List.of(1, 2), List.of(2, 1)), "b", List.of(0, 0))))
                .isInstanceOf(NotPositiveDefiniteException.class)
                .hasMessageContaining("smallest eigenvalue is -1.00000");
        assertThatThrownBy(() -> parse(2, Map.of("type", "potential", "A", List.of(List.of(1, 0.5), List.of(0, 1)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not symmetric");
        assertThatThrownBy(() -> parse(2, Map.of("type", "potential", "A", List.of(List.of(1, 0), List.of(0, 1)), "b", List.of(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"b\" has 1 entries, the dimension is 2");
    }

    @Test
    void interactionKernelsAndFields() {
        assertThatThrownBy(() -> parse(2, Map.of("type", "interaction", "kernel", "log-quadratic")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one-dimensional");
        assertThatThrownBy(() -> parse(1, Map.of("type", "interaction", "kernel", "cubic")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("known kernels: quadratic, log-quadratic");
        assertThatThrownBy(() -> parse(1, Map.of("type", "entropy", "wieght", 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown field \"wieght\"");
        assertThatThrownBy(() -> Energy.parse(Map.of("terms", List.of()), REGISTRY, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one term");
    }

    @Test
    void weightsMultiplyTheirTerms() {
        Tensor x = Clouds.EJML.create().normal(40, 2, 3);
        Functional f = parse(2,
                Map.of("type", "potential", "A", List.of(List.of(2, 0), List.of(0, 1)), "b", List.of(1, 0), "weight", 3),
                Map.of("type", "entropy", "weight", -0.5, "bandwidth", 0.4),
                Map.of("type", "interaction"));
        double[][] p = x.toRows();
        double[] m = Clouds.mean(x);
        double potential = 0;
        double interaction = 0;
        for (double[] r : p) {
            potential += 0.5 * (2 * (r[0] - 1) * (r[0] - 1) + r[1] * r[1]) / p.length;
            interaction += ((r[0] - m[0]) * (r[0] - m[0]) + (r[1] - m[1]) * (r[1] - m[1])) / (2 * p.length);
        }
        double entropy = BlobInternalEnergy.entropy().withBandwidth(Bandwidth.fixed(0.4)).value(x);
        assertThat(f.value(x)).isCloseTo(3 * potential - 0.5 * entropy + interaction, within(1e-12));
        assertThat(((WeightedSum) f).terms()).extracting(WeightedSum.Term::weight).containsExactly(3.0, -0.5, 1.0);
    }

    @Test
    void schemesByName() {
        assertThat(FlowScheme.named("particle")).isInstanceOf(ExplicitParticleScheme.class);
        assertThat(FlowScheme.named("jko").name()).isEqualTo("jko");
        assertThat(FlowScheme.named("gaussian").name()).isEqualTo("gaussian");
        assertThat(FlowScheme.named("quantile").name()).isEqualTo("quantile");
        assertThatThrownBy(() -> FlowScheme.named("rk4")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("known schemes: particle, jko, gaussian, quantile");
    }

    @Test
    void registeringANameTwiceFails() {
        FunctionalRegistry r = new FunctionalRegistry();
        r.register(new BuiltinFunctionals.EntropyFactory());
        assertThatThrownBy(() -> r.register(new BuiltinFunctionals.EntropyFactory()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("registered twice");
    }

    @Test
    void unstableExplicitStepIsDetectedAndNamed() {
        // V = 25 |x|^2: Euler is stable only for dt < 2/50 = 0.04; dt = 0.1 multiplies x by -4 each step
        Functional f = new QuadraticPotential(new double[][]{{50, 0}, {0, 50}}, new double[2]);
        Tensor x0 = Clouds.EJML.create().normal(20, 2, 1);
        assertThatThrownBy(() -> new ExplicitParticleScheme().run(f, x0, 1.0, 10, Clouds.NONE))
                .isInstanceOf(NumericalFailureException.class)
                .hasMessageContaining("explicit step 1 is unstable").hasMessageContaining("dt = 0.1000");
        // just past the limit (dt lambda = 2.5, growth 1.5 per step) the rise is gentler and caught after 3 rises
        assertThatThrownBy(() -> new ExplicitParticleScheme().run(f, x0, 1.0, 20, Clouds.NONE))
                .isInstanceOf(NumericalFailureException.class)
                .hasMessageContaining("explicit step 3 is unstable").hasMessageContaining("3 consecutive steps");
        // within the limit it runs
        assertThat(new ExplicitParticleScheme().run(f, x0, 1.0, 40, Clouds.NONE).particles().rows()).isEqualTo(20);
    }

    @Test
    void jkoNonConvergenceIsReported() {
        Functional f = new QuadraticPotential(new double[][]{{3, 1}, {1, 2}}, new double[2]).plus(BlobInternalEnergy.entropy());
        Tensor x0 = Clouds.EJML.create().normal(30, 2, 4);
        assertThatThrownBy(() -> new JkoParticleScheme(1e-12, 0, 1, 5).run(f, x0, 0.5, 2, Clouds.NONE))
                .isInstanceOf(NumericalFailureException.class)
                .hasMessageContaining("JKO step 1 did not converge").hasMessageContaining("after 1 iterations");
    }

    @Test
    void gaussianSchemeRejectsOtherFunctionalsAndReportsCollapse() {
        Tensor x0 = Clouds.EJML.create().normal(200, 2, 5);
        assertThatThrownBy(() -> new GaussianScheme().run(BlobInternalEnergy.renyi(2), x0, 1, 1, Clouds.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot run 'renyi");
        // the entropy-decreasing direction (the continuous DAE): S_t = S_0 - 2t I collapses at t* = lambda_min(S_0)/2
        double[][] s = Clouds.cov(x0);
        double lambdaMin = (s[0][0] + s[1][1]) / 2 - Math.sqrt((s[0][0] - s[1][1]) * (s[0][0] - s[1][1]) / 4 + s[0][1] * s[0][1]);
        String tStar = String.format(java.util.Locale.ROOT, "t* = %.4f", lambdaMin / 2);
        assertThatThrownBy(() -> new GaussianScheme().run(BlobInternalEnergy.entropy().times(-1), x0, 1.0, 10, Clouds.NONE))
                .isInstanceOf(NumericalFailureException.class).hasMessageContaining(tStar);
    }

    @Test
    void quantileSchemeChecksItsInput() {
        assertThatThrownBy(() -> new QuantileScheme1D().run(BlobInternalEnergy.entropy(), Clouds.EJML.create().normal(10, 2, 1), 1, 1, Clouds.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one-dimensional");
        assertThatThrownBy(() -> new QuantileScheme1D().run(BlobInternalEnergy.entropy().times(-1), Clouds.EJML.create().normal(10, 1, 1), 1, 1, Clouds.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ill-posed");
    }

    @Test
    void coincidingParticlesOfASingularKernelAreANumericalFailure() {
        Tensor x0 = Clouds.EJML.create().column(0.0, 0.5, 0.5);
        assertThatThrownBy(() -> new ExplicitParticleScheme().run(parse(1, Map.of("type", "interaction", "kernel", "log-quadratic")), x0, 1, 10, Clouds.NONE))
                .isInstanceOf(NumericalFailureException.class);
    }
}
