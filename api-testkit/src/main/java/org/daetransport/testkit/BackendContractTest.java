package org.daetransport.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.daetransport.api.Activation;
import org.daetransport.api.Backend;
import org.daetransport.api.BackendMismatchException;
import org.daetransport.api.DenseLayer;
import org.daetransport.api.Layer;
import org.daetransport.api.NotPositiveDefiniteException;
import org.daetransport.api.SeededNormal;
import org.daetransport.api.ShapeException;
import org.daetransport.api.SymmetricEigen;
import org.daetransport.api.Tensor;
import org.daetransport.api.TransportKernels.KernelAverage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole {@link Backend} contract, every operation against {@link NaiveReference} or a closed
 * form. A backend passes it through a one-method subclass.
 *
 * <p>Tolerances: products and sums of O(1) numbers over at most a few hundred terms agree with the
 * naive loop to a few hundred ulps, so 1e-12 relative; decompositions to 1e-10.
 */
public abstract class BackendContractTest {

    protected Backend backend;
    private final SplittableRandom random = new SplittableRandom(7);

    /** Creates the backend under test. */
    protected abstract Backend createBackend();

    @BeforeEach
    void setUp() {
        backend = createBackend();
    }

    private Tensor tensor(double[][] rows) {
        return backend.create().fromRows(rows);
    }

    private double[][] random(int rows, int cols) {
        return NaiveReference.randomMatrix(random, rows, cols);
    }

    // ---- creation ---------------------------------------------------------------------------

    @Test
    void fromArrayRoundTripsAndReportsShapeAndOwner() {
        double[] data = {1, 2, 3, 4, 5, 6};
        Tensor t = backend.create().fromArray(data, 2, 3);
        data[0] = 99; // the tensor holds a copy
        assertThat(t.rows()).isEqualTo(2);
        assertThat(t.cols()).isEqualTo(3);
        assertThat(t.backend().name()).isEqualTo(backend.name());
        assertThat(t.toArray()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(t.get(1, 0)).isEqualTo(4.0);
        assertThat(t.toRows()[1]).containsExactly(4, 5, 6);
    }

    @Test
    void zerosAndIdentity() {
        assertThat(backend.create().zeros(3, 2).toArray()).containsOnly(0.0).hasSize(6);
        TensorAssert.assertThat(backend.create().identity(2)).isCloseTo(new double[][] {{1, 0}, {0, 1}});
    }

    @Test
    void creationRejectsNonFiniteEntriesWithTheirIndex() {
        assertThatThrownBy(() -> backend.create().fromArray(new double[] {0, 1, Double.NaN, 2}, 2, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entry 2").hasMessageContaining("NaN");
        assertThatThrownBy(() -> backend.create().fromRows(new double[][] {{0}, {Double.POSITIVE_INFINITY}}))
                .hasMessageContaining("entry 1").hasMessageContaining("Infinity");
    }

    @Test
    void creationRejectsWrongLengthAndRaggedRows() {
        assertThatThrownBy(() -> backend.create().fromArray(new double[5], 2, 3))
                .isInstanceOf(ShapeException.class).hasMessageContaining("length 5").hasMessageContaining("2x3");
        assertThatThrownBy(() -> backend.create().fromRows(new double[][] {{1, 2}, {3}}))
                .isInstanceOf(ShapeException.class).hasMessageContaining("row 1");
    }

    @Test
    void seededNormalDependsOnTheSeedOnly() {
        Tensor a = backend.create().normal(100, 3, 11);
        assertThat(a.toArray()).containsExactly(SeededNormal.samples(300, 11));
        assertThat(backend.create().normal(100, 3, 12).toArray()).isNotEqualTo(a.toArray());
        double[] big = backend.create().normal(20000, 1, 3).toArray();
        double mean = java.util.Arrays.stream(big).average().orElseThrow();
        double var = java.util.Arrays.stream(big).map(v -> (v - mean) * (v - mean)).sum() / (big.length - 1);
        // standard errors: 1/sqrt(20000) = 0.0071 for the mean, sqrt(2/20000) = 0.01 for the variance
        assertThat(mean).isCloseTo(0.0, within(0.03));
        assertThat(var).isCloseTo(1.0, within(0.04));
    }

    // ---- linear algebra ---------------------------------------------------------------------

    @Test
    void matmulWithEveryTransposeMatchesTheNaiveLoop() {
        double[][] a = random(37, 23);
        double[][] b = random(23, 41);
        double[][] expected = NaiveReference.matmul(a, b);
        Tensor ta = tensor(a);
        Tensor tb = tensor(b);
        Tensor taT = tensor(NaiveReference.transpose(a));
        Tensor tbT = tensor(NaiveReference.transpose(b));
        var la = backend.linalg();
        TensorAssert.assertThat(la.matmul(ta, tb)).within(1e-12, 1e-12).isCloseTo(expected);
        TensorAssert.assertThat(la.matmul(taT, true, tb, false)).within(1e-12, 1e-12).isCloseTo(expected);
        TensorAssert.assertThat(la.matmul(ta, false, tbT, true)).within(1e-12, 1e-12).isCloseTo(expected);
        TensorAssert.assertThat(la.matmul(taT, true, tbT, true)).within(1e-12, 1e-12).isCloseTo(expected);
    }

    @Test
    void largeMatmulMatchesTheNaiveLoop() {
        double[][] a = random(200, 150);
        double[][] b = random(150, 180);
        TensorAssert.assertThat(backend.linalg().matmul(tensor(a), tensor(b))).within(1e-11, 1e-11)
                .isCloseTo(NaiveReference.matmul(a, b));
    }

    @Test
    void matmulShapeErrorNamesBothShapes() {
        Tensor a = backend.create().zeros(2, 3);
        Tensor b = backend.create().zeros(4, 5);
        assertThatThrownBy(() -> backend.linalg().matmul(a, b))
                .isInstanceOf(ShapeException.class).hasMessageContaining("2x3").hasMessageContaining("4x5");
    }

    @Test
    void transposeAddScaleAndRowBroadcast() {
        double[][] a = random(5, 3);
        double[][] b = random(5, 3);
        double[][] row = random(1, 3);
        var la = backend.linalg();
        TensorAssert.assertThat(la.transpose(tensor(a))).isCloseTo(NaiveReference.transpose(a));
        double[][] sum = new double[5][3];
        double[][] diff = new double[5][3];
        double[][] scaled = new double[5][3];
        double[][] axpy = new double[5][3];
        double[][] bcast = new double[5][3];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 3; j++) {
                sum[i][j] = a[i][j] + b[i][j];
                diff[i][j] = a[i][j] - b[i][j];
                scaled[i][j] = 2.5 * a[i][j];
                axpy[i][j] = a[i][j] - 0.5 * b[i][j];
                bcast[i][j] = a[i][j] + row[0][j];
            }
        }
        TensorAssert.assertThat(la.add(tensor(a), tensor(b))).within(1e-15, 0).isCloseTo(sum);
        TensorAssert.assertThat(la.subtract(tensor(a), tensor(b))).within(1e-15, 0).isCloseTo(diff);
        TensorAssert.assertThat(la.scale(tensor(a), 2.5)).within(1e-15, 0).isCloseTo(scaled);
        TensorAssert.assertThat(la.addScaled(tensor(a), -0.5, tensor(b))).within(1e-15, 0).isCloseTo(axpy);
        TensorAssert.assertThat(la.addRowVector(tensor(a), tensor(row))).within(1e-15, 0).isCloseTo(bcast);
        assertThatThrownBy(() -> la.add(tensor(a), backend.create().zeros(3, 5)))
                .isInstanceOf(ShapeException.class).hasMessageContaining("5x3").hasMessageContaining("3x5");
        assertThatThrownBy(() -> la.addRowVector(tensor(a), backend.create().zeros(1, 4)))
                .isInstanceOf(ShapeException.class).hasMessageContaining("1x4");
    }

    @Test
    void symmetricEigenReconstructsTheMatrixWithAscendingValues() {
        double[][] r = random(6, 6);
        double[][] s = NaiveReference.matmul(r, NaiveReference.transpose(r));
        SymmetricEigen eig = backend.linalg().symmetricEigen(tensor(s));
        double[] values = eig.values();
        for (int i = 1; i < values.length; i++) {
            assertThat(values[i]).isGreaterThanOrEqualTo(values[i - 1]);
        }
        double[][] v = eig.vectors().toRows();
        double[][] rebuilt = new double[6][6];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                for (int k = 0; k < 6; k++) {
                    rebuilt[i][j] += v[i][k] * values[k] * v[j][k];
                }
            }
        }
        TensorAssert.assertThat(tensor(rebuilt)).within(1e-10, 1e-10).isCloseTo(s);
        TensorAssert.assertThat(tensor(NaiveReference.matmul(NaiveReference.transpose(v), v))).within(1e-12, 0)
                .isCloseTo(backend.create().identity(6));
        // a closed form: [[2,1],[1,2]] has eigenvalues 1 and 3
        SymmetricEigen small = backend.linalg().symmetricEigen(tensor(new double[][] {{2, 1}, {1, 2}}));
        assertThat(small.values()).containsExactly(new double[] {1, 3}, within(1e-14));
    }

    @Test
    void choleskySolveSolvesAndRejectsIndefiniteMatrices() {
        double[][] r = random(5, 5);
        double[][] s = NaiveReference.matmul(r, NaiveReference.transpose(r));
        for (int i = 0; i < 5; i++) {
            s[i][i] += 1.0;
        }
        double[][] b = random(5, 2);
        Tensor x = backend.linalg().choleskySolve(tensor(s), tensor(b));
        TensorAssert.assertThat(backend.linalg().matmul(tensor(s), x)).within(1e-11, 1e-11).isCloseTo(b);
        assertThatThrownBy(() -> backend.linalg().choleskySolve(tensor(new double[][] {{1, 2}, {2, 1}}), backend.create().zeros(2, 1)))
                .isInstanceOf(NotPositiveDefiniteException.class);
        assertThatThrownBy(() -> backend.linalg().choleskySolve(backend.create().zeros(2, 3), backend.create().zeros(2, 1)))
                .isInstanceOf(ShapeException.class).hasMessageContaining("2x3");
    }

    // ---- element-wise -----------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Activation.class)
    void activationsAndDerivativesFollowTheirDefinitions(Activation f) {
        double[][] a = random(4, 5);
        a[0][0] = 40; // overflow-prone for softplus and sigmoid
        a[0][1] = -40;
        double[][] value = new double[4][5];
        double[][] slope = new double[4][5];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 5; j++) {
                value[i][j] = f.value(a[i][j]);
                slope[i][j] = f.derivative(a[i][j]);
                if (f != Activation.RELU || Math.abs(a[i][j]) > 1e-3) {
                    // the derivative is the derivative: a central difference agrees to O(h^2)
                    double h = 1e-5;
                    double fd = (f.value(a[i][j] + h) - f.value(a[i][j] - h)) / (2 * h);
                    assertThat(slope[i][j]).isCloseTo(fd, within(1e-8));
                }
            }
        }
        TensorAssert.assertThat(backend.elementwise().apply(tensor(a), f)).within(1e-15, 1e-14).isCloseTo(value);
        TensorAssert.assertThat(backend.elementwise().derivative(tensor(a), f)).within(1e-15, 1e-14).isCloseTo(slope);
    }

    @Test
    void activationClosedForms() {
        assertThat(Activation.SOFTPLUS.value(0)).isCloseTo(Math.log(2), within(1e-16));
        assertThat(Activation.SIGMOID.value(0)).isEqualTo(0.5);
        assertThat(Activation.SOFTPLUS.value(800)).isEqualTo(800.0);
        assertThat(Activation.TANH.derivative(0)).isEqualTo(1.0);
    }

    @Test
    void hadamardProduct() {
        double[][] a = random(3, 4);
        double[][] b = random(3, 4);
        double[][] p = new double[3][4];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                p[i][j] = a[i][j] * b[i][j];
            }
        }
        TensorAssert.assertThat(backend.elementwise().multiply(tensor(a), tensor(b))).within(1e-15, 0).isCloseTo(p);
        assertThatThrownBy(() -> backend.elementwise().multiply(tensor(a), backend.create().zeros(4, 3)))
                .isInstanceOf(ShapeException.class).hasMessageContaining("3x4").hasMessageContaining("4x3");
    }

    // ---- reductions -------------------------------------------------------------------------

    @Test
    void rowAndColumnReductions() {
        double[][] a = random(7, 3);
        double[] colSums = new double[3];
        double[] rowSums = new double[7];
        double total = 0;
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 3; j++) {
                colSums[j] += a[i][j];
                rowSums[i] += a[i][j];
                total += a[i][j];
            }
        }
        TensorAssert.assertThat(backend.reductions().columnSums(tensor(a))).within(1e-14, 0).isCloseTo(colSums, 1, 3);
        TensorAssert.assertThat(backend.reductions().rowSums(tensor(a))).within(1e-14, 0).isCloseTo(rowSums, 7, 1);
        assertThat(backend.reductions().sum(tensor(a))).isCloseTo(total, within(1e-13));
        double[] means = {colSums[0] / 7, colSums[1] / 7, colSums[2] / 7};
        TensorAssert.assertThat(backend.reductions().columnMeans(tensor(a))).within(1e-14, 0).isCloseTo(means, 1, 3);
    }

    // ---- transport kernels ------------------------------------------------------------------

    @Test
    void pairwiseSquaredDistances() {
        double[][] x = random(9, 3);
        double[][] y = random(6, 3);
        double[][] d = new double[9][6];
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 6; j++) {
                d[i][j] = NaiveReference.squaredDistance(x[i], y[j]);
            }
        }
        TensorAssert.assertThat(backend.kernels().pairwiseSquaredDistances(tensor(x), tensor(y))).within(1e-13, 1e-13).isCloseTo(d);
        assertThatThrownBy(() -> backend.kernels().pairwiseSquaredDistances(tensor(x), backend.create().zeros(2, 2)))
                .isInstanceOf(ShapeException.class).hasMessageContaining("9x3").hasMessageContaining("2x2");
    }

    @Test
    void logSumExpAndSoftmaxAreStableForLargeEntries() {
        Tensor a = tensor(new double[][] {{1000, 1000, 1000}, {-1000, 0, -1000}, {1, 2, 3}});
        double lse3 = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
        TensorAssert.assertThat(backend.kernels().logSumExpRows(a)).within(1e-12, 1e-15)
                .isCloseTo(new double[] {1000 + Math.log(3), 0, lse3}, 3, 1);
        TensorAssert.assertThat(backend.kernels().softmaxRows(a)).within(1e-15, 1e-13).isCloseTo(new double[][] {
                {1.0 / 3, 1.0 / 3, 1.0 / 3}, {0, 1, 0},
                {Math.exp(1 - lse3), Math.exp(2 - lse3), Math.exp(3 - lse3)}});
    }

    @Test
    void kernelWeightedAverageMatchesThePublicTestVector() {
        // PAPER.md section 6: the empirical DAE of {(0,0),(1,0),(0,1)} at t = 0.5
        Tensor y = tensor(new double[][] {{0, 0}, {1, 0}, {0, 1}});
        Tensor x = tensor(new double[][] {{1, 1}, {2, -1}});
        TensorAssert.assertThat(backend.kernels().kernelWeightedAverage(x, y, 0.5)).within(5e-8, 0)
                .isCloseTo(new double[][] {{0.4223188, 0.4223188}, {0.95033021, 0.00235563}});
    }

    @Test
    void blockedKernelAverageMatchesTheDirectComputation() {
        // more references than one block, more queries than one block, weights and extra values
        double[][] x = random(150, 3);
        double[][] y = random(1300, 3);
        double[][] v = random(1300, 2);
        double[] logw = new double[1300];
        for (int j = 0; j < logw.length; j++) {
            logw[j] = random.nextDouble(-3, 3);
        }
        double[] lse = new double[150];
        double[][] expected = NaiveReference.kernelAverage(x, y, v, logw, 0.3, lse);
        KernelAverage got = backend.kernels().kernelAverage(tensor(x), tensor(y), tensor(v),
                backend.create().column(logw), 0.3);
        TensorAssert.assertThat(got.average()).within(1e-12, 1e-11).isCloseTo(expected);
        TensorAssert.assertThat(got.logSumExp()).within(1e-12, 1e-12).isCloseTo(lse, 150, 1);
    }

    @Test
    void kernelAverageIsStableForTinyBandwidths() {
        // t = 1e-8 relative to unit-scale data: the average is the nearest reference point, no NaN
        double[][] y = random(500, 2);
        double[][] x = random(40, 2);
        double[][] nearest = new double[40][];
        for (int i = 0; i < 40; i++) {
            int best = 0;
            for (int j = 1; j < y.length; j++) {
                if (NaiveReference.squaredDistance(x[i], y[j]) < NaiveReference.squaredDistance(x[i], y[best])) {
                    best = j;
                }
            }
            nearest[i] = y[best];
        }
        TensorAssert.assertThat(backend.kernels().kernelWeightedAverage(tensor(x), tensor(y), 1e-8))
                .within(1e-9, 0).isCloseTo(nearest);
    }

    @Test
    void kernelAverageRejectsBadArguments() {
        Tensor y = tensor(random(5, 2));
        assertThatThrownBy(() -> backend.kernels().kernelWeightedAverage(tensor(random(3, 2)), y, 0.0))
                .hasMessageContaining("t must be positive");
        assertThatThrownBy(() -> backend.kernels().kernelWeightedAverage(tensor(random(3, 3)), y, 1.0))
                .isInstanceOf(ShapeException.class).hasMessageContaining("3x3").hasMessageContaining("5x2");
        assertThatThrownBy(() -> backend.kernels().kernelWeightedAverage(tensor(random(3, 2)), backend.create().zeros(0, 2), 1.0))
                .isInstanceOf(ShapeException.class).hasMessageContaining("empty");
    }

    // ---- layers -----------------------------------------------------------------------------

    @Test
    void denseLayerBackwardMatchesFiniteDifferences() {
        Tensor w = tensor(random(3, 2));
        Tensor b = tensor(random(1, 2));
        Layer layer = new DenseLayer(w, b, Activation.TANH);
        double[][] xs = random(4, 3);
        Tensor x = tensor(xs);
        double[][] g = random(4, 2); // dLoss/dOutput for the loss L = sum(g .* forward(x))
        Layer.Gradients grads = layer.backward(x, tensor(g));
        double h = 1e-6;
        double[][] gradInput = grads.input().toRows();
        for (int i = 0; i < 4; i++) {
            for (int c = 0; c < 3; c++) {
                double[][] plus = copy(xs);
                double[][] minus = copy(xs);
                plus[i][c] += h;
                minus[i][c] -= h;
                double fd = (loss(layer, plus, g) - loss(layer, minus, g)) / (2 * h);
                assertThat(gradInput[i][c]).isCloseTo(fd, within(1e-8));
            }
        }
        double[][] gw = grads.weights().toRows();
        double[][] wr = w.toRows();
        for (int p = 0; p < 3; p++) {
            for (int q = 0; q < 2; q++) {
                double[][] plus = copy(wr);
                double[][] minus = copy(wr);
                plus[p][q] += h;
                minus[p][q] -= h;
                double fd = (loss(new DenseLayer(tensor(plus), b, Activation.TANH), xs, g)
                        - loss(new DenseLayer(tensor(minus), b, Activation.TANH), xs, g)) / (2 * h);
                assertThat(gw[p][q]).isCloseTo(fd, within(1e-8));
            }
        }
        assertThat(grads.bias().rows()).isEqualTo(1);
        assertThat(grads.bias().cols()).isEqualTo(2);
    }

    private double loss(Layer layer, double[][] x, double[][] g) {
        double[][] out = layer.forward(tensor(x)).toRows();
        double s = 0;
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out[0].length; j++) {
                s += g[i][j] * out[i][j];
            }
        }
        return s;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    // ---- mixing backends --------------------------------------------------------------------

    @Test
    void everyGroupRejectsTensorsOfAnotherBackend() {
        Tensor mine = backend.create().zeros(1, 1);
        Tensor foreign = new ForeignTensor();
        assertThatThrownBy(() -> backend.linalg().matmul(mine, foreign))
                .isInstanceOf(BackendMismatchException.class).hasMessageContaining("foreign").hasMessageContaining(backend.name());
        assertThatThrownBy(() -> backend.linalg().add(foreign, mine)).isInstanceOf(BackendMismatchException.class);
        assertThatThrownBy(() -> backend.elementwise().apply(foreign, Activation.TANH)).isInstanceOf(BackendMismatchException.class);
        assertThatThrownBy(() -> backend.reductions().columnSums(foreign)).isInstanceOf(BackendMismatchException.class);
        assertThatThrownBy(() -> backend.kernels().kernelWeightedAverage(mine, foreign, 1.0)).isInstanceOf(BackendMismatchException.class);
        assertThatThrownBy(() -> backend.kernels().logSumExpRows(foreign)).isInstanceOf(BackendMismatchException.class);
    }
}
