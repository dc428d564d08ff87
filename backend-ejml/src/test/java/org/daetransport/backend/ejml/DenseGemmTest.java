package org.daetransport.backend.ejml;

import org.daetransport.api.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DenseGemmTest {

    /**
     * m x k times k x n: degenerate and prime sizes, and sizes either side of the 4-row group, the row block
     * ({@link DenseGemm#MC}), the depth block ({@link DenseGemm#KC}), the column block ({@link DenseGemm#NC})
     * and the narrow-product path ({@link DenseGemm#NARROW}).
     */
    static Stream<Arguments> shapes() {
        int[][] mkn = {
                {1, 1, 1}, {1, 7, 1}, {1, 1, 9}, {9, 1, 1}, {1, 13, 11}, {11, 13, 1}, {3, 5, 2}, {4, 4, 4},
                {5, 3, 7}, {37, 23, 41}, {64, 2, 128}, {65, 63, 66}, {129, 257, 3}, {257, 129, 65},
                {7, 513, 5}, {130, 300, 70}, {5, 130, 300}, {33, 7, 513}, {31, 128, 256}, {32, 127, 255}, {70, 23, 7}, {70, 23, 8}, {6, 9, 2}, {35, 5, 12}, {36, 9, 10}, {74, 3, 9}};
        Stream.Builder<Arguments> all = Stream.builder();
        for (int[] s : mkn) {
            for (int flags = 0; flags < 4; flags++) {
                all.add(Arguments.of(s[0], s[1], s[2], (flags & 1) != 0, (flags & 2) != 0));
            }
        }
        return all.build();
    }

    @ParameterizedTest(name = "{0}x{1}x{2} transA={3} transB={4}")
    @MethodSource("shapes")
    void agreesWithTripleLoop(int m, int k, int n, boolean transA, boolean transB) {
        SplittableRandom rnd = new SplittableRandom(31L * m + 17L * k + n);
        double[] opA = random(rnd, m * k);
        double[] opB = random(rnd, k * n);
        // A and B are stored as given to the GEMM: op(A) transposed back when transA, likewise B.
        double[] a = transA ? transpose(opA, m, k) : opA;
        double[] b = transB ? transpose(opB, k, n) : opB;
        double[] c = DenseGemm.multiply(a, transA ? k : m, transA ? m : k, transA,
                b, transB ? n : k, transB ? k : n, transB, true);

        assertThat(c).hasSize(m * n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double expected = 0;
                double magnitude = 0;
                for (int q = 0; q < k; q++) {
                    double term = opA[i * k + q] * opB[q * n + j];
                    expected += term;
                    magnitude += Math.abs(term);
                }
                // Two summation orders of k terms differ by at most ~2k eps sum|term|; 1e-12 relative to
                // sum|term| holds for k up to ~2000 (eps = 1.1e-16) and is far below any indexing error.
                assertThat(Math.abs(c[i * n + j] - expected))
                        .as("C[%d][%d]", i, j)
                        .isLessThanOrEqualTo(1e-12 * magnitude + Double.MIN_NORMAL);
            }
        }
    }

    @ParameterizedTest(name = "{0}x{1}x{2} transA={3} transB={4}")
    @MethodSource("shapes")
    void parallelAndSerialAreBitIdentical(int m, int k, int n, boolean transA, boolean transB) {
        SplittableRandom rnd = new SplittableRandom(7L * m + k + 3L * n);
        double[] a = random(rnd, m * k);
        double[] b = random(rnd, k * n);
        int aRows = transA ? k : m;
        int aCols = transA ? m : k;
        int bRows = transB ? n : k;
        int bCols = transB ? k : n;
        double[] serial = DenseGemm.multiply(a, aRows, aCols, transA, b, bRows, bCols, transB, false);
        double[] parallel = DenseGemm.multiply(a, aRows, aCols, transA, b, bRows, bCols, transB, true);
        assertThat(parallel).isEqualTo(serial);
    }

    @ParameterizedTest(name = "{0}x{1}x{2} transA={3} transB={4}")
    @MethodSource("shapes")
    void sumsEveryEntryInTheTextbookOrder(int m, int k, int n, boolean transA, boolean transB) {
        // The kernels promise ((0 + a_0 b_0) + a_1 b_1) + ... without fused multiply-add, so the result is
        // exactly the plain triple loop's; this pins the determinism contract across code changes.
        SplittableRandom rnd = new SplittableRandom(11L * m + 5L * k + n);
        double[] opA = random(rnd, m * k);
        double[] opB = random(rnd, k * n);
        double[] a = transA ? transpose(opA, m, k) : opA;
        double[] b = transB ? transpose(opB, k, n) : opB;
        double[] c = DenseGemm.multiply(a, transA ? k : m, transA ? m : k, transA,
                b, transB ? n : k, transB ? k : n, transB, true);
        double[] expected = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int q = 0; q < k; q++) {
                    sum += opA[i * k + q] * opB[q * n + j];
                }
                expected[i * n + j] = sum;
            }
        }
        assertThat(c).isEqualTo(expected);
    }

    @Test
    void largeProductThroughTheBackendIsDeterministicAndMatchesSerial() {
        EjmlBackend backend = new EjmlBackend();
        Tensor x = backend.normal(300, 257, 1);
        Tensor w = backend.normal(257, 190, 2);
        assertThat(DenseGemm.worthParallel(300, 257, 190)).isTrue();
        double[] viaBackend = backend.matmul(x, false, w, false).toArray();
        double[] again = backend.matmul(x, false, w, false).toArray();
        double[] serial = DenseGemm.multiply(x.toArray(), 300, 257, false, w.toArray(), 257, 190, false, false);
        assertThat(viaBackend).isEqualTo(again).isEqualTo(serial);
    }

    @Test
    void emptyInnerDimensionGivesZeros() {
        double[] c = DenseGemm.multiply(new double[0], 3, 0, false, new double[0], 0, 2, false, true);
        assertThat(c).containsExactly(0, 0, 0, 0, 0, 0);
    }

    private static double[] random(SplittableRandom rnd, int size) {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = rnd.nextDouble(-1, 1);
        }
        return v;
    }

    private static double[] transpose(double[] v, int rows, int cols) {
        double[] t = new double[v.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = v[i * cols + j];
            }
        }
        return t;
    }
}
