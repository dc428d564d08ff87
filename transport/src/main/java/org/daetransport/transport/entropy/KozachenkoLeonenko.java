package org.daetransport.transport.entropy;

import java.util.stream.IntStream;
import org.daetransport.api.Tensor;
import org.daetransport.transport.ot.Clouds;
import org.hipparchus.special.Gamma;

/**
 * The Kozachenko-Leonenko k-nearest-neighbour estimator of differential entropy (nats):
 * {@code H = psi(N) - psi(k) + log V_d + (d/N) sum_i log r_i}, where {@code r_i} is the distance
 * from point i to its k-th nearest other point and {@code V_d = pi^(d/2) / Gamma(d/2 + 1)} the
 * volume of the unit ball. Neighbours are exact (a k-d tree), queries run in parallel on the
 * common pool.
 */
public final class KozachenkoLeonenko implements EntropyEstimator {

    public static final String NAME = "kl";
    public static final int DEFAULT_K = 5;
    private static final int QUERIES_PER_TASK = 1024;

    private final int k;

    /** k = 5. */
    public KozachenkoLeonenko() {
        this(DEFAULT_K);
    }

    /** Uses the distance to the {@code k}-th nearest neighbour, {@code k >= 1}. */
    public KozachenkoLeonenko(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        this.k = k;
    }

    public int k() {
        return k;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Modifies nothing.
     *
     * @throws IllegalArgumentException for fewer than k + 1 points, non-finite entries, or a point
     *                                  with at least k exact duplicates (its k-th distance is zero)
     */
    @Override
    public double entropy(Tensor points) {
        double[] flat = Clouds.flatten(points, "points");
        int n = points.rows();
        int d = points.cols();
        if (n <= k) {
            throw new IllegalArgumentException("the " + NAME + " estimator with k = " + k + " needs at least "
                    + (k + 1) + " points, got " + n);
        }
        KdTree tree = new KdTree(flat, d);
        int tasks = (n + QUERIES_PER_TASK - 1) / QUERIES_PER_TASK;
        double[] partial = new double[tasks];
        IntStream.range(0, tasks).parallel().forEach(t -> {
            double[] heap = new double[k];
            double sum = 0;
            // consecutive tree positions are spatially close: queries reuse the cached tree parts
            for (int p = t * QUERIES_PER_TASK, end = Math.min(n, p + QUERIES_PER_TASK); p < end; p++) {
                double r2 = tree.kthNeighbourSquared(p, k, heap);
                if (r2 == 0) {
                    throw new DegenerateCloudException("points: row " + tree.row(p) + " has at least " + k
                            + " exact duplicates, so its distance to the k-th neighbour is zero and the "
                            + NAME + " entropy is -infinity; remove duplicate points or increase k");
                }
                sum += 0.5 * Math.log(r2);
            }
            partial[t] = sum;
        });
        double sumLog = 0;
        for (double s : partial) {
            sumLog += s;
        }
        return Gamma.digamma(n) - Gamma.digamma(k) + logUnitBallVolume(d) + d * sumLog / n;
    }

    /** log V_d = (d/2) log pi - log Gamma(d/2 + 1). */
    static double logUnitBallVolume(int d) {
        return 0.5 * d * Math.log(Math.PI) - Gamma.logGamma(0.5 * d + 1);
    }
}
