package org.daetransport.backend.nd4j;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The Gaussian-kernel average in the GEMM form, for larger dimensions: per block of queries and
 * block of references the logits {@code l_ij = -|x_i - y_j|^2 / (2t) + logw_j} come from one BLAS
 * {@code dgemm}, and an online (streaming) softmax over the reference blocks keeps a running
 * maximum, a rescaled sum and a rescaled accumulator per query, the accumulator update being a
 * second {@code dgemm} ({@code exp(l - max) * values}). Memory is O((N + M) (d + k)) plus one
 * fixed-size block of logits; no N x M matrix is formed. Single caller thread: the parallelism is
 * that of OpenBLAS and libnd4j inside each operation. On an oversubscribed machine their per-operation
 * thread synchronisation costs more than it gains: with 6 to 10 runnable processes on 2 cores,
 * N = M = 20000 in d = 64 took 26 s with the default threads and 18 s with {@code OMP_NUM_THREADS=1}.
 *
 * <p>The logits use {@code 2 x.y - |x|^2 - |y|^2}, which cancels when x and y are close and t is
 * tiny: the squared distances are clamped at 0 (logits at {@code logw_j}) so that rounding never
 * makes a distance negative. The remaining absolute error of a logit is about
 * {@code eps (|x|^2 + |y|^2) / t}.
 */
final class GemmGaussianKernel {

    /**
     * Queries per block. With {@link #REFERENCE_BLOCK} a 16 MB logits block: each native operation
     * (two GEMMs and about six passes per block, each a parallel region of libnd4j or OpenBLAS)
     * gets enough work to amortise its dispatch and thread synchronisation, which dominated with
     * 512 x 1024 blocks on a shared 2-core machine (about 2x slower at N = M = 8000, d = 64).
     */
    static final int QUERY_BLOCK = 1024;
    /** References per block. */
    static final int REFERENCE_BLOCK = 2048;

    private GemmGaussianKernel() {
    }

    /**
     * Computes the kernel average with the default block sizes; arguments as
     * {@link org.daetransport.api.cpu.FusedGaussianKernel#compute}. Modifies only {@code avgOut}
     * (N x k, row-major) and {@code lseOut} (N).
     */
    static void compute(double[] x, int n, double[] y, int m, int d, double[] v, int k,
                        double[] logw, double t, double[] avgOut, double[] lseOut) {
        compute(x, n, y, m, d, v, k, logw, t, avgOut, lseOut, QUERY_BLOCK, REFERENCE_BLOCK);
    }

    /** As {@link #compute(double[], int, double[], int, int, double[], int, double[], double, double[], double[])} with given block sizes. */
    static void compute(double[] x, int n, double[] y, int m, int d, double[] v, int k, double[] logw, double t,
                        double[] avgOut, double[] lseOut, int queryBlock, int referenceBlock) {
        if (n == 0) {
            return;
        }
        int da = d + 2;
        // augmented points with xa_i . ya_j = (x_i.y_j - |x_i|^2 / 2 - |y_j|^2 / 2) / t = -|x_i - y_j|^2 / (2t):
        // xa_i = (x_i / t, -|x_i|^2 / (2t), 1) and ya_j = (y_j, 1, -|y_j|^2 / (2t))
        double[] xa = new double[n * da];
        for (int i = 0; i < n; i++) {
            double sq = 0;
            for (int c = 0; c < d; c++) {
                double xc = x[i * d + c];
                xa[i * da + c] = xc / t;
                sq += xc * xc;
            }
            xa[i * da + d] = -sq / (2 * t);
            xa[i * da + d + 1] = 1.0;
        }
        double[] ya = new double[m * da];
        for (int j = 0; j < m; j++) {
            double sq = 0;
            for (int c = 0; c < d; c++) {
                double yc = y[j * d + c];
                ya[j * da + c] = yc;
                sq += yc * yc;
            }
            ya[j * da + d] = 1.0;
            ya[j * da + d + 1] = -sq / (2 * t);
        }
        try (MemoryWorkspace operation = Scratch.open(Scratch.OPERATION)) {
            INDArray xs = Scratch.in(xa, n, da, 'c');
            INDArray ys = Scratch.in(ya, m, da, 'c');
            INDArray vs = Scratch.in(v, m, k, 'c');
            INDArray lw = logw == null ? null : Scratch.in(logw, 1, m, 'c');
            for (int q0 = 0; q0 < n; q0 += queryBlock) {
                int q1 = Math.min(n, q0 + queryBlock);
                queryBlock(xs.get(interval(q0, q1), all()), ys, vs, lw, referenceBlock, q0, avgOut, lseOut);
            }
        }
    }

    /** The average for one block of queries, streamed over blocks of references. */
    private static void queryBlock(INDArray xb, INDArray ys, INDArray vs, INDArray lw, int referenceBlock,
                                   int q0, double[] avgOut, double[] lseOut) {
        int nq = (int) xb.rows();
        int m = (int) ys.rows();
        int k = (int) vs.columns();
        INDArray max = Scratch.empty(nq, 1, 'c').assign(Double.NEGATIVE_INFINITY);
        INDArray sum = Scratch.empty(nq, 1, 'c').assign(0.0);
        INDArray acc = Scratch.empty(nq, k, 'f').assign(0.0);
        for (int r0 = 0; r0 < m; r0 += referenceBlock) {
            int r1 = Math.min(m, r0 + referenceBlock);
            try (MemoryWorkspace block = Scratch.open(Scratch.BLOCK)) {
                // the logits transposed, column-major (references x queries): the same buffer as the
                // row-major logits, whose rows (one per query) are contiguous for the row reductions
                INDArray logitsT = Scratch.empty(r1 - r0, nq, 'f');
                Nd4j.gemm(ys.get(interval(r0, r1), all()), xb, logitsT, false, true, 1.0, 0.0);
                INDArray logits = logitsT.transpose();
                Transforms.min(logits, 0.0, false); // squared distances >= 0 despite cancellation
                if (lw != null) {
                    logits.addiRowVector(lw.get(all(), interval(r0, r1)));
                }
                INDArray newMax = Transforms.max(logits.max(true, 1), max, false);
                INDArray rescale = Transforms.exp(max.sub(newMax), false); // 0 on the first block
                INDArray weights = Transforms.exp(logits.subiColumnVector(newMax), false);
                sum.muli(rescale).addi(weights.sum(true, 1));
                acc.muliColumnVector(rescale);
                Nd4j.gemm(weights, vs.get(interval(r0, r1), all()), acc, false, false, 1.0, 1.0);
                max.assign(newMax);
            }
        }
        double[] lse = Scratch.outRowMajor(Transforms.log(sum, true).addi(max));
        double[] avg = Scratch.outRowMajor(acc.diviColumnVector(sum));
        System.arraycopy(lse, 0, lseOut, q0, nq);
        System.arraycopy(avg, 0, avgOut, q0 * k, nq * k);
    }
}
