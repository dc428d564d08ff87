package org.daetransport.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.daetransport.api.Activation;
import org.daetransport.api.Backend;
import org.daetransport.api.SymmetricEigen;
import org.daetransport.api.Tensor;
import org.daetransport.api.TransportKernels.KernelAverage;
import org.daetransport.backend.ejml.EjmlBackend;
import org.daetransport.testkit.TensorAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same seeded inputs through EJML and ND4J, every operation: the results agree to relative
 * 1e-10. Both compute in float64 with different summation orders (BLAS blocking, FMA, pairwise
 * reductions) and different libm implementations, which differ by a few ulps per operation;
 * the absolute floor {@code ATOL} covers entries that are sums of O(1) terms cancelling to
 * near zero, where the rounding error is eps times the sum of the magnitudes (below 1e-13 here).
 */
@Tag("native")
class Nd4jEjmlDifferentialTest {

    private static final double RTOL = 1e-10;
    private static final double ATOL = 1e-12;

    private static Backend ejml;
    private static Backend nd4j;

    @BeforeAll
    static void backends() {
        ejml = new EjmlBackend();
        nd4j = new Nd4jBackendProvider().create();
    }

    @AfterAll
    static void close() {
        nd4j.close();
    }

    /** The same seeded standard normal samples, scaled, in both backends: {ejml, nd4j}. */
    private static Tensor[] normal(int rows, int cols, long seed, double scale) {
        Tensor e = ejml.linalg().scale(ejml.create().normal(rows, cols, seed), scale);
        return new Tensor[] {e, nd4j.create().fromArray(e.toArray(), rows, cols)};
    }

    private static Tensor[] normal(int rows, int cols, long seed) {
        return normal(rows, cols, seed, 1.0);
    }

    private static void agree(Tensor nd4jResult, Tensor ejmlResult) {
        assertThat(nd4jResult.backend().name()).isEqualTo("nd4j");
        TensorAssert.assertThat(nd4jResult).within(ATOL, RTOL).isCloseTo(ejmlResult);
    }

    @Test
    void matmulWithEveryTranspose() {
        Tensor[] a = normal(37, 50, 1);
        Tensor[] at = normal(50, 37, 2);
        Tensor[] b = normal(50, 41, 3);
        Tensor[] bt = normal(41, 50, 4);
        for (int i = 0; i < 4; i++) {
            boolean ta = (i & 1) != 0;
            boolean tb = (i & 2) != 0;
            Tensor[] left = ta ? at : a;
            Tensor[] right = tb ? bt : b;
            agree(nd4j.linalg().matmul(left[1], ta, right[1], tb), ejml.linalg().matmul(left[0], ta, right[0], tb));
        }
        // large enough for EJML's multithreaded product and OpenBLAS's threaded, blocked kernel
        Tensor[] p = normal(300, 200, 5);
        Tensor[] q = normal(200, 250, 6);
        agree(nd4j.linalg().matmul(p[1], q[1]), ejml.linalg().matmul(p[0], q[0]));
        agree(nd4j.linalg().matmul(p[1], true, p[1], false), ejml.linalg().matmul(p[0], true, p[0], false));
    }

    @Test
    void additionScalingTransposeAndBroadcast() {
        Tensor[] a = normal(20, 7, 10);
        Tensor[] b = normal(20, 7, 11);
        Tensor[] row = normal(1, 7, 12);
        agree(nd4j.linalg().add(a[1], b[1]), ejml.linalg().add(a[0], b[0]));
        agree(nd4j.linalg().subtract(a[1], b[1]), ejml.linalg().subtract(a[0], b[0]));
        agree(nd4j.linalg().scale(a[1], -3.25), ejml.linalg().scale(a[0], -3.25));
        agree(nd4j.linalg().addScaled(a[1], 0.7, b[1]), ejml.linalg().addScaled(a[0], 0.7, b[0]));
        agree(nd4j.linalg().addRowVector(a[1], row[1]), ejml.linalg().addRowVector(a[0], row[0]));
        agree(nd4j.linalg().transpose(a[1]), ejml.linalg().transpose(a[0]));
        agree(nd4j.elementwise().multiply(a[1], b[1]), ejml.elementwise().multiply(a[0], b[0]));
        agree(nd4j.elementwise().square(a[1]), ejml.elementwise().square(a[0]));
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void activationsAndTheirDerivatives(Activation f) {
        // scale 6: the samples reach the saturated tails of tanh, sigmoid and softplus
        Tensor[] a = normal(30, 11, 20 + f.ordinal(), 6.0);
        agree(nd4j.elementwise().apply(a[1], f), ejml.elementwise().apply(a[0], f));
        agree(nd4j.elementwise().derivative(a[1], f), ejml.elementwise().derivative(a[0], f));
    }

    @Test
    void reductions() {
        Tensor[] a = normal(123, 9, 30);
        agree(nd4j.reductions().columnSums(a[1]), ejml.reductions().columnSums(a[0]));
        agree(nd4j.reductions().rowSums(a[1]), ejml.reductions().rowSums(a[0]));
        agree(nd4j.reductions().columnMeans(a[1]), ejml.reductions().columnMeans(a[0]));
        double e = ejml.reductions().sum(a[0]);
        assertThat(nd4j.reductions().sum(a[1])).isCloseTo(e, within(ATOL + RTOL * Math.abs(e)));
    }

    @Test
    void logSumExpAndSoftmax() {
        // scale 40: logits spread over hundreds, where the unshifted exponentials would overflow
        Tensor[] a = normal(25, 17, 40, 40.0);
        agree(nd4j.kernels().logSumExpRows(a[1]), ejml.kernels().logSumExpRows(a[0]));
        agree(nd4j.kernels().softmaxRows(a[1]), ejml.kernels().softmaxRows(a[0]));
    }

    @Test
    void pairwiseSquaredDistances() {
        Tensor[] x = normal(19, 5, 50);
        Tensor[] y = normal(23, 5, 51);
        agree(nd4j.kernels().pairwiseSquaredDistances(x[1], y[1]), ejml.kernels().pairwiseSquaredDistances(x[0], y[0]));
    }

    @Test
    void kernelAverageInTwoDimensions() {
        // the fused pure-Java path on both sides, with weights and extra values
        Tensor[] x = normal(300, 2, 60);
        Tensor[] y = normal(1500, 2, 61);
        Tensor[] v = normal(1500, 3, 62);
        Tensor[] lw = normal(1500, 1, 63);
        compareKernelAverages(x, y, v, lw, 0.2);
        compareKernelAverages(x, y, y, null, 0.05);
    }

    @Test
    void kernelAverageInSixtyFourDimensionsOverSeveralBlocks() {
        // the GEMM path: more queries than one query block and references than several blocks
        int n = GemmGaussianKernel.QUERY_BLOCK + 88;
        int m = 2 * GemmGaussianKernel.REFERENCE_BLOCK + 301;
        Tensor[] x = normal(n, 64, 70);
        Tensor[] y = normal(m, 64, 71);
        Tensor[] v = normal(m, 5, 72);
        Tensor[] lw = normal(m, 1, 73, 2.0);
        // |x - y|^2 is about 128 +- 23 here: t = 16 mixes many references, t = 2 only a few
        compareKernelAverages(x, y, v, lw, 16.0);
        compareKernelAverages(x, y, y, null, 2.0);
    }

    private static void compareKernelAverages(Tensor[] x, Tensor[] y, Tensor[] v, Tensor[] lw, double t) {
        KernelAverage e = ejml.kernels().kernelAverage(x[0], y[0], v[0], lw == null ? null : lw[0], t);
        KernelAverage g = nd4j.kernels().kernelAverage(x[1], y[1], v[1], lw == null ? null : lw[1], t);
        agree(g.average(), e.average());
        agree(g.logSumExp(), e.logSumExp());
    }

    @Test
    void symmetricEigenAndCholesky() {
        int n = 8;
        Tensor[] r = normal(n, n, 80);
        Tensor se = ejml.linalg().addScaled(ejml.linalg().matmul(r[0], false, r[0], true), 1.0, ejml.create().identity(n));
        Tensor sn = nd4j.create().copyOf(se);
        SymmetricEigen ee = ejml.linalg().symmetricEigen(se);
        SymmetricEigen en = nd4j.linalg().symmetricEigen(sn);
        assertThat(en.values()).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(en.values()[i]).isCloseTo(ee.values()[i], within(ATOL + RTOL * Math.abs(ee.values()[i])));
        }
        // eigenvectors are unique up to sign for distinct eigenvalues: fix the sign of each column
        agree(signFixed(en.vectors()), signFixed(ee.vectors()));

        Tensor[] b = normal(n, 3, 81);
        agree(nd4j.linalg().choleskySolve(sn, b[1]), ejml.linalg().choleskySolve(se, b[0]));
    }

    /** The columns of {@code v}, each multiplied by the sign of its largest-magnitude entry. */
    private static Tensor signFixed(Tensor v) {
        double[][] rows = v.toRows();
        for (int c = 0; c < v.cols(); c++) {
            int arg = 0;
            for (int i = 1; i < v.rows(); i++) {
                if (Math.abs(rows[i][c]) > Math.abs(rows[arg][c])) {
                    arg = i;
                }
            }
            double sign = Math.signum(rows[arg][c]);
            for (int i = 0; i < v.rows(); i++) {
                rows[i][c] *= sign;
            }
        }
        return v.backend().create().fromRows(rows);
    }
}
