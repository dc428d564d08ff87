package org.daetransport.transport.neural;

import org.daetransport.api.Backend;
import org.daetransport.api.SeededNormal;
import org.daetransport.api.Tensor;

import java.util.SplittableRandom;

/**
 * Seeded 2-D toy samples (rows are points). All randomness is drawn in Java from one
 * {@link SplittableRandom} per call, so a seed gives the same sample on every backend.
 */
public final class ToyData {

    private ToyData() {
    }

    /**
     * Two interleaved half circles: half the points on {@code (cos a, sin a)}, the others on
     * {@code (1 - cos a, 1/2 - sin a)}, {@code a} uniform on {@code [0, pi]}, plus isotropic
     * Gaussian noise of standard deviation {@code noise}.
     */
    public static Tensor twoMoons(Backend backend, int n, double noise, long seed) {
        check(n, noise);
        SplittableRandom random = new SplittableRandom(seed);
        double[] p = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double a = Math.PI * random.nextDouble();
            if (i % 2 == 0) {
                p[2 * i] = Math.cos(a);
                p[2 * i + 1] = Math.sin(a);
            } else {
                p[2 * i] = 1 - Math.cos(a);
                p[2 * i + 1] = 0.5 - Math.sin(a);
            }
        }
        return withNoise(backend, p, n, noise, random);
    }

    /**
     * A 2-D Swiss roll: {@code a = 1.5 pi (1 + 2u)}, {@code u} uniform, point {@code (a cos a, a sin a) / 10}
     * (so it fits in about [-1.5, 1.5]^2), plus isotropic Gaussian noise of standard deviation {@code noise}.
     */
    public static Tensor swissRoll2d(Backend backend, int n, double noise, long seed) {
        check(n, noise);
        SplittableRandom random = new SplittableRandom(seed);
        double[] p = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double a = 1.5 * Math.PI * (1 + 2 * random.nextDouble());
            p[2 * i] = a * Math.cos(a) / 10;
            p[2 * i + 1] = a * Math.sin(a) / 10;
        }
        return withNoise(backend, p, n, noise, random);
    }

    /**
     * Concentric circles of radii {@code 1, 2, ..., rings} around the origin, point {@code i} on ring
     * {@code i mod rings} at a uniform angle, plus isotropic Gaussian noise of standard deviation {@code noise}.
     */
    public static Tensor rings(Backend backend, int n, int rings, double noise, long seed) {
        check(n, noise);
        if (rings < 1) {
            throw new IllegalArgumentException("need at least one ring, got " + rings);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] p = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double r = 1 + i % rings;
            double a = 2 * Math.PI * random.nextDouble();
            p[2 * i] = r * Math.cos(a);
            p[2 * i + 1] = r * Math.sin(a);
        }
        return withNoise(backend, p, n, noise, random);
    }

    private static void check(int n, double noise) {
        if (n < 1) {
            throw new IllegalArgumentException("sample size must be at least 1, got " + n);
        }
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("noise standard deviation must be non-negative and finite, got " + noise);
        }
    }

    private static Tensor withNoise(Backend backend, double[] p, int n, double noise, SplittableRandom random) {
        double[] z = SeededNormal.fill(new double[p.length], random);
        for (int i = 0; i < p.length; i++) {
            p[i] += noise * z[i];
        }
        return backend.create().fromArray(p, n, 2);
    }
}
