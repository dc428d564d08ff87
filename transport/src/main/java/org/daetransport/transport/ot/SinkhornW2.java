package org.daetransport.transport.ot;

import java.util.stream.IntStream;
import org.daetransport.api.Tensor;
import org.daetransport.transport.law.SampleMoments;

/**
 * Entropic optimal transport by log-domain Sinkhorn iterations with epsilon-scaling, on the
 * squared Euclidean cost with uniform weights; returns {@code sqrt(<P, C>)} for the entropic plan
 * {@code P}, which tends to the exact W2 as epsilon tends to zero (from above, up to the marginal
 * error).
 *
 * <p>Epsilon starts at the mean cost and is halved until it reaches the target (default
 * {@code 0.01 mean(C)}); at the target the iterations stop once the L1 error of the row marginals
 * (total mass 1) is below the tolerance (default {@code 1e-6}, the L1 error of the row marginals), or after the maximum number of
 * iterations, in which case the result says {@code converged = false}. Every update is a
 * log-sum-exp, so tiny epsilons give no overflow and no NaN. Costs are recomputed on the fly from
 * the points: memory is {@code O(n + m)}; rows are processed in parallel on the common pool.
 */
public final class SinkhornW2 implements W2Distance {

    public static final String METHOD = "sinkhorn";
    public static final double DEFAULT_RELATIVE_EPSILON = 0.01;
    public static final double DEFAULT_TOLERANCE = 1e-6;
    public static final int DEFAULT_MAX_ITERATIONS = 10_000;
    /** Intermediate epsilons only warm-start the next one: a loose marginal error suffices. */
    private static final double STAGE_TOLERANCE = 1e-3;
    private static final int ROWS_PER_TASK = 64;

    private final double epsilon; // absolute; NaN means DEFAULT_RELATIVE_EPSILON * mean(C)
    private final double tolerance;
    private final int maxIterations;

    /** Target epsilon {@code 0.01 mean(C)}, tolerance {@code 1e-6}, at most 10000 iterations. */
    public SinkhornW2() {
        this(Double.NaN, DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
    }

    private SinkhornW2(double epsilon, double tolerance, int maxIterations) {
        this.epsilon = epsilon;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /** Sinkhorn with the absolute target regularisation {@code epsilon} (in units of the squared distance). */
    public static SinkhornW2 withEpsilon(double epsilon) {
        if (!(epsilon > 0) || !Double.isFinite(epsilon) || Double.isInfinite(1 / epsilon)) {
            throw new IllegalArgumentException("epsilon must be positive and finite, got " + epsilon);
        }
        return new SinkhornW2(epsilon, DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
    }

    /** A copy that stops when the L1 marginal error is below {@code tolerance}. */
    public SinkhornW2 withTolerance(double tolerance) {
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be positive and finite, got " + tolerance);
        }
        return new SinkhornW2(epsilon, tolerance, maxIterations);
    }

    /** A copy that gives up (with {@code converged = false}) after {@code maxIterations} iterations in all. */
    public SinkhornW2 withMaxIterations(int maxIterations) {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        }
        return new SinkhornW2(epsilon, tolerance, maxIterations);
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
        return new Solver(x, a.rows(), y, b.rows(), a.cols()).run();
    }

    /** The mean of |x_i - y_j|^2 over all pairs: mean|x|^2 + mean|y|^2 - 2 mean(x).mean(y), in O(n + m). */
    static double meanCost(double[] x, int n, double[] y, int m, int d) {
        double[] mx = SampleMoments.mean(x, n, d);
        double[] my = SampleMoments.mean(y, m, d);
        double sx = 0;
        for (double v : x) {
            sx += v * v;
        }
        double sy = 0;
        for (double v : y) {
            sy += v * v;
        }
        double dot = 0;
        for (int k = 0; k < d; k++) {
            dot += mx[k] * my[k];
        }
        return Math.max(0, sx / n + sy / m - 2 * dot);
    }

    private final class Solver {
        private final double[] x;
        private final double[] y;
        private final int n;
        private final int m;
        private final int d;
        private final double logA;
        private final double logB;
        private final double[] f;
        private final double[] g;

        Solver(double[] x, int n, double[] y, int m, int d) {
            this.x = x;
            this.y = y;
            this.n = n;
            this.m = m;
            this.d = d;
            this.logA = -Math.log(n);
            this.logB = -Math.log(m);
            this.f = new double[n];
            this.g = new double[m];
        }

        W2Result run() {
            double meanCost = meanCost(x, n, y, m, d);
            if (meanCost == 0) {
                return new W2Result(0, METHOD, 0, true); // every pair coincides
            }
            double target = Double.isNaN(epsilon) ? DEFAULT_RELATIVE_EPSILON * meanCost : epsilon;
            double eps = Math.max(target, meanCost);
            int iterations = 0;
            boolean converged = false;
            while (iterations < maxIterations) {
                boolean last = eps <= target;
                double stageTolerance = last ? tolerance : Math.max(tolerance, STAGE_TOLERANCE);
                while (iterations < maxIterations) {
                    double error = updateRows(eps);
                    updateColumns(eps);
                    iterations++;
                    if (error < stageTolerance) {
                        converged = last;
                        break;
                    }
                }
                if (last) {
                    break;
                }
                eps = Math.max(target, eps * 0.5);
            }
            return new W2Result(Math.sqrt(transportCost(eps)), METHOD, iterations, converged);
        }

        private double cost(int i, int j) {
            double s = 0;
            int bi = i * d;
            int bj = j * d;
            for (int k = 0; k < d; k++) {
                double diff = x[bi + k] - y[bj + k];
                s += diff * diff;
            }
            return s;
        }

        /**
         * f_i = -eps LSE_j((g_j - C_ij)/eps + log b_j); returns the L1 error of the row marginals
         * of the plan before the update, which the same sum gives for free: row i of the plan sums
         * to {@code a_i b_j-weighted sum_j exp((f_i + g_j - C_ij)/eps)}.
         */
        private double updateRows(double eps) {
            int tasks = (n + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
            double[] errors = new double[tasks];
            double a = Math.exp(logA);
            IntStream.range(0, tasks).parallel().forEach(t -> {
                double err = 0;
                for (int i = t * ROWS_PER_TASK, end = Math.min(n, i + ROWS_PER_TASK); i < end; i++) {
                    double logSum = shiftedLogSumExp(true, i, f[i], eps);
                    // the current row mass is exp(logSum) a b; the new potential makes it a
                    err += Math.abs(Math.exp(logSum + logA + logB) - a);
                    f[i] = f[i] - eps * (logSum + logB);
                }
                errors[t] = err;
            });
            double total = 0;
            for (double e : errors) {
                total += e;
            }
            return total;
        }

        /** g_j = -eps LSE_i((f_i - C_ij)/eps + log a_i). */
        private void updateColumns(double eps) {
            int tasks = (m + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
            IntStream.range(0, tasks).parallel().forEach(t -> {
                for (int j = t * ROWS_PER_TASK, end = Math.min(m, j + ROWS_PER_TASK); j < end; j++) {
                    g[j] = g[j] - eps * (shiftedLogSumExp(false, j, g[j], eps) + logA);
                }
            });
        }

        /**
         * {@code log sum_k exp((shift + h_k - C)/eps)} over the other side's points k, where h is g
         * (for a row) or f (for a column) and shift the row's or column's own current potential.
         * With the current potential as shift the terms are log plan entries (about
         * {@code log(n m)} at most), so one pass without a maximum is safe; if the sum still
         * overflows or underflows (far from convergence, or right after epsilon shrinks) it is
         * recomputed with the exact maximum as shift. Never NaN for finite inputs.
         */
        private double shiftedLogSumExp(boolean row, int index, double shift, double eps) {
            double inv = 1 / eps;
            int count = row ? m : n;
            double[] other = row ? g : f;
            double sum = 0;
            for (int k = 0; k < count; k++) {
                double c = row ? cost(index, k) : cost(k, index);
                sum += Math.exp((shift + other[k] - c) * inv);
            }
            if (sum > 1e-280 && sum < 1e280) {
                return Math.log(sum);
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < count; k++) {
                double c = row ? cost(index, k) : cost(k, index);
                max = Math.max(max, (shift + other[k] - c) * inv);
            }
            sum = 0;
            for (int k = 0; k < count; k++) {
                double c = row ? cost(index, k) : cost(k, index);
                sum += Math.exp((shift + other[k] - c) * inv - max);
            }
            return max + Math.log(sum);
        }

        /** <P, C> with log P_ij = (f_i + g_j - C_ij)/eps + log a_i + log b_j. */
        private double transportCost(double eps) {
            int tasks = (n + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
            double[] parts = new double[tasks];
            IntStream.range(0, tasks).parallel().forEach(t -> {
                double s = 0;
                for (int i = t * ROWS_PER_TASK, end = Math.min(n, i + ROWS_PER_TASK); i < end; i++) {
                    for (int j = 0; j < m; j++) {
                        double c = cost(i, j);
                        s += Math.exp((f[i] + g[j] - c) / eps + logA + logB) * c;
                    }
                }
                parts[t] = s;
            });
            double total = 0;
            for (double p : parts) {
                total += p;
            }
            return total;
        }
    }
}
