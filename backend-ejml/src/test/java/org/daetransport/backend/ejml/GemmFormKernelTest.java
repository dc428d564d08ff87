package org.daetransport.backend.ejml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.daetransport.api.cpu.FusedGaussianKernel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The GEMM form against the fused kernel (exact differences), over several query and reference
 * blocks with log-weights. For unit-scale data and logits of order 1 the GEMM form's cancellation
 * error is about eps (|x|^2 + |y|^2) / t, far below the 1e-10 asked here.
 */
class GemmFormKernelTest {

    @ParameterizedTest
    @CsvSource({"9, 0.5", "16, 1.0", "64, 8.0", "64, 0.05"})
    void agreesWithTheFusedKernel(int d, double t) {
        SplittableRandom random = new SplittableRandom(d);
        int n = 300;
        int m = 2500;
        int k = 3;
        double[] x = new double[n * d];
        double[] y = new double[m * d];
        double[] v = new double[m * k];
        double[] logw = new double[m];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble(-1, 1);
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = random.nextDouble(-1, 1);
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextDouble(-3, 3);
        }
        for (int j = 0; j < m; j++) {
            logw[j] = random.nextDouble(-2, 2);
        }
        double[] avg = new double[n * k];
        double[] lse = new double[n];
        double[] avgRef = new double[n * k];
        double[] lseRef = new double[n];
        GemmFormKernel.compute(x, n, y, m, d, v, k, logw, t, avg, lse);
        FusedGaussianKernel.compute(x, n, y, m, d, v, k, logw, t, avgRef, lseRef);
        for (int i = 0; i < n; i++) {
            assertThat(lse[i]).isCloseTo(lseRef[i], within(1e-10 * Math.max(1, Math.abs(lseRef[i]))));
        }
        for (int i = 0; i < avg.length; i++) {
            assertThat(avg[i]).isCloseTo(avgRef[i], within(1e-10));
        }
    }
}
