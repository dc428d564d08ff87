package org.daetransport.transport.law;

import org.daetransport.api.Backend;
import org.daetransport.api.NotPositiveDefiniteException;
import org.daetransport.api.ShapeException;
import org.daetransport.api.Tensor;
import org.daetransport.backend.ejml.EjmlBackend;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LawTest {

    private final Backend backend = new EjmlBackend();

    @Test
    void rejectsCovarianceThatIsNotPositiveDefiniteNamingTheSmallestEigenvalue() {
        assertThatThrownBy(() -> new GaussianLaw(new double[] {0, 0}, new double[][] {{1, 0}, {0, -0.1}}))
                .isInstanceOf(NotPositiveDefiniteException.class)
                .hasMessage("covariance is not positive definite: smallest eigenvalue -0.1000");
        // eigenvalues of [[1,2],[2,1]] are 3 and -1
        assertThatThrownBy(() -> new GaussianLaw(new double[] {0, 0}, new double[][] {{1, 2}, {2, 1}}))
                .hasMessageContaining("smallest eigenvalue -1.0000");
        assertThatThrownBy(() -> GaussianLaw.univariate(0, 0))
                .hasMessageContaining("smallest eigenvalue 0.0000");
    }

    @Test
    void rejectsNonSymmetricNonFiniteAndMismatchedCovariances() {
        assertThatThrownBy(() -> new GaussianLaw(new double[] {0, 0}, new double[][] {{1, 0.5}, {0.4, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not symmetric");
        assertThatThrownBy(() -> new GaussianLaw(new double[] {0, Double.NaN}, new double[][] {{1, 0}, {0, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> new GaussianLaw(new double[] {0, 0}, new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}))
                .isInstanceOf(ShapeException.class).hasMessageContaining("3").hasMessageContaining("2");
        // asymmetry at the 1e-14 relative level is rounding, accepted
        new GaussianLaw(new double[] {0, 0}, new double[][] {{1, 0.5}, {0.5 + 1e-14, 1}});
    }

    @Test
    void fisherInformationIsTheTraceOfTheInverseCovariance() {
        double a = 2, b = 0.6, c = 1;
        GaussianLaw law = new GaussianLaw(new double[] {1, -1}, new double[][] {{a, b}, {b, c}});
        // tr [[a,b],[b,c]]^-1 = (a + c) / (ac - b^2)
        assertThat(law.fisherInformation()).isCloseTo((a + c) / (a * c - b * b), within(1e-14));
        assertThat(law.logDeterminant()).isCloseTo(Math.log(a * c - b * b), within(1e-14));
        assertThat(law.minEigenvalue()).isCloseTo((a + c) / 2 - Math.sqrt((a - c) * (a - c) / 4 + b * b), within(1e-14));
    }

    @Test
    void logDensityMatchesTheExplicitFormula() {
        GaussianLaw law = new GaussianLaw(new double[] {1, -1}, new double[][] {{2, 0.6}, {0.6, 1}});
        double det = 2 - 0.36;
        double dx = 0.5, dy = 0.7; // x = (1.5, -0.3)
        double q = (1 * dx * dx - 2 * 0.6 * dx * dy + 2 * dy * dy) / det;
        double expected = -Math.log(2 * Math.PI) - 0.5 * Math.log(det) - 0.5 * q;
        assertThat(law.logDensity(new double[] {1.5, -0.3})).isCloseTo(expected, within(1e-14));
    }

    @Test
    void samplesHaveTheLawsMoments() {
        GaussianLaw law = new GaussianLaw(new double[] {1, -1}, new double[][] {{2, 0.6}, {0.6, 1}});
        int n = 20000;
        double[] x = law.sample(n, 7, backend).toArray();
        double m0 = 0, m1 = 0, s01 = 0;
        for (int i = 0; i < n; i++) {
            m0 += x[2 * i];
            m1 += x[2 * i + 1];
        }
        m0 /= n;
        m1 /= n;
        for (int i = 0; i < n; i++) {
            s01 += (x[2 * i] - m0) * (x[2 * i + 1] - m1);
        }
        s01 /= n - 1;
        // standard errors: sqrt(2/n) = 0.01 for the mean, sqrt((2*1 + 0.36)/n) = 0.011 for the covariance; 4 of them
        assertThat(m0).isCloseTo(1, within(0.04));
        assertThat(m1).isCloseTo(-1, within(0.03));
        assertThat(s01).isCloseTo(0.6, within(0.045));
    }

    @Test
    void mixtureValidatesWeightsAndDimensions() {
        GaussianLaw a = GaussianLaw.univariate(0, 1);
        GaussianLaw b = GaussianLaw.univariate(1, 1);
        assertThatThrownBy(() -> new MixtureLaw.Component(-0.1, a))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(">= 0").hasMessageContaining("-0.1");
        assertThatThrownBy(() -> new MixtureLaw(List.of(new MixtureLaw.Component(0.3, a), new MixtureLaw.Component(0.6, b))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sum to 1");
        assertThatThrownBy(() -> new MixtureLaw(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one component");
        GaussianLaw planar = new GaussianLaw(new double[] {0, 0}, new double[][] {{1, 0}, {0, 1}});
        assertThatThrownBy(() -> new MixtureLaw(List.of(new MixtureLaw.Component(0.5, a), new MixtureLaw.Component(0.5, planar))))
                .isInstanceOf(ShapeException.class).hasMessageContaining("dimension 2").hasMessageContaining("dimension 1");
        MixtureLaw ok = new MixtureLaw(List.of(new MixtureLaw.Component(0.3, a), new MixtureLaw.Component(0.7 + 1e-12, b)));
        assertThat(ok.mean()[0]).isCloseTo(0.7, within(1e-11));
    }

    @Test
    void empiricalLawRejectsEmptyAndNonFiniteClouds() {
        assertThatThrownBy(() -> new EmpiricalLaw(backend.create().zeros(0, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        Tensor withNaN = new Tensor() {
            @Override public Backend backend() { return backend; }
            @Override public int rows() { return 2; }
            @Override public int cols() { return 1; }
            @Override public double[] toArray() { return new double[] {1, Double.NaN}; }
            @Override public double get(int row, int col) { return toArray()[row]; }
        };
        assertThatThrownBy(() -> new EmpiricalLaw(withNaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThat(new EmpiricalLaw(backend.create().fromRows(new double[][] {{0, 0}, {1, 0}, {0, 1}})).dim()).isEqualTo(2);
    }

    @Test
    void numbersArePlainDecimalsWithFourSignificantDigits() {
        assertThat(Numbers.plain(1)).isEqualTo("1.0000");
        assertThat(Numbers.plain(0.3594875162)).isEqualTo("0.3595");
        assertThat(Numbers.plain(-0.1)).isEqualTo("-0.1000");
        assertThat(Numbers.plain(2.19e-5)).isEqualTo("0.00002190");
    }
}
