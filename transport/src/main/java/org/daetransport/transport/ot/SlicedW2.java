package org.daetransport.transport.ot;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.daetransport.api.SeededNormal;
import org.daetransport.api.Tensor;

/**
 * The sliced W2 distance {@code SW2 = (E_theta W2^2(theta#a, theta#b))^1/2}, the expectation over
 * directions {@code theta} uniform on the unit sphere estimated with seeded random directions; each
 * one-dimensional W2 is exact (quantile formula, any sizes).
 *
 * <p>This is <em>not</em> W2: it is a different metric, with {@code SW2 <= W2} and, for two laws that
 * differ by a shift {@code v}, {@code SW2^2 = |v|^2 / d} (the factor {@code E theta_1^2 = 1/d}), so
 * it underestimates W2 by up to a dimension factor. It is cheap ({@code O(P (n + m) log(n + m))}
 * for {@code P} projections) and needs no cost matrix.
 */
public final class SlicedW2 implements W2Distance {

    public static final String METHOD = "sliced";
    public static final int DEFAULT_PROJECTIONS = 200;
    public static final long DEFAULT_SEED = 20240601L;

    private final int projections;
    private final long seed;

    /** 200 projections, fixed seed. */
    public SlicedW2() {
        this(DEFAULT_PROJECTIONS, DEFAULT_SEED);
    }

    /** {@code projections} random directions drawn from {@code seed} (same seed, same directions). */
    public SlicedW2(int projections, long seed) {
        if (projections < 1) {
            throw new IllegalArgumentException("projections must be at least 1, got " + projections);
        }
        this.projections = projections;
        this.seed = seed;
    }

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
        int n = a.rows();
        int m = b.rows();
        double[][] directions = directions(d);
        double[] squared = new double[projections];
        IntStream.range(0, projections).parallel().forEach(p -> {
            double[] px = project(x, n, d, directions[p]);
            double[] py = project(y, m, d, directions[p]);
            Arrays.sort(px);
            Arrays.sort(py);
            squared[p] = ExactW2.squaredSorted(px, py);
        });
        double sum = 0;
        for (double s : squared) {
            sum += s;
        }
        return W2Result.direct(Math.sqrt(sum / projections), METHOD);
    }

    /** Unit vectors uniform on the sphere: normalised standard normal vectors, drawn in order. */
    private double[][] directions(int d) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] out = new double[projections][];
        for (int p = 0; p < projections; p++) {
            double[] v;
            double norm;
            do {
                v = SeededNormal.fill(new double[d], random);
                norm = 0;
                for (double c : v) {
                    norm += c * c;
                }
            } while (norm == 0);
            double inv = 1 / Math.sqrt(norm);
            for (int k = 0; k < d; k++) {
                v[k] *= inv;
            }
            out[p] = v;
        }
        return out;
    }

    private static double[] project(double[] flat, int rows, int d, double[] direction) {
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int k = 0; k < d; k++) {
                s += flat[i * d + k] * direction[k];
            }
            out[i] = s;
        }
        return out;
    }
}
