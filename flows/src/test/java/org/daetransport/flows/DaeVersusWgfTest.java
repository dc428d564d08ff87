package org.daetransport.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.daetransport.api.NumericalFailureException;
import org.daetransport.api.Tensor;
import org.daetransport.transport.entropy.KozachenkoLeonenko;
import org.daetransport.transport.ot.ExactW2;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DaeVersusWgfTest {

    static final double T = 0.1;
    static final Tensor X0 = Clouds.EJML.create().normal(300, 2, 7);
    static DaeWgfComparison l4;
    static DaeWgfComparison l16;
    static DaeWgfComparison l64;

    @BeforeAll
    static void run() {
        DaeVersusWgf comparison = new DaeVersusWgf();
        l4 = comparison.compare(X0, T, 4, true);
        l16 = comparison.compare(X0, T, 16, true);
        l64 = comparison.compare(X0, T, 64, true);
    }

    @Test
    void gapAtFinalTimeShrinksLikeOneOverL() {
        double g4 = l4.last().w2Gap();
        double g16 = l16.last().w2Gap();
        double g64 = l64.last().w2Gap();
        assertThat(g4).isGreaterThan(g16);
        assertThat(g16).isGreaterThan(g64);
        // first order: quadrupling L divides the gap by 4; allow the pre-asymptotic range [2.5, 6]
        assertThat(g4 / g16).isBetween(2.5, 6.0);
        assertThat(g16 / g64).isBetween(2.5, 6.0);
        // the gap is small next to the distance travelled: the clouds contract by ~sqrt(1 - 2T) per axis
        assertThat(g64).isLessThan(0.01);
    }

    @Test
    void recordsEveryStepStartingEqual() {
        List<DaeWgfComparison.Point> p = l16.points();
        assertThat(p).hasSize(17);
        assertThat(p.get(0).w2Gap()).isZero();
        assertThat(p.get(0).plainW2Gap()).isZero();
        for (int k = 0; k <= 16; k++) {
            assertThat(p.get(k).step()).isEqualTo(k);
            assertThat(p.get(k).time()).isCloseTo(T * k / 16, org.assertj.core.data.Offset.offset(1e-15));
        }
        assertThat(l16.smoothing()).isPositive();
        // the initial entropies are of the same cloud
        assertThat(p.get(0).daeEntropy()).isEqualTo(p.get(0).wgfEntropy());
    }

    @Test
    void entropyCurvesDecrease() {
        for (DaeWgfComparison c : List.of(l4, l16)) {
            List<DaeWgfComparison.Point> p = c.points();
            for (int k = 1; k < p.size(); k++) {
                // Gaussian-fit entropies are smooth functionals of the clouds: strictly decreasing
                assertThat(p.get(k).daeFitEntropy()).isLessThan(p.get(k - 1).daeFitEntropy());
                assertThat(p.get(k).wgfFitEntropy()).isLessThan(p.get(k - 1).wgfFitEntropy());
                assertThat(p.get(k).exactEntropy().getAsDouble()).isLessThan(p.get(k - 1).exactEntropy().getAsDouble());
            }
            assertThat(c.last().daeEntropy()).isLessThan(p.get(0).daeEntropy());
            assertThat(c.last().wgfEntropy()).isLessThan(p.get(0).wgfEntropy());
        }
    }

    @Test
    void entropyCurvesFollowTheExactGaussianFlowAtSmallTime() {
        DaeWgfComparison.Point first = l64.points().get(0);
        DaeWgfComparison.Point last = l64.last();
        double[] s = sampleCovarianceEigenvalues(X0);
        // exact, written independently: H(t) = sum_i 1/2 log(2 pi e (s_i - 2t))
        double exact0 = 0.5 * Math.log(2 * Math.PI * Math.E * s[0]) + 0.5 * Math.log(2 * Math.PI * Math.E * s[1]);
        double exactT = 0.5 * Math.log(2 * Math.PI * Math.E * (s[0] - 2 * T)) + 0.5 * Math.log(2 * Math.PI * Math.E * (s[1] - 2 * T));
        assertThat(first.exactEntropy().getAsDouble()).isCloseTo(exact0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(last.exactEntropy().getAsDouble()).isCloseTo(exactT, org.assertj.core.data.Offset.offset(1e-12));
        double exactDrop = exactT - exact0;
        // The particle flows move with the score of the kernel estimate mu * N(0, h^2): per eigenvalue s the
        // variance shrinks at rate 2 s/(s + h^2) instead of 2 (h^2 = 0.14 here: 12% slower), and each particle's
        // own kernel weight phi(0)/(N rho(x_i)) (about 0.2 on average for N = 300 in 2-D) slows it further;
        // the drops of the Gaussian-fit entropies are thus 60%-100% of the exact drop.
        for (double fitDrop : new double[] {last.daeFitEntropy() - first.daeFitEntropy(), last.wgfFitEntropy() - first.wgfFitEntropy()}) {
            assertThat(fitDrop / exactDrop).isBetween(0.6, 1.0);
        }
        // The KL estimates carry their own O(N^(-1/2)) noise and a bias that changes with the shape: within 40%.
        for (double klDrop : new double[] {last.daeEntropy() - first.daeEntropy(), last.wgfEntropy() - first.wgfEntropy()}) {
            assertThat(klDrop / exactDrop).isBetween(0.6, 1.4);
        }
    }

    @Test
    void nonGaussianDataHasNoExactCurveAndBadArgumentsFail() {
        Tensor small = Clouds.EJML.create().normal(40, 2, 3);
        DaeWgfComparison c = new DaeVersusWgf(Bandwidth.fixed(0.5), new ExactW2(), new KozachenkoLeonenko()).compare(small, 0.05, 2, false);
        assertThat(c.points()).allSatisfy(p -> assertThat(p.exactEntropy()).isEmpty());
        DaeVersusWgf fixed = new DaeVersusWgf(Bandwidth.fixed(0.1), new ExactW2(), new KozachenkoLeonenko());
        // dt = 0.05 > 2 h^2 = 0.02: the explicit WGF step overshoots
        assertThatThrownBy(() -> fixed.compare(small, 0.05, 1, false)).isInstanceOf(NumericalFailureException.class)
                .hasMessageContaining("use more layers");
        assertThatThrownBy(() -> new DaeVersusWgf().compare(small, 0, 2, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DaeVersusWgf().compare(small, 0.1, 0, false)).isInstanceOf(IllegalArgumentException.class);
        // past the exact collapse s_min / 2 of the fitted Gaussian
        assertThatThrownBy(() -> new DaeVersusWgf().compare(small, 5.0, 500, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("collapses at t*");
    }

    private static double[] sampleCovarianceEigenvalues(Tensor x) {
        double[][] r = x.toRows();
        int n = r.length;
        double ma = 0, mb = 0;
        for (double[] p : r) {
            ma += p[0] / n;
            mb += p[1] / n;
        }
        double a = 0, b = 0, c = 0;
        for (double[] p : r) {
            a += (p[0] - ma) * (p[0] - ma) / (n - 1);
            b += (p[0] - ma) * (p[1] - mb) / (n - 1);
            c += (p[1] - mb) * (p[1] - mb) / (n - 1);
        }
        double mid = 0.5 * (a + c);
        double rad = Math.sqrt(0.25 * (a - c) * (a - c) + b * b);
        return new double[] {mid - rad, mid + rad};
    }
}
