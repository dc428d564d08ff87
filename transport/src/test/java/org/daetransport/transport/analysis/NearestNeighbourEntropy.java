package org.daetransport.transport.analysis;

import org.daetransport.api.Tensor;
import org.daetransport.transport.entropy.EntropyEstimator;

/**
 * Test-local Kozachenko-Leonenko entropy (k = 1):
 * {@code H = psi(N) - psi(1) + log V_d + (d/N) sum_i log r_i}, {@code r_i} the distance to the
 * nearest <em>distinct</em> point (so duplicated rows stay finite). O(N^2 d), for small clouds.
 */
public final class NearestNeighbourEntropy implements EntropyEstimator {

    private static final double EULER_GAMMA = 0.5772156649015329;

    @Override
    public String name() {
        return "kl-test";
    }

    @Override
    public double entropy(Tensor points) {
        int n = points.rows();
        int d = points.cols();
        double[] x = points.toArray();
        double sumLog = 0;
        for (int i = 0; i < n; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int c = 0; c < d; c++) {
                    double diff = x[i * d + c] - x[j * d + c];
                    s += diff * diff;
                }
                if (s > 0 && s < best) {
                    best = s;
                }
            }
            sumLog += 0.5 * Math.log(best);
        }
        double psiN = harmonic(n - 1) - EULER_GAMMA;
        double psi1 = -EULER_GAMMA;
        double logVolume = 0.5 * d * Math.log(Math.PI) - logGammaHalfInteger(d + 2);
        return psiN - psi1 + logVolume + d * sumLog / n;
    }

    private static double harmonic(int m) {
        double s = 0;
        for (int k = 1; k <= m; k++) {
            s += 1.0 / k;
        }
        return s;
    }

    /** {@code log Gamma(m/2)} for a positive integer m, by the recurrence from Gamma(1) and Gamma(1/2). */
    private static double logGammaHalfInteger(int m) {
        double value = m % 2 == 0 ? 0.0 : 0.5 * Math.log(Math.PI);
        for (double z = m % 2 == 0 ? 1.0 : 0.5; z < m / 2.0 - 1e-9; z += 1.0) {
            value += Math.log(z);
        }
        return value;
    }
}
