package org.daetransport.api;

import java.util.SplittableRandom;

/** Backend-independent seeded standard normal samples (polar Box-Muller on SplittableRandom). */
public final class SeededNormal {

    private SeededNormal() {
    }

    public static double[] samples(int n, long seed) {
        return fill(new double[n], new SplittableRandom(seed));
    }

    /** Fills {@code out} with standard normal samples drawn from {@code random} (modifies both). */
    public static double[] fill(double[] out, SplittableRandom random) {
        int i = 0;
        while (i < out.length) {
            double u;
            double v;
            double s;
            do {
                u = 2 * random.nextDouble() - 1;
                v = 2 * random.nextDouble() - 1;
                s = u * u + v * v;
            } while (s >= 1 || s == 0);
            double f = Math.sqrt(-2 * Math.log(s) / s);
            out[i++] = u * f;
            if (i < out.length) {
                out[i++] = v * f;
            }
        }
        return out;
    }
}
