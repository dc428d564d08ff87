package org.daetransport.backend.nd4j;

import java.util.SplittableRandom;
import org.daetransport.api.Backend;
import org.daetransport.api.Tensor;
import org.daetransport.testkit.NaiveReference;
import org.daetransport.testkit.TensorAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The GEMM form of the kernel average (the path for d > 8, which the contract suite's low-dimensional
 * kernel tests do not reach) against the direct computation of {@link NaiveReference}.
 */
@Tag("native")
class GemmGaussianKernelTest {

    private static Backend backend;
    private final SplittableRandom random = new SplittableRandom(17);

    @BeforeAll
    static void loadNd4j() {
        backend = new Nd4jBackendProvider().create(); // sets float64 and loads the natives
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    @Test
    void smallBlocksWithPartialLastBlocksMatchTheDirectComputation() {
        int n = 130;
        int m = 411;
        int d = 12;
        int k = 3;
        double[][] x = NaiveReference.randomMatrix(random, n, d);
        double[][] y = NaiveReference.randomMatrix(random, m, d);
        double[][] v = NaiveReference.randomMatrix(random, m, k);
        double[] logw = new double[m];
        for (int j = 0; j < m; j++) {
            logw[j] = random.nextDouble(-3, 3);
        }
        double t = 1.5;
        double[] lse = new double[n];
        double[][] expected = NaiveReference.kernelAverage(x, y, v, logw, t, lse);
        double[] avg = new double[n * k];
        double[] gotLse = new double[n];
        // blocks of 37 queries and 53 references: both loops end on a partial block
        GemmGaussianKernel.compute(flat(x), n, flat(y), m, d, flat(v), k, logw, t, avg, gotLse, 37, 53);
        // logit error eps (|x|^2 + |y|^2) / t <= 1e-16 * 96 / 1.5: far below the tolerances
        TensorAssert.assertThat(backend.create().fromArray(avg, n, k)).within(1e-12, 1e-11).isCloseTo(expected);
        TensorAssert.assertThat(backend.create().fromArray(gotLse, n, 1)).within(1e-12, 1e-12).isCloseTo(lse, n, 1);
    }

    @Test
    void tinyBandwidthGivesTheNearestReferenceWithoutNaN() {
        // t = 1e-8 in d = 16: the GEMM form cancels (|x|^2 + |y|^2 ~ 40 against distances / 2t),
        // clamping keeps logits finite and the average is the nearest reference point
        int d = 16;
        double[][] y = NaiveReference.randomMatrix(random, 700, d);
        double[][] x = NaiveReference.randomMatrix(random, 60, d);
        double[][] nearest = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            int best = 0;
            for (int j = 1; j < y.length; j++) {
                if (NaiveReference.squaredDistance(x[i], y[j]) < NaiveReference.squaredDistance(x[i], y[best])) {
                    best = j;
                }
            }
            nearest[i] = y[best];
        }
        Tensor got = backend.kernels().kernelWeightedAverage(backend.create().fromRows(x), backend.create().fromRows(y), 1e-8);
        TensorAssert.assertThat(got).within(1e-9, 0).isCloseTo(nearest);
    }

    @Test
    void aQueryOnAReferencePointAtTinyBandwidthReturnsThatPoint() {
        // the distance of a point to itself is 0, which the GEMM form only reaches up to rounding
        // (about 1e-16 * |x|^2 ~ 1e-15): the point must still win against all others, finitely
        int d = 10;
        double[][] y = NaiveReference.randomMatrix(random, 50, d);
        double[][] x = {y[7].clone(), y[31].clone()};
        Tensor got = backend.kernels().kernelWeightedAverage(backend.create().fromRows(x), backend.create().fromRows(y), 1e-12);
        TensorAssert.assertThat(got).within(1e-12, 0).isCloseTo(x);
    }

    private static double[] flat(double[][] a) {
        double[] out = new double[a.length * a[0].length];
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(a[i], 0, out, i * a[0].length, a[0].length);
        }
        return out;
    }
}
