package org.daetransport.flows;

import org.daetransport.api.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every functional's velocity must be -N times the gradient of its value (the contract JKO relies
 * on); checked against central finite differences, whose error O(h^2) ~ 1e-8 is far below 1e-5.
 */
class GradientConsistencyTest {

    private static void assertVelocityIsMinusNGradient(Functional f, Tensor x) {
        int n = x.rows();
        int d = x.cols();
        double[] v = f.velocity(x).toArray();
        double[] base = x.toArray();
        double h = 1e-5;
        double scale = 0;
        for (double vi : v) {
            scale = Math.max(scale, Math.abs(vi));
        }
        for (int k = 0; k < base.length; k += 3) {
            double[] plus = base.clone();
            double[] minus = base.clone();
            plus[k] += h;
            minus[k] -= h;
            double fd = (f.value(Clouds.EJML.create().fromArray(plus, n, d))
                    - f.value(Clouds.EJML.create().fromArray(minus, n, d))) / (2 * h);
            assertThat(v[k]).as("%s, coordinate %d", f.describe(), k).isCloseTo(-n * fd, within(1e-5 * (1 + scale)));
        }
    }

    private static Tensor cloud(int n, int d, long seed) {
        return Clouds.EJML.create().normal(n, d, seed);
    }

    @Test
    void blobEntropyAndRenyiInTwoDimensions() {
        Tensor x = cloud(30, 2, 1);
        assertVelocityIsMinusNGradient(BlobInternalEnergy.entropy().fixedAt(x), x);
        assertVelocityIsMinusNGradient(BlobInternalEnergy.renyi(2).fixedAt(x), x);
        assertVelocityIsMinusNGradient(BlobInternalEnergy.renyi(3.5).withBandwidth(Bandwidth.fixed(0.3)), x);
    }

    @Test
    void blobEntropyInOneAndThreeDimensions() {
        assertVelocityIsMinusNGradient(BlobInternalEnergy.entropy().withBandwidth(Bandwidth.fixed(0.2)), cloud(25, 1, 2));
        assertVelocityIsMinusNGradient(BlobInternalEnergy.renyi(1.5).withBandwidth(Bandwidth.fixed(0.5)), cloud(25, 3, 3));
    }

    @Test
    void potentialsInteractionsAndSums() {
        Tensor x = cloud(20, 2, 4);
        Functional potential = new QuadraticPotential(new double[][]{{2, 0.5}, {0.5, 1}}, new double[]{0.3, -1});
        assertVelocityIsMinusNGradient(potential, x);
        assertVelocityIsMinusNGradient(new QuadraticInteraction(), x);
        ScalarField quartic = new ScalarField() {
            @Override public double value(double[] z) { double r2 = z[0] * z[0] + z[1] * z[1]; return r2 * r2 / 4; }
            @Override public void gradient(double[] z, double[] out) { double r2 = z[0] * z[0] + z[1] * z[1]; out[0] = r2 * z[0]; out[1] = r2 * z[1]; }
        };
        assertVelocityIsMinusNGradient(new PairInteraction("quartic", quartic), x);
        assertVelocityIsMinusNGradient(new Potential("quartic", quartic), x);
        Functional sum = potential.times(0.7).plus(BlobInternalEnergy.entropy().times(-0.3)).plus(new QuadraticInteraction());
        assertVelocityIsMinusNGradient(sum.fixedAt(x), x);
        assertVelocityIsMinusNGradient(new PairInteraction("log", PairInteraction.logQuadratic1D()), cloud(15, 1, 5));
    }

    @Test
    void blobValueMatchesDirectDoubleSum() {
        Tensor x = cloud(40, 2, 6);
        double eps = 0.4;
        double[][] p = x.toRows();
        double entropy = 0;
        double renyi = 0;
        for (double[] xi : p) {
            double rho = 0;
            for (double[] xj : p) {
                double r2 = (xi[0] - xj[0]) * (xi[0] - xj[0]) + (xi[1] - xj[1]) * (xi[1] - xj[1]);
                rho += Math.exp(-r2 / (2 * eps * eps)) / (2 * Math.PI * eps * eps) / p.length;
            }
            entropy += Math.log(rho) / p.length;
            renyi += rho / p.length; // m = 2: U(rho)/rho = rho
        }
        assertThat(BlobInternalEnergy.entropy().withBandwidth(Bandwidth.fixed(eps)).value(x)).isCloseTo(entropy, within(1e-12));
        assertThat(BlobInternalEnergy.renyi(2).withBandwidth(Bandwidth.fixed(eps)).value(x)).isCloseTo(renyi, within(1e-12));
    }

    @Test
    void blobIsTranslationInvariantFarFromTheOrigin() {
        Tensor x = cloud(30, 2, 7);
        Tensor far = Clouds.EJML.linalg().addRowVector(x, Clouds.EJML.create().row(1e6, -3e6));
        Functional f = BlobInternalEnergy.entropy().withBandwidth(Bandwidth.fixed(0.3));
        // shifting by 1e6 loses about 1e6 * 1e-16 = 1e-10 absolute accuracy in the coordinates
        assertThat(f.value(far)).isCloseTo(f.value(x), within(1e-8));
        double[] a = f.velocity(x).toArray();
        double[] b = f.velocity(far).toArray();
        assertThat(Clouds.maxAbsDiff(a, b)).isLessThan(1e-6);
    }

    @Test
    void bandwidthRuleAndProvenance() {
        Tensor x = cloud(64, 2, 8);
        double[][] s = Clouds.cov(x);
        double sigma = Math.sqrt((s[0][0] + s[1][1]) / 2);
        double expected = Math.pow(64, -1.0 / 6) * sigma;
        assertThat(BlobInternalEnergy.entropy().fixedAt(x).bandwidth().getAsDouble()).isCloseTo(expected, within(1e-12));
        Functional parsed = Energy.parse(java.util.List.of(Map.<String, Object>of("type", "entropy", "bandwidth", 0.25)),
                FunctionalRegistry.withBuiltins(), 2);
        assertThat(parsed.fixedAt(x).bandwidth().getAsDouble()).isEqualTo(0.25);
    }
}
