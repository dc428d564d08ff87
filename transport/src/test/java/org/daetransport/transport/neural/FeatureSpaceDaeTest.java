package org.daetransport.transport.neural;

import org.daetransport.api.Backend;
import org.daetransport.api.Tensor;
import org.daetransport.api.TransportMap;
import org.daetransport.backend.ejml.EjmlBackend;
import org.daetransport.testkit.TensorAssert;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PAPER.md section 3: a DAE with isotropic noise t in the code space of an invertible linear
 * encoder E, decoded by E^-1, is the input-space DAE with anisotropic noise C = t (E^T E)^-1.
 * For a Gaussian law both sides have closed forms, written here with plain 3x3 matrix loops.
 */
class FeatureSpaceDaeTest {

    private final Backend b = new EjmlBackend();
    private static final double[][] E = {{2.0, 0.5, 0.0}, {0.3, 1.5, -0.4}, {0.1, 0.2, 1.0}};
    private static final double[][] S = {{1.5, 0.3, -0.2}, {0.3, 0.8, 0.1}, {-0.2, 0.1, 0.6}};
    private static final double[] M = {1.0, -2.0, 0.5};
    private static final double T = 0.4;

    @Test
    void decodedIsotropicCodeDaeIsTheAnisotropicInputDae() {
        // code law N(E m, E S E^T); isotropic Gaussian DAE there: h -> Em + K (K + tI)^-1 (h - Em)
        double[] codeMean = mulVec(E, M);
        double[][] k = mul(mul(E, S), transpose(E));
        double[][] codeGain = mul(k, inverse(add(k, scaled(identity(), T))));
        TransportMap codeDae = affineMap(codeMean, codeGain);

        // input space, anisotropic noise C = t (E^T E)^-1: x -> m + S (S + C)^-1 (x - m)
        double[][] c = scaled(inverse(mul(transpose(E), E)), T);
        double[][] inputGain = mul(S, inverse(add(S, c)));

        Tensor x = b.create().normal(25, 3, 77);
        Tensor expected = affineMap(M, inputGain).apply(x);
        FeatureSpaceDae decoded = new FeatureSpaceDae(b.create().fromRows(E), codeDae);

        // both sides are a few well-conditioned 3x3 solves (cond(E) about 3): rounding ~1e-15
        TensorAssert.assertThat(decoded.apply(x)).within(1e-12, 0).isCloseTo(expected);
        TensorAssert.assertThat(FeatureSpaceDae.inputNoiseCovariance(b.create().fromRows(E), T)).within(1e-12, 0).isCloseTo(c);
        TensorAssert.assertThat(decoded.decode(decoded.encode(x))).within(1e-12, 0).isCloseTo(x);
    }

    @Test
    void rejectsASingularEncoder() {
        Tensor singular = b.create().fromRows(new double[][] {{1, 2}, {2, 4}});
        TransportMap id = TransportMap.of(new org.daetransport.api.DenseLayer(b.create().identity(2), b.create().zeros(1, 2),
                org.daetransport.api.Activation.IDENTITY));
        assertThatThrownBy(() -> new FeatureSpaceDae(singular, id)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Rows x -> mean + gain (x - mean), in plain Java. */
    private TransportMap affineMap(double[] mean, double[][] gain) {
        return new TransportMap() {
            @Override public int inputDim() { return 3; }
            @Override public int outputDim() { return 3; }
            @Override public Tensor apply(Tensor points) {
                double[][] p = points.toRows();
                double[][] out = new double[p.length][3];
                for (int r = 0; r < p.length; r++) {
                    for (int i = 0; i < 3; i++) {
                        double s = mean[i];
                        for (int j = 0; j < 3; j++) {
                            s += gain[i][j] * (p[r][j] - mean[j]);
                        }
                        out[r][i] = s;
                    }
                }
                return b.create().fromRows(out);
            }
        };
    }

    private static double[][] identity() {
        return new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    }

    private static double[][] mul(double[][] a, double[][] c) {
        double[][] out = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    out[i][j] += a[i][k] * c[k][j];
                }
            }
        }
        return out;
    }

    private static double[] mulVec(double[][] a, double[] v) {
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                out[i] += a[i][k] * v[k];
            }
        }
        return out;
    }

    private static double[][] transpose(double[][] a) {
        double[][] out = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[j][i] = a[i][j];
            }
        }
        return out;
    }

    private static double[][] add(double[][] a, double[][] c) {
        double[][] out = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[i][j] = a[i][j] + c[i][j];
            }
        }
        return out;
    }

    private static double[][] scaled(double[][] a, double s) {
        double[][] out = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[i][j] = s * a[i][j];
            }
        }
        return out;
    }

    /** The inverse by the adjugate (cofactors) over the determinant. */
    private static double[][] inverse(double[][] a) {
        double[][] cof = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int r0 = (i + 1) % 3;
                int r1 = (i + 2) % 3;
                int c0 = (j + 1) % 3;
                int c1 = (j + 2) % 3;
                cof[i][j] = a[r0][c0] * a[r1][c1] - a[r0][c1] * a[r1][c0];
            }
        }
        double det = a[0][0] * cof[0][0] + a[0][1] * cof[0][1] + a[0][2] * cof[0][2];
        return scaled(transpose(cof), 1 / det);
    }
}
