package org.daetransport.backend.ejml;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The Gaussian-kernel average in the GEMM form, for larger dimensions, on {@link DenseGemm}: per
 * block of queries and block of references the dot products {@code x_i . y_j} come from one product,
 * the logits are {@code -(|x_i|^2 + |y_j|^2 - 2 x_i.y_j) / (2t) + logw_j} with the squared distance
 * clamped at 0, and an online softmax over the reference blocks keeps a running maximum, a rescaled
 * sum and a rescaled accumulator per query, whose update {@code exp(l - max) * values} is a second
 * product. Memory is O(N + M) plus one block of logits per thread; query blocks run in parallel.
 *
 * <p>The GEMM form cancels when x and y are close: a logit's absolute error is about
 * {@code eps (|x|^2 + |y|^2) / t}, so the fused kernel (exact differences) stays the path for small
 * dimensions, where it is as fast.
 */
final class GemmFormKernel {

    /** Dimensions above which the GEMM form is used. */
    static final int MIN_DIMENSION = 8;
    private static final int QUERY_BLOCK = 256;
    private static final int REFERENCE_BLOCK = 1024;

    private GemmFormKernel() {
    }

    /**
     * Arguments as {@link org.daetransport.api.cpu.FusedGaussianKernel#compute}; modifies only
     * {@code avgOut} (N x k) and {@code lseOut} (N).
     */
    static void compute(double[] x, int n, double[] y, int m, int d, double[] v, int k,
                        double[] logw, double t, double[] avgOut, double[] lseOut) {
        double[] ySq = squaredNorms(y, m, d);
        int blocks = (n + QUERY_BLOCK - 1) / QUERY_BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> queryBlock(x, b * QUERY_BLOCK, Math.min(n, (b + 1) * QUERY_BLOCK),
                y, m, d, ySq, v, k, logw, t, avgOut, lseOut));
    }

    private static void queryBlock(double[] x, int from, int to, double[] y, int m, int d, double[] ySq,
                                   double[] v, int k, double[] logw, double t, double[] avgOut, double[] lseOut) {
        int nq = to - from;
        double[] xb = Arrays.copyOfRange(x, from * d, to * d);
        double[] xSq = squaredNorms(xb, nq, d);
        double[] max = new double[nq];
        double[] sum = new double[nq];
        double[] acc = new double[nq * k];
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        double scale = -0.5 / t;
        for (int j0 = 0; j0 < m; j0 += REFERENCE_BLOCK) {
            int j1 = Math.min(m, j0 + REFERENCE_BLOCK);
            int nr = j1 - j0;
            double[] w = DenseGemm.multiply(xb, nq, d, false, Arrays.copyOfRange(y, j0 * d, j1 * d), nr, d, true, false);
            for (int q = 0; q < nq; q++) {
                int row = q * nr;
                double blockMax = Double.NEGATIVE_INFINITY;
                for (int r = 0; r < nr; r++) {
                    double dist = Math.max(0.0, xSq[q] + ySq[j0 + r] - 2 * w[row + r]);
                    double l = scale * dist + (logw == null ? 0.0 : logw[j0 + r]);
                    w[row + r] = l;
                    blockMax = Math.max(blockMax, l);
                }
                if (blockMax > max[q]) {
                    double rescale = Math.exp(max[q] - blockMax); // 0 while max is -inf
                    sum[q] *= rescale;
                    for (int c = 0; c < k; c++) {
                        acc[q * k + c] *= rescale;
                    }
                    max[q] = blockMax;
                }
                double s = 0;
                for (int r = 0; r < nr; r++) {
                    double e = Math.exp(w[row + r] - max[q]);
                    w[row + r] = e;
                    s += e;
                }
                sum[q] += s;
            }
            double[] contribution = DenseGemm.multiply(w, nq, nr, false, Arrays.copyOfRange(v, j0 * k, j1 * k), nr, k, false, false);
            for (int i = 0; i < acc.length; i++) {
                acc[i] += contribution[i];
            }
        }
        for (int q = 0; q < nq; q++) {
            lseOut[from + q] = max[q] + Math.log(sum[q]);
            for (int c = 0; c < k; c++) {
                avgOut[(from + q) * k + c] = acc[q * k + c] / sum[q];
            }
        }
    }

    private static double[] squaredNorms(double[] a, int rows, int d) {
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int c = 0; c < d; c++) {
                s += a[i * d + c] * a[i * d + c];
            }
            out[i] = s;
        }
        return out;
    }
}
