package org.daetransport.backend.ejml;

import java.util.stream.IntStream;

/**
 * Pure-Java float64 matrix product {@code C = op(A) op(B)} on row-major arrays, for all four transpose
 * combinations.
 *
 * <p>Design (GotoBLAS-like, scalar): {@code op(B)} is packed once into column panels {@code KC x 4},
 * contiguous per depth block; each task packs a block of {@code MC} rows of {@code op(A)} into row panels
 * {@code KC x 4}; a 4 x 4 register tile of {@code C} is accumulated in sixteen local variables over one
 * depth block (the packed A panel stays in L1, the B block in L2). Transposes are absorbed by the packing,
 * so every combination runs the same kernel.
 *
 * <p>Determinism: every entry {@code C[i][j]} is summed over {@code k} in increasing order inside each depth
 * block of {@link #KC} (a constant), and the block sums are added to {@code C} in increasing block order.
 * The order depends only on the shape, never on the thread count or on which thread computes a row block,
 * so the serial and parallel paths return bit-identical results.
 */
final class DenseGemm {

    /** Depth block: a packed 4 x KC panel of A is 8 KiB (L1), a KC x 4 panel of B likewise. */
    static final int KC = 256;
    /** Rows of C per task: the packed MC x KC block of A is 128 KiB (L2). */
    static final int MC = 64;
    /** Register tile: MR rows by NR columns of C. */
    private static final int MR = 4;
    private static final int NR = 4;
    /**
     * Products with at least this many multiply-adds run their row blocks on the common ForkJoinPool.
     * Below it the fork/join overhead and the shared packed B outweigh the gain (measured on 2 cores:
     * a 128 x 128 x 128 product, 2M multiply-adds, gains nothing; 256^3 gains about 1.6x).
     */
    static final long PARALLEL_MULTIPLY_ADDS = 1L << 22;

    private DenseGemm() {
    }

    /**
     * Computes {@code op(A) op(B)} into a new row-major array.
     *
     * @param a        row-major {@code aRows x aCols} (not modified)
     * @param transA   whether {@code op(A) = A^T}
     * @param b        row-major {@code bRows x bCols} (not modified)
     * @param transB   whether {@code op(B) = B^T}
     * @param parallel whether row blocks may run on the common ForkJoinPool (the result does not depend on it)
     * @return {@code C}, row-major {@code m x n} with {@code m} the rows of {@code op(A)}, {@code n} the columns of {@code op(B)}
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
        int nPad = roundUp(n, NR);
        double[] packedB = packB(b, bCols, transB, k, n, nPad);
        int blocks = (m + MC - 1) / MC;
        Operands op = new Operands(a, aCols, transA, packedB, c, m, k, n, nPad);
        if (parallel && blocks > 1) {
            IntStream.range(0, blocks).parallel().forEach(op::rowBlock);
        } else {
            double[] packedA = new double[Math.min(KC, k) * roundUp(Math.min(MC, m), MR)];
            for (int blk = 0; blk < blocks; blk++) {
                op.rowBlock(blk, packedA);
            }
        }
        return c;
    }

    /** Whether a product of this size is worth splitting across threads. */
    static boolean worthParallel(int m, int k, int n) {
        return (long) m * k * n >= PARALLEL_MULTIPLY_ADDS && m > MC;
    }

    private static int roundUp(int v, int to) {
        return (v + to - 1) / to * to;
    }

    /**
     * Packs {@code op(B)} ({@code k x n}) so that depth block {@code kk} starts at {@code kk * nPad} and within
     * it column panel {@code j / NR} is a contiguous {@code kc x NR} row-major slab; padding columns are zero.
     */
    private static double[] packB(double[] b, int bCols, boolean transB, int k, int n, int nPad) {
        double[] p = new double[k * nPad];
        for (int kk = 0; kk < k; kk += KC) {
            int kc = Math.min(KC, k - kk);
            int base = kk * nPad;
            for (int j = 0; j < n; j += NR) {
                int w = Math.min(NR, n - j);
                int panel = base + j * kc;
                for (int q = 0; q < kc; q++) {
                    int dst = panel + q * NR;
                    int row = kk + q;
                    if (transB) {
                        // op(B)[row][j + s] = B[j + s][row]
                        for (int s = 0; s < w; s++) {
                            p[dst + s] = b[(j + s) * bCols + row];
                        }
                    } else {
                        System.arraycopy(b, row * bCols + j, p, dst, w);
                    }
                }
            }
        }
        return p;
    }

    /** The operands of one product; {@link #rowBlock} computes the rows {@code [blk*MC, blk*MC+MC)} of C. */
    private static final class Operands {
        final double[] a;
        final int aCols;
        final boolean transA;
        final double[] packedB;
        final double[] c;
        final int m;
        final int k;
        final int n;
        final int nPad;

        Operands(double[] a, int aCols, boolean transA, double[] packedB, double[] c, int m, int k, int n, int nPad) {
            this.a = a;
            this.aCols = aCols;
            this.transA = transA;
            this.packedB = packedB;
            this.c = c;
            this.m = m;
            this.k = k;
            this.n = n;
            this.nPad = nPad;
        }

        void rowBlock(int blk) {
            rowBlock(blk, new double[Math.min(KC, k) * roundUp(Math.min(MC, m), MR)]);
        }

        void rowBlock(int blk, double[] packedA) {
            int i0 = blk * MC;
            int mc = Math.min(MC, m - i0);
            for (int kk = 0; kk < k; kk += KC) {
                int kc = Math.min(KC, k - kk);
                packA(i0, mc, kk, kc, packedA);
                boolean accumulate = kk > 0;
                int bBase = kk * nPad;
                for (int j = 0; j < n; j += NR) {
                    int pb = bBase + j * kc;
                    for (int i = 0; i < mc; i += MR) {
                        kernel(packedA, i * kc, packedB, pb, kc, i0 + i, j, accumulate);
                    }
                }
            }
        }

        /** Packs rows {@code [i0, i0+mc)} and depths {@code [kk, kk+kc)} of op(A) into 4-row panels, zero padded. */
        private void packA(int i0, int mc, int kk, int kc, double[] p) {
            for (int i = 0; i < mc; i += MR) {
                int h = Math.min(MR, mc - i);
                int panel = i * kc;
                for (int r = 0; r < h; r++) {
                    int row = i0 + i + r;
                    if (!transA) {
                        for (int q = 0, src = row * aCols + kk; q < kc; q++, src++) {
                            p[panel + q * MR + r] = a[src];
                        }
                    }
                }
                if (transA) {
                    // op(A)[row][kk + q] = A[kk + q][row]: the h rows of a panel are contiguous in A's row kk + q
                    for (int q = 0; q < kc; q++) {
                        System.arraycopy(a, (kk + q) * aCols + i0 + i, p, panel + q * MR, h);
                    }
                }
                for (int r = h; r < MR; r++) {
                    for (int q = 0; q < kc; q++) {
                        p[panel + q * MR + r] = 0.0;
                    }
                }
            }
        }

        /** C[row..row+3][col..col+3] (=|+=) the product of a 4 x kc panel of A and a kc x 4 panel of B. */
        private void kernel(double[] ap, int pa, double[] bp, int pb, int kc, int row, int col, boolean accumulate) {
            double c00 = 0, c01 = 0, c02 = 0, c03 = 0;
            double c10 = 0, c11 = 0, c12 = 0, c13 = 0;
            double c20 = 0, c21 = 0, c22 = 0, c23 = 0;
            double c30 = 0, c31 = 0, c32 = 0, c33 = 0;
            for (int q = 0; q < kc; q++, pa += MR, pb += NR) {
                double b0 = bp[pb], b1 = bp[pb + 1], b2 = bp[pb + 2], b3 = bp[pb + 3];
                double x = ap[pa];
                c00 += x * b0; c01 += x * b1; c02 += x * b2; c03 += x * b3;
                x = ap[pa + 1];
                c10 += x * b0; c11 += x * b1; c12 += x * b2; c13 += x * b3;
                x = ap[pa + 2];
                c20 += x * b0; c21 += x * b1; c22 += x * b2; c23 += x * b3;
                x = ap[pa + 3];
                c30 += x * b0; c31 += x * b1; c32 += x * b2; c33 += x * b3;
            }
            if (row + MR <= m && col + NR <= n) {
                int o = row * n + col;
                store(o, c00, c01, c02, c03, accumulate);
                store(o + n, c10, c11, c12, c13, accumulate);
                store(o + 2 * n, c20, c21, c22, c23, accumulate);
                store(o + 3 * n, c30, c31, c32, c33, accumulate);
            } else {
                double[] tile = {c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33};
                int h = Math.min(MR, m - row);
                int w = Math.min(NR, n - col);
                for (int r = 0; r < h; r++) {
                    int o = (row + r) * n + col;
                    for (int s = 0; s < w; s++) {
                        c[o + s] = accumulate ? c[o + s] + tile[r * NR + s] : tile[r * NR + s];
                    }
                }
            }
        }

        private void store(int o, double v0, double v1, double v2, double v3, boolean accumulate) {
            if (accumulate) {
                c[o] += v0;
                c[o + 1] += v1;
                c[o + 2] += v2;
                c[o + 3] += v3;
            } else {
                c[o] = v0;
                c[o + 1] = v1;
                c[o + 2] = v2;
                c[o + 3] = v3;
            }
        }
    }
}
