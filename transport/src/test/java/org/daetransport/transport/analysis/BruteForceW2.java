package org.daetransport.transport.analysis;

import org.daetransport.api.Tensor;
import org.daetransport.transport.ot.W2Distance;
import org.daetransport.transport.ot.W2Result;

/**
 * Test-local exact W2 between two equal-size tiny clouds with uniform weights: the optimal
 * coupling of two uniform N-point measures is a permutation (Birkhoff), so minimise over all N!.
 */
public final class BruteForceW2 implements W2Distance {

    @Override
    public String method() {
        return "brute-force";
    }

    @Override
    public W2Result distance(Tensor a, Tensor b) {
        if (a.rows() != b.rows() || a.cols() != b.cols() || a.rows() > 8) {
            throw new IllegalArgumentException("brute force needs equal tiny clouds");
        }
        int n = a.rows();
        double[][] cost = new double[n][n];
        double[][] x = a.toRows();
        double[][] y = b.toRows();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int c = 0; c < x[i].length; c++) {
                    s += (x[i][c] - y[j][c]) * (x[i][c] - y[j][c]);
                }
                cost[i][j] = s;
            }
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        double best = best(cost, perm, 0);
        return W2Result.direct(Math.sqrt(best / n), method());
    }

    private static double best(double[][] cost, int[] perm, int k) {
        if (k == perm.length) {
            double s = 0;
            for (int i = 0; i < perm.length; i++) {
                s += cost[i][perm[i]];
            }
            return s;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = k; i < perm.length; i++) {
            swap(perm, k, i);
            best = Math.min(best, best(cost, perm, k + 1));
            swap(perm, k, i);
        }
        return best;
    }

    private static void swap(int[] p, int i, int j) {
        int t = p[i];
        p[i] = p[j];
        p[j] = t;
    }
}
