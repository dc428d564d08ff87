package org.daetransport.transport.dae;

import org.daetransport.api.Backend;
import org.daetransport.api.NotPositiveDefiniteException;
import org.daetransport.api.ShapeException;
import org.daetransport.api.Tensor;
import org.daetransport.backend.ejml.EjmlBackend;
import org.daetransport.transport.law.EmpiricalLaw;
import org.daetransport.transport.law.GaussianLaw;
import org.daetransport.transport.law.Law;
import org.daetransport.transport.law.MixtureLaw;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.daetransport.testkit.TensorAssert.assertThat;

class OptimalDaeTest {

    private final Backend backend = new EjmlBackend();

    private Tensor column(double... v) {
        return backend.create().column(v);
    }

    private static MixtureLaw paperMixture() {
        return new MixtureLaw(List.of(
                new MixtureLaw.Component(0.3, GaussianLaw.univariate(-2, 0.5)),
                new MixtureLaw.Component(0.7, GaussianLaw.univariate(1.5, 1.0))));
    }

    @Test
    void gaussianPaperVector() {
        GaussianLaw law = GaussianLaw.univariate(1, 2);
        OptimalDae dae = OptimalDae.of(law, 0.5);
        assertThat(dae.apply(column(3))).within(1e-14, 0).isCloseTo(new double[] {2.6}, 1, 1);
        assertThat(((GaussianDae) dae).pushforward().covariance()[0][0]).isCloseTo(1.28, within(1e-14));
        assertThat(((GaussianDae) dae).pushforward().mean()[0]).isCloseTo(1, within(1e-15));
    }

    @Test
    void gaussianInTwoDimensionsMatchesExplicitAffineMap() {
        double[][] s = {{2, 0.6}, {0.6, 1}};
        double[] m = {1, -1};
        double t = 0.7;
        GaussianDae dae = (GaussianDae) OptimalDae.of(new GaussianLaw(m, s), t);
        double[][] a = Mat2.mul(s, Mat2.inv(Mat2.add(s, new double[][] {{t, 0}, {0, t}})));
        double[] x = {2.5, 0.3};
        double[] expected = Mat2.mul(a, new double[] {x[0] - m[0], x[1] - m[1]});
        assertThat(dae.apply(backend.create().row(x)))
                .within(1e-14, 0).isCloseTo(new double[] {m[0] + expected[0], m[1] + expected[1]}, 1, 2);
        double[][] push = Mat2.mul(Mat2.mul(a, s), Mat2.transpose(a));
        double[][] actual = dae.pushforward().covariance();
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertThat(actual[i][j]).isCloseTo(push[i][j], within(1e-14));
            }
        }
    }

    @Test
    void mixturePaperVectors() {
        OptimalDae dae = OptimalDae.of(paperMixture(), 0.8);
        assertThat(dae.apply(column(-3, 0, 2))).within(1e-9, 0)
                .isCloseTo(new double[] {-2.3702197009, 0.3474143813, 1.7752080775}, 3, 1);
    }

    @Test
    void mixtureFarPointsAndTinyNoiseDoNotUnderflow() {
        // linear-space responsibilities would be exp(-(50+2)^2/2) and exp(-(50-1.5)^2/2): both underflow
        double t = 1e-8;
        Tensor out = OptimalDae.of(paperMixture(), t).apply(column(50, -40));
        // far out the wider component (variance 1 against 0.5) takes all the responsibility
        // (log-odds about 1500 and 580): g = m_2 + S_2/(S_2+t) (x - m_2)
        assertThat(out).within(1e-12, 0).isCloseTo(new double[] {1.5 + 48.5 / (1 + t), 1.5 - 41.5 / (1 + t)}, 2, 1);
    }

    @Test
    void mixtureWithTinyNoiseMovesPointsByTheScore() {
        // x = -2.1 lies where component 1 dominates; for t -> 0, g(x) = x + t grad log p_0(x) + O(t^2)
        double t = 1e-8;
        double x = -2.1;
        double p1 = 0.3 * Math.exp(-0.5 * 0.01 / 0.5) / Math.sqrt(0.5);
        double p2 = 0.7 * Math.exp(-0.5 * 3.6 * 3.6);
        double score = (p1 * (-2 - x) / 0.5 + p2 * (1.5 - x)) / (p1 + p2);
        assertThat(OptimalDae.of(paperMixture(), t).apply(column(x)).get(0, 0)).isCloseTo(x + t * score, within(1e-15));
    }

    @Test
    void empiricalPaperVectors() {
        EmpiricalLaw law = new EmpiricalLaw(backend.create().fromRows(new double[][] {{0, 0}, {1, 0}, {0, 1}}));
        Tensor out = OptimalDae.of(law, 0.5).apply(backend.create().fromRows(new double[][] {{1, 1}, {2, -1}}));
        assertThat(out).within(1e-7, 0).isCloseTo(new double[][] {{0.4223188, 0.4223188}, {0.95033021, 0.00235563}});
    }

    @Test
    void stableForNoiseDownTo1eMinus8RelativeToTheDataScale() {
        double scale = 1000;
        double t = 1e-8 * scale * scale;
        EmpiricalLaw law = new EmpiricalLaw(backend.create().fromRows(new double[][] {{0, 0}, {scale, 0}, {0, scale}}));
        // (500, 500) is equidistant from the three points: all logits are -1.25e7 and underflow in
        // linear space, the weights are exactly 1/3 each
        Tensor out = OptimalDae.of(law, t).apply(backend.create().fromRows(new double[][] {{500, 500}, {scale + 0.01, 0.02}}));
        assertThat(out).within(1e-9, 1e-12).isCloseTo(new double[][] {{scale / 3, scale / 3}, {scale, 0}});

        GaussianLaw gaussian = GaussianLaw.univariate(scale, scale * scale);
        double x = scale + 3 * scale;
        double expected = scale + scale * scale / (scale * scale + t) * (x - scale);
        assertThat(OptimalDae.of(gaussian, t).apply(column(x)).get(0, 0)).isCloseTo(expected, within(1e-12 * x));
    }

    @Test
    void anisotropicEmpiricalMatchesBruteForceWeights() {
        double[][] sample = {{0, 0}, {1, 0}, {0, 1}, {-1, 2}, {0.5, -0.7}};
        double[][] c = {{0.5, 0.2}, {0.2, 0.3}};
        double[] x = {0.3, 0.9};
        double[] logits = new double[sample.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < sample.length; i++) {
            logits[i] = -0.5 * Mat2.quad(c, new double[] {x[0] - sample[i][0], x[1] - sample[i][1]});
            max = Math.max(max, logits[i]);
        }
        double z = 0, g0 = 0, g1 = 0;
        for (int i = 0; i < sample.length; i++) {
            double w = Math.exp(logits[i] - max);
            z += w;
            g0 += w * sample[i][0];
            g1 += w * sample[i][1];
        }
        Law law = new EmpiricalLaw(backend.create().fromRows(sample));
        assertThat(OptimalDae.of(law, c).apply(backend.create().row(x)))
                .within(1e-13, 0).isCloseTo(new double[] {g0 / z, g1 / z}, 1, 2);
    }

    @Test
    void anisotropicMixtureMatchesExplicitComputation() {
        double[][] s1 = {{1, 0.3}, {0.3, 0.5}};
        double[][] s2 = {{0.4, -0.1}, {-0.1, 0.8}};
        double[] m1 = {-1, 0};
        double[] m2 = {2, 1};
        double[][] c = {{0.5, 0.2}, {0.2, 0.3}};
        MixtureLaw law = new MixtureLaw(List.of(new MixtureLaw.Component(0.4, new GaussianLaw(m1, s1)),
                new MixtureLaw.Component(0.6, new GaussianLaw(m2, s2))));
        double[] x = {0.7, 0.2};
        double[][] n1 = Mat2.add(s1, c);
        double[][] n2 = Mat2.add(s2, c);
        double[] d1 = {x[0] - m1[0], x[1] - m1[1]};
        double[] d2 = {x[0] - m2[0], x[1] - m2[1]};
        double p1 = 0.4 * Math.exp(-0.5 * Mat2.quad(n1, d1)) / Math.sqrt(Mat2.det(n1));
        double p2 = 0.6 * Math.exp(-0.5 * Mat2.quad(n2, d2)) / Math.sqrt(Mat2.det(n2));
        double[] a1 = Mat2.mul(Mat2.mul(s1, Mat2.inv(n1)), d1);
        double[] a2 = Mat2.mul(Mat2.mul(s2, Mat2.inv(n2)), d2);
        double[] expected = new double[2];
        for (int i = 0; i < 2; i++) {
            expected[i] = (p1 * (m1[i] + a1[i]) + p2 * (m2[i] + a2[i])) / (p1 + p2);
        }
        assertThat(OptimalDae.of(law, c).apply(backend.create().row(x))).within(1e-13, 0).isCloseTo(expected, 1, 2);
    }

    /**
     * PAPER.md section 3: for an invertible linear encoder {@code h = E x} with isotropic noise of
     * variance t in code space, the decoded DAE {@code E^-1 g_code(E x)} is the input-space DAE with
     * {@code C = t (E^T E)^-1}. The code-space side uses only the isotropic DAEs.
     */
    @Test
    void anisotropicNoiseIsTheDecodedIsotropicDaeOfALinearEncoder() {
        double[][] e = {{1, 0.5}, {0.2, 1.5}};
        double t = 0.3;
        double[][] c = Mat2.inv(Mat2.mul(Mat2.transpose(e), e));
        c = new double[][] {{t * c[0][0], t * c[0][1]}, {t * c[1][0], t * c[1][1]}};
        double[][] s = {{2, 0.6}, {0.6, 1}};
        double[] m = {1, -1};
        double[][] ese = Mat2.mul(Mat2.mul(e, s), Mat2.transpose(e));
        GaussianLaw input = new GaussianLaw(m, s);
        GaussianLaw code = new GaussianLaw(Mat2.mul(e, m), symmetric(ese));
        double[][] sample = {{0, 0}, {1, 0}, {0, 1}, {-1, 2}, {0.5, -0.7}};
        double[][] codeSample = new double[sample.length][];
        for (int i = 0; i < sample.length; i++) {
            codeSample[i] = Mat2.mul(e, sample[i]);
        }
        double[][] points = {{2.5, 0.3}, {-0.4, 0.1}, {0.2, 0.6}};
        assertDecodedEquals(input, code, e, c, t, points);
        assertDecodedEquals(new EmpiricalLaw(backend.create().fromRows(sample)),
                new EmpiricalLaw(backend.create().fromRows(codeSample)), e, c, t, points);
        MixtureLaw mixture = new MixtureLaw(List.of(new MixtureLaw.Component(0.5, input),
                new MixtureLaw.Component(0.5, new GaussianLaw(new double[] {-1, 1}, new double[][] {{0.5, 0}, {0, 0.5}}))));
        double[][] ese2 = Mat2.mul(Mat2.mul(e, new double[][] {{0.5, 0}, {0, 0.5}}), Mat2.transpose(e));
        MixtureLaw codeMixture = new MixtureLaw(List.of(new MixtureLaw.Component(0.5, code),
                new MixtureLaw.Component(0.5, new GaussianLaw(Mat2.mul(e, new double[] {-1, 1}), symmetric(ese2)))));
        assertDecodedEquals(mixture, codeMixture, e, c, t, points);
    }

    private static double[][] symmetric(double[][] a) {
        double off = 0.5 * (a[0][1] + a[1][0]);
        return new double[][] {{a[0][0], off}, {off, a[1][1]}};
    }

    private void assertDecodedEquals(Law input, Law code, double[][] e, double[][] c, double t, double[][] points) {
        double[][] encoded = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            encoded[i] = Mat2.mul(e, points[i]);
        }
        double[][] codeOut = OptimalDae.of(code, t).apply(backend.create().fromRows(encoded)).toRows();
        double[][] decoded = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            decoded[i] = Mat2.mul(Mat2.inv(e), codeOut[i]);
        }
        assertThat(OptimalDae.of(input, c).apply(backend.create().fromRows(points))).within(1e-12, 0).isCloseTo(decoded);
    }

    @Test
    void rejectsBadNoiseAndDimensions() {
        GaussianLaw law = GaussianLaw.univariate(1, 2);
        assertThatThrownBy(() -> OptimalDae.of(law, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("t");
        assertThatThrownBy(() -> OptimalDae.of(law, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OptimalDae.of(law, Double.NaN)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> OptimalDae.of(law, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OptimalDae.of(law, 0.5).apply(backend.create().row(1, 2)))
                .isInstanceOf(ShapeException.class).hasMessageContaining("dimension 2").hasMessageContaining("dimension 1");
        assertThatThrownBy(() -> OptimalDae.of(law, new double[][] {{1, 0}, {0, 1}}))
                .isInstanceOf(ShapeException.class).hasMessageContaining("dimension 2").hasMessageContaining("dimension 1");
        GaussianLaw planar = new GaussianLaw(new double[] {0, 0}, new double[][] {{1, 0}, {0, 1}});
        assertThatThrownBy(() -> OptimalDae.of(planar, new double[][] {{1, 0}, {0, -0.25}}))
                .isInstanceOf(NotPositiveDefiniteException.class).hasMessageContaining("smallest eigenvalue -0.2500");
    }
}
