package org.daetransport.flows;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nonlinear Fokker-Planck equation, the flow of {@code ∫ rho^2 + ∫ x^2/2 rho} in 1-D: its
 * steady state is (C - (m-1)V/m)_+^(1/(m-1)) = (C - x^2/4)_+ with unit mass (8/3) C^(3/2) = 1.
 */
class NonlinearFokkerPlanckTest {

    private static final double C = Math.pow(3.0 / 8, 2.0 / 3);

    private static double steadyCdf(double x) {
        double r = 2 * Math.sqrt(C);
        double y = Math.max(-r, Math.min(r, x));
        return C * (y + r) - (y * y * y + r * r * r) / 12;
    }

    @Test
    void quantileSchemeReachesTheSteadyState() {
        Functional f = BlobInternalEnergy.renyi(2).plus(new QuadraticPotential(new double[][]{{1}}, new double[]{0}));
        int[] sizes = {30, 120};
        double[] errors = new double[2];
        for (int k = 0; k < 2; k++) {
            int n = sizes[k];
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 0.05 + 0.6 * (i + 0.5) / n; // uniform on [0.05, 0.65]: off-centre, narrower than the steady state
            }
            FlowResult r = new QuantileScheme1D().run(f, Clouds.EJML.create().column(x), 8.0, 40, Clouds.NONE);
            double r0 = 2 * Math.sqrt(C);
            errors[k] = Clouds.quantileError(r.particles(), p -> Clouds.invert(NonlinearFokkerPlanckTest::steadyCdf, p, -r0, r0));
        }
        // exponential convergence at rate >= 1 (V is 1-convex): the mean 0.35 decays exactly as e^{-t} (1.2e-4 left
        // at t = 8), the shape faster; what remains is the O(1/N) quantile discretisation error, measured 1.1e-3
        // (N=30) and 3.8e-4 (N=120)
        assertThat(errors[0]).isLessThan(2e-3);
        assertThat(errors[1]).isLessThan(7e-4).isLessThan(errors[0] / 2);
    }
}
