package org.daetransport.transport.ot;

import java.util.Arrays;
import org.daetransport.api.Tensor;

/**
 * The exact W2 distance between two empirical measures with uniform weights {@code 1/n} and
 * {@code 1/m} (any sizes): the optimal transport linear program on the squared Euclidean cost,
 * solved by a network simplex on integer-scaled masses; in one dimension the sorted (quantile)
 * formula, which is exact and {@code O(n log n)}.
 *
 * <p>The LP needs the {@code n x m} cost matrix (8 n m bytes: 32 MB at 2000 x 2000); for much
 * larger clouds use {@link SinkhornW2} or {@link SlicedW2}. {@code iterations} in the result is the
 * number of simplex pivots (null in one dimension); {@code converged} is always true.
 */
public final class ExactW2 implements W2Distance {

    public static final String METHOD = "exact";

    @Override
    public String method() {
        return METHOD;
    }

    /** Modifies nothing. */
    @Override
    public W2Result distance(Tensor a, Tensor b) {
        double[] x = Clouds.flatten(a, "a");
        double[] y = Clouds.flatten(b, "b");
        Clouds.requireSameDimension(a, b);
        int d = a.cols();
        if (d == 1) {
            return W2Result.direct(oneDimensional(x, y), METHOD);
        }
        long costBytes = 8L * a.rows() * b.rows();
        if (costBytes > Runtime.getRuntime().maxMemory() / 2) {
            throw new IllegalArgumentException(String.format("exact W2 between %d and %d points needs a %.1f MB cost matrix,"
                    + " more than half the heap; use the sinkhorn or sliced method", a.rows(), b.rows(), costBytes / 1e6));
        }
        NetworkSimplex simplex = new NetworkSimplex(squaredDistances(x, a.rows(), y, b.rows(), d), a.rows(), b.rows());
        double w2sq = simplex.solve();
        return new W2Result(Math.sqrt(Math.max(0, w2sq)), METHOD, (int) Math.min(Integer.MAX_VALUE, simplex.pivots()), true);
    }

    /**
     * The exact W2 distance between two one-dimensional samples of any sizes with uniform weights:
     * {@code (∫_0^1 |F^-1(t) - G^-1(t)|^2 dt)^1/2} with the empirical quantile functions (modifies nothing).
     *
     * @throws IllegalArgumentException if a sample is empty or has a non-finite value
     */
    public static double oneDimensional(double[] a, double[] b) {
        requireSample(a, "a");
        requireSample(b, "b");
        double[] sa = a.clone();
        double[] sb = b.clone();
        Arrays.sort(sa);
        Arrays.sort(sb);
        return Math.sqrt(squaredSorted(sa, sb));
    }

    /**
     * W2 squared between two sorted samples: the quantile functions are step functions that change
     * at {@code i/n} and {@code j/m}; positions are kept as integers scaled by {@code n m}.
     */
    static double squaredSorted(double[] sa, double[] sb) {
        int n = sa.length;
        int m = sb.length;
        long pos = 0;
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            long endA = (long) (i + 1) * m;
            long endB = (long) (j + 1) * n;
            long next = Math.min(endA, endB);
            double diff = sa[i] - sb[j];
            sum += (next - pos) * diff * diff;
            pos = next;
            if (endA == next) {
                i++;
            }
            if (endB == next) {
                j++;
            }
        }
        return sum / ((double) n * m);
    }

    /** Row-major {@code n x m} squared Euclidean distances between flat clouds of dimension d. */
    static double[] squaredDistances(double[] x, int n, double[] y, int m, int d) {
        double[] c = new double[n * m];
        for (int i = 0; i < n; i++) {
            int base = i * m;
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    double diff = x[i * d + k] - y[j * d + k];
                    s += diff * diff;
                }
                c[base + j] = s;
            }
        }
        return c;
    }

    private static void requireSample(double[] s, String name) {
        if (s == null || s.length == 0) {
            throw new IllegalArgumentException(name + ": sample is empty");
        }
        for (int i = 0; i < s.length; i++) {
            if (!Double.isFinite(s[i])) {
                throw new IllegalArgumentException(name + ": row " + i + " is " + s[i] + " (NaN and infinity are not allowed)");
            }
        }
    }
}
