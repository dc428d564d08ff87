package org.daetransport.backend.ejml;

import java.util.stream.IntStream;

/**
 * Pure-Java float64 matrix product {@code C = op(A) op(B)} on row-major arrays, for all four transpose
 * combinations.
 *
 * <p>Design. {@code op(B)} is packed once into column blocks of at most {@link #NC} columns, each row of a
 * block its own {@code double[]}; transposing {@code B} costs nothing more than this packing. Three rows of
 * {@code C} at a time are accumulated in three L1-resident row buffers, depth block by depth block
 * ({@link #KC} rows of the packed B block, 256 KiB, stay in L2), two depth steps per pass:
 * {@code c_r[j] = (c_r[j] + op(A)[i+r][k] opB_k[j]) + op(A)[i+r][k+1] opB_{k+1}[j]}. The inner loop over
 * {@code j} touches every array at the same index {@code j}, so HotSpot C2 can prove the iterations
 * independent and vectorises it (AVX2 here; measured 3-4x faster than a 4 x 4 scalar register tile,
 * which C2 cannot vectorise, and than EJML's kernels). {@code op(A)} is read in place through a
 * (row stride, depth stride) pair, so a transposed {@code A} needs no copy. Row blocks of {@link #MC} rows run on the common ForkJoinPool for large products.
 *
 * <p>Determinism. Every entry is summed as {@code ((0 + a_0 b_0) + a_1 b_1) + ...} in increasing {@code k}
 * without fused multiply-add, the order of the textbook triple loop; it depends on nothing else, so the
 * serial and parallel paths, and any thread count, return bit-identical results.
 */
final class DenseGemm {

    /** Columns per packed B block: three 256-wide row buffers of C are 6 KiB (L1). */
    static final int NC = 256;
    /** Depth rows of a B block per pass: 128 x 256 doubles are 256 KiB (L2). */
    static final int KC = 128;
    /** Products with fewer columns than this use dot products over packed columns of op(B). */
    static final int NARROW = 8;
    /** Rows of C per parallel task (a multiple of the kernel's three rows). */
    static final int MC = 36;
    /**
     * Products with at least this many multiply-adds run their row blocks on the common ForkJoinPool
     * (measured on 2 shared cores: 64 x 64 x 64 gains 1.2x, 128 x 64 x 128 1.4x, 128^3 1.4x, 256^3 1.8x).
     */
    static final long PARALLEL_MULTIPLY_ADDS = 1L << 18;

    private DenseGemm() {
    }

    /** Whether a product of this size is worth splitting across threads. */
    static boolean worthParallel(int m, int k, int n) {
        return (long) m * k * n >= PARALLEL_MULTIPLY_ADDS && m > MC;
    }

    /**
     * Computes {@code op(A) op(B)} into a new row-major array.
     *
     * @param a        row-major {@code aRows x aCols} (not modified)
     * @param transA   whether {@code op(A) = A^T}
     * @param b        row-major {@code bRows x bCols} (not modified)
     * @param transB   whether {@code op(B) = B^T}
     * @param parallel whether row blocks may run on the common ForkJoinPool (the result does not depend on it)
     * @return {@code C}, row-major {@code m x n}, {@code m} the rows of {@code op(A)}, {@code n} the columns of {@code op(B)}
     */
    static double[] multiply(double[] a, int aRows, int aCols, boolean transA,
                             double[] b, int bRows, int bCols, boolean transB, boolean parallel) {
        int m = transA ? aCols : aRows;
        int k = transA ? aRows : aCols;
        int n = transB ? bRows : bCols;
        if ((transB ? bCols : bRows) != k) {
            throw new IllegalArgumentException("inner dimensions differ: " + k + " and " + (transB ? bCols : bRows));
        }
        double[] c = new double[m * n];
        if (m == 0 || n == 0 || k == 0) {
            return c;
        }
        boolean narrow = n < NARROW;
        Product p = new Product(a, transA ? 1 : aCols, transA ? aCols : 1,
                narrow ? null : packB(b, bCols, transB, k, n), narrow ? packColumns(b, bCols, transB, k, n) : null,
                c, m, k, n);
        int blocks = (m + MC - 1) / MC;
        if (parallel && blocks > 1) {
            IntStream.range(0, blocks).parallel().forEach(blk -> p.rowBlock(blk, new double[3][Math.min(NC, n)]));
        } else {
            double[][] rows = new double[3][Math.min(NC, n)];
            for (int blk = 0; blk < blocks; blk++) {
                p.rowBlock(blk, rows);
            }
        }
        return c;
    }

    /** {@code result[j]} is column {@code j} of {@code op(B)}, contiguous. */
    private static double[][] packColumns(double[] b, int bCols, boolean transB, int k, int n) {
        double[][] columns = new double[n][k];
        for (int j = 0; j < n; j++) {
            if (transB) {
                System.arraycopy(b, j * bCols, columns[j], 0, k);
            } else {
                for (int q = 0; q < k; q++) {
                    columns[j][q] = b[q * bCols + j];
                }
            }
        }
        return columns;
    }

    /** {@code result[jb][q]} is row {@code q} of {@code op(B)} restricted to columns {@code [jb*NC, jb*NC + NC)}. */
    private static double[][][] packB(double[] b, int bCols, boolean transB, int k, int n) {
        int blocks = (n + NC - 1) / NC;
        double[][][] packed = new double[blocks][k][];
        for (int jb = 0; jb < blocks; jb++) {
            int j0 = jb * NC;
            int nc = Math.min(NC, n - j0);
            double[][] block = packed[jb];
            for (int q = 0; q < k; q++) {
                block[q] = new double[nc];
            }
            if (transB) {
                // op(B)[q][j] = B[j][q]: read B row by row, scatter down the packed rows
                for (int j = 0; j < nc; j++) {
                    int src = (j0 + j) * bCols;
                    for (int q = 0; q < k; q++) {
                        block[q][j] = b[src + q];
                    }
                }
            } else {
                for (int q = 0; q < k; q++) {
                    System.arraycopy(b, q * bCols + j0, block[q], 0, nc);
                }
            }
        }
        return packed;
    }

    /** One product; op(A)[i][q] = a[i * rowStride + q * depthStride]. */
    private static final class Product {
        final double[] a;
        final int rowStride;
        final int depthStride;
        final double[][][] packedB;
        final double[][] columns;
        final double[] c;
        final int m;
        final int k;
        final int n;

        Product(double[] a, int rowStride, int depthStride, double[][][] packedB, double[][] columns,
                double[] c, int m, int k, int n) {
            this.a = a;
            this.rowStride = rowStride;
            this.depthStride = depthStride;
            this.packedB = packedB;
            this.columns = columns;
            this.c = c;
            this.m = m;
            this.k = k;
            this.n = n;
        }

        /** Computes rows {@code [blk*MC, blk*MC + MC)} of C using the three row buffers {@code acc}. */
        void rowBlock(int blk, double[][] acc) {
            int i0 = blk * MC;
            int i1 = Math.min(m, i0 + MC);
            if (columns != null) {
                narrowRows(i0, i1);
                return;
            }
            for (int jb = 0; jb < packedB.length; jb++) {
                double[][] block = packedB[jb];
                int j0 = jb * NC;
                int nc = block[0].length;
                for (int kk = 0; kk < k; kk += KC) {
                    int k1 = Math.min(k, kk + KC);
                    int i = i0;
                    for (; i + 3 <= i1; i += 3) {
                        load(acc, 3, i, j0, nc, kk == 0);
                        threeRows(acc[0], acc[1], acc[2], block, i, kk, k1, nc);
                        store(acc, 3, i, j0, nc);
                    }
                    if (i + 2 <= i1) {
                        load(acc, 2, i, j0, nc, kk == 0);
                        twoRows(acc[0], acc[1], block, i, kk, k1, nc);
                        store(acc, 2, i, j0, nc);
                        i += 2;
                    }
                    for (; i < i1; i++) {
                        load(acc, 1, i, j0, nc, kk == 0);
                        oneRow(acc[0], block, i, kk, k1, nc);
                        store(acc, 1, i, j0, nc);
                    }
                }
            }
        }

        /**
         * Rows {@code [i0, i1)} of a product with fewer than {@link #NARROW} columns, where the row-buffer
         * kernel's inner loop would be too short to vectorise: dot products of op(A) rows with packed op(B)
         * columns, four rows at a time (four independent sums hide the add latency), same summation order.
         */
        private void narrowRows(int i0, int i1) {
            int rs = rowStride;
            int ds = depthStride;
            int i = i0;
            for (; i + 4 <= i1; i += 4) {
                for (int j = 0; j < n; j++) {
                    double[] col = columns[j];
                    double s0 = 0;
                    double s1 = 0;
                    double s2 = 0;
                    double s3 = 0;
                    for (int q = 0, p = i * rs; q < k; q++, p += ds) {
                        double v = col[q];
                        s0 += a[p] * v;
                        s1 += a[p + rs] * v;
                        s2 += a[p + 2 * rs] * v;
                        s3 += a[p + 3 * rs] * v;
                    }
                    c[i * n + j] = s0;
                    c[(i + 1) * n + j] = s1;
                    c[(i + 2) * n + j] = s2;
                    c[(i + 3) * n + j] = s3;
                }
            }
            for (; i < i1; i++) {
                for (int j = 0; j < n; j++) {
                    double[] col = columns[j];
                    double s0 = 0;
                    for (int q = 0, p = i * rs; q < k; q++, p += ds) {
                        s0 += a[p] * col[q];
                    }
                    c[i * n + j] = s0;
                }
            }
        }

        private void load(double[][] acc, int rows, int i, int j0, int nc, boolean fresh) {
            for (int r = 0; r < rows; r++) {
                if (fresh) {
                    java.util.Arrays.fill(acc[r], 0, nc, 0.0);
                } else {
                    System.arraycopy(c, (i + r) * n + j0, acc[r], 0, nc);
                }
            }
        }

        private void store(double[][] acc, int rows, int i, int j0, int nc) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(acc[r], 0, c, (i + r) * n + j0, nc);
            }
        }

        /**
         * c_r[j] += op(A)[i+r][q] * B_q[j] for r < 3, q in [kk, k1), j < nc: the vectorised kernel. Three rows
         * by two depth steps per pass: each row-buffer load and store serves two multiply-adds, one load of a
         * B row serves three, and the loop body stays small enough for C2 to unroll and vectorise it under its
         * default LoopUnrollLimit. Measured here: 3 x 2 about 28 GFLOP/s in L1/L2, 2 x 2 about 23, 4 x 1 about 12,
         * while 4 x 2 and 3 x 3 exceed the limit, stay scalar and fall to 6-8.
         */
        private void threeRows(double[] c0, double[] c1, double[] c2, double[][] block, int i, int kk, int k1, int nc) {
            int rs = rowStride;
            int ds = depthStride;
            int q = kk;
            for (; q + 2 <= k1; q += 2) {
                int p = i * rs + q * ds;
                double x0 = a[p];
                double x1 = a[p + rs];
                double x2 = a[p + 2 * rs];
                double y0 = a[p + ds];
                double y1 = a[p + ds + rs];
                double y2 = a[p + ds + 2 * rs];
                double[] bq = block[q];
                double[] br = block[q + 1];
                for (int j = 0; j < nc; j++) {
                    double v = bq[j];
                    double w = br[j];
                    // the parentheses keep the textbook order (c + a_q b_q) + a_{q+1} b_{q+1}
                    c0[j] = (c0[j] + x0 * v) + y0 * w;
                    c1[j] = (c1[j] + x1 * v) + y1 * w;
                    c2[j] = (c2[j] + x2 * v) + y2 * w;
                }
            }
            if (q < k1) {
                int p = i * rs + q * ds;
                double x0 = a[p];
                double x1 = a[p + rs];
                double x2 = a[p + 2 * rs];
                double[] bq = block[q];
                for (int j = 0; j < nc; j++) {
                    double v = bq[j];
                    c0[j] += x0 * v;
                    c1[j] += x1 * v;
                    c2[j] += x2 * v;
                }
            }
        }

        /** The two-row remainder of {@link #threeRows}. */
        private void twoRows(double[] c0, double[] c1, double[][] block, int i, int kk, int k1, int nc) {
            int rs = rowStride;
            int ds = depthStride;
            int q = kk;
            for (; q + 2 <= k1; q += 2) {
                int p = i * rs + q * ds;
                double x0 = a[p];
                double x1 = a[p + rs];
                double y0 = a[p + ds];
                double y1 = a[p + ds + rs];
                double[] bq = block[q];
                double[] br = block[q + 1];
                for (int j = 0; j < nc; j++) {
                    double v = bq[j];
                    double w = br[j];
                    // the parentheses keep the textbook order (c + a_q b_q) + a_{q+1} b_{q+1}
                    c0[j] = (c0[j] + x0 * v) + y0 * w;
                    c1[j] = (c1[j] + x1 * v) + y1 * w;
                }
            }
            if (q < k1) {
                int p = i * rs + q * ds;
                double x0 = a[p];
                double x1 = a[p + rs];
                double[] bq = block[q];
                for (int j = 0; j < nc; j++) {
                    double v = bq[j];
                    c0[j] += x0 * v;
                    c1[j] += x1 * v;
                }
            }
        }

        /** The one-row remainder of {@link #threeRows}. */
        private void oneRow(double[] c0, double[][] block, int i, int kk, int k1, int nc) {
            int base = i * rowStride;
            int ds = depthStride;
            int q = kk;
            for (; q + 2 <= k1; q += 2) {
                double x0 = a[base + q * ds];
                double y0 = a[base + (q + 1) * ds];
                double[] bq = block[q];
                double[] br = block[q + 1];
                for (int j = 0; j < nc; j++) {
                    c0[j] = (c0[j] + x0 * bq[j]) + y0 * br[j];
                }
            }
            if (q < k1) {
                double x0 = a[base + q * ds];
                double[] bq = block[q];
                for (int j = 0; j < nc; j++) {
                    c0[j] += x0 * bq[j];
                }
            }
        }
    }
}
