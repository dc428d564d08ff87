package org.daetransport.api.cpu;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * The Gaussian-kernel average on plain row-major arrays, fused and blocked: for each query i,
 * {@code l_ij = -|x_i - y_j|^2 / (2t) + logw_j}, {@code avg_i = sum_j softmax_j(l_i.) v_j} and
 * {@code lse_i = log sum_j exp(l_ij)}, by an online (streaming) softmax over blocks of reference
 * points. Memory is O(N + M); work is split over query blocks on the common fork-join pool.
 *
 * <p>Distances are computed as sums of squared differences, not as {@code |x|^2 + |y|^2 - 2 x.y},
 * so that small bandwidths t lose no accuracy to cancellation. Pure Java, shared by backends
 * as their fast path for small dimensions.
 */
public final class FusedGaussianKernel {

    private static final int QUERY_BLOCK = 32;
    private static final int REF_BLOCK = 512;

    private FusedGaussianKernel() {
    }

    /**
     * Computes the kernel average.
     *
     * @param x          N x d queries, row-major
     * @param y          M x d references, row-major
     * @param v          M x k values, row-major
     * @param logw       M log-weights, or {@code null} for zeros
     * @param t          kernel variance, > 0
     * @param avgOut     N x k output (modified)
     * @param lseOut     N output (modified)
     */
    public static void compute(double[] x, int n, double[] y, int m, int d, double[] v, int k,
                               double[] logw, double t, double[] avgOut, double[] lseOut) {
        if (n == 0) {
            return;
        }
        Task root = new Task(x, y, m, d, v, k, logw, -0.5 / t, avgOut, lseOut, 0, n);
        if (n <= QUERY_BLOCK || (long) n * m * d < 200_000L) {
            root.compute();
        } else {
            ForkJoinPool.commonPool().invoke(root);
        }
    }

    private static final class Task extends RecursiveAction {
        private final double[] x;
        private final double[] y;
        private final int m;
        private final int d;
        private final double[] v;
        private final int k;
        private final double[] logw;
        private final double scale;
        private final double[] avgOut;
        private final double[] lseOut;
        private final int from;
        private final int to;

        Task(double[] x, double[] y, int m, int d, double[] v, int k, double[] logw, double scale,
             double[] avgOut, double[] lseOut, int from, int to) {
            this.x = x;
            this.y = y;
            this.m = m;
            this.d = d;
            this.v = v;
            this.k = k;
            this.logw = logw;
            this.scale = scale;
            this.avgOut = avgOut;
            this.lseOut = lseOut;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            if (to - from > QUERY_BLOCK) {
                int mid = (from + to) >>> 1;
                invokeAll(new Task(x, y, m, d, v, k, logw, scale, avgOut, lseOut, from, mid),
                        new Task(x, y, m, d, v, k, logw, scale, avgOut, lseOut, mid, to));
                return;
            }
            queryBlock();
        }

        private void queryBlock() {
            int nq = to - from;
            double[] max = new double[nq];
            double[] sum = new double[nq];
            double[] acc = new double[nq * k];
            double[] logits = new double[REF_BLOCK];
            java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
            for (int j0 = 0; j0 < m; j0 += REF_BLOCK) {
                int j1 = Math.min(m, j0 + REF_BLOCK);
                for (int q = 0; q < nq; q++) {
                    int xi = (from + q) * d;
                    double blockMax = Double.NEGATIVE_INFINITY;
                    for (int j = j0; j < j1; j++) {
                        int yj = j * d;
                        double dist = 0;
                        for (int c = 0; c < d; c++) {
                            double diff = x[xi + c] - y[yj + c];
                            dist += diff * diff;
                        }
                        double l = scale * dist + (logw == null ? 0.0 : logw[j]);
                        logits[j - j0] = l;
                        if (l > blockMax) {
                            blockMax = l;
                        }
                    }
                    if (blockMax == Double.NEGATIVE_INFINITY) {
                        continue; // every weight in this block is zero
                    }
                    int ai = q * k;
                    if (blockMax > max[q]) {
                        double rescale = Math.exp(max[q] - blockMax); // 0 when max was -inf
                        sum[q] *= rescale;
                        for (int c = 0; c < k; c++) {
                            acc[ai + c] *= rescale;
                        }
                        max[q] = blockMax;
                    }
                    double mq = max[q];
                    double s = 0;
                    for (int j = j0; j < j1; j++) {
                        double w = Math.exp(logits[j - j0] - mq);
                        s += w;
                        int vj = j * k;
                        for (int c = 0; c < k; c++) {
                            acc[ai + c] += w * v[vj + c];
                        }
                    }
                    sum[q] += s;
                }
            }
            for (int q = 0; q < nq; q++) {
                int i = from + q;
                lseOut[i] = max[q] + Math.log(sum[q]);
                double inv = 1.0 / sum[q];
                for (int c = 0; c < k; c++) {
                    avgOut[i * k + c] = acc[q * k + c] * inv;
                }
            }
        }
    }
}
