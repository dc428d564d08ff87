package org.daetransport.flows;

import org.daetransport.api.Checks;
import org.daetransport.api.NumericalFailureException;
import org.daetransport.api.StepHandler;
import org.daetransport.api.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The implicit JKO (minimising-movement) scheme on particles: step k minimises
 * <pre>  F(Y) + sum_i |y_i - x_i|^2 / (2 tau N)</pre>
 * over the positions Y, with {@code tau = totalTime/steps} and the functional fixed at the
 * initial cloud. Scaled by N, the gradient for particle i is {@code (y_i - x_i)/tau - v_i(Y)}
 * (velocity units); L-BFGS stops when its root-mean-square is at most
 * {@code relativeTolerance * rms(v(X)) + absoluteTolerance}. The first L-BFGS trial
 * ({@code H0 = tau I}) is the explicit Euler step.
 */
public final class JkoParticleScheme implements FlowScheme {

    private final double relativeTolerance;
    private final double absoluteTolerance;
    private final int maxIterations;
    private final int memory;

    /** Defaults: relative tolerance 1e-6, absolute 1e-10, 500 iterations, memory 10. */
    public JkoParticleScheme() {
        this(1e-6, 1e-10, 500, 10);
    }

    /**
     * @param relativeTolerance stop when rms gradient <= relativeTolerance * rms(v(X_k)) + absoluteTolerance
     * @param absoluteTolerance see above, >= 0
     * @param maxIterations     L-BFGS iterations per step before failing
     * @param memory            L-BFGS memory (pairs kept)
     */
    public JkoParticleScheme(double relativeTolerance, double absoluteTolerance, int maxIterations, int memory) {
        this.relativeTolerance = Checks.requirePositive(relativeTolerance, "relative tolerance");
        if (!(absoluteTolerance >= 0) || !Double.isFinite(absoluteTolerance)) {
            throw new IllegalArgumentException("absolute tolerance must be >= 0 and finite, got " + absoluteTolerance);
        }
        this.absoluteTolerance = absoluteTolerance;
        if (maxIterations < 1 || memory < 1) {
            throw new IllegalArgumentException("maxIterations and memory must be at least 1");
        }
        this.maxIterations = maxIterations;
        this.memory = memory;
    }

    @Override
    public String name() {
        return "jko";
    }

    @Override
    public FlowResult run(Functional f, Tensor particles, double totalTime, int steps, StepHandler handler) {
        FlowScheme.checkArguments(particles, totalTime, steps);
        Functional g = f.fixedAt(particles);
        double tau = totalTime / steps;
        int n = particles.rows();
        int d = particles.cols();
        Tensor current = particles;
        handler.init(0.0, current);
        Functional.Evaluation e = g.evaluate(current);
        if (!Double.isFinite(e.value())) {
            throw new NumericalFailureException("the energy of the initial cloud is not finite (" + e.value() + ")");
        }
        List<StepRecord> records = new ArrayList<>();
        records.add(new StepRecord(0, 0.0, e.value()));
        Lbfgs lbfgs = new Lbfgs(memory, maxIterations);
        int totalIterations = 0;
        for (int k = 1; k <= steps; k++) {
            double[] x = current.toArray();
            double[] v0 = e.velocity().toArray();
            double tol = relativeTolerance * rms(v0) + absoluteTolerance;
            Lbfgs.Objective objective = (y, grad) -> {
                Tensor yt;
                for (double yi : y) {
                    if (!Double.isFinite(yi)) {
                        return Double.POSITIVE_INFINITY;
                    }
                }
                yt = particles.backend().create().fromArray(y, n, d);
                Functional.Evaluation ey;
                try {
                    ey = g.evaluate(yt);
                } catch (NumericalFailureException singular) {
                    return Double.POSITIVE_INFINITY; // e.g. particles met at a kernel singularity: backtrack
                }
                double[] vy = ey.velocity().toArray();
                double prox = 0;
                for (int i = 0; i < y.length; i++) {
                    double dy = y[i] - x[i];
                    prox += dy * dy;
                    grad[i] = dy / tau - vy[i];
                }
                return n * ey.value() + prox / (2 * tau);
            };
            Lbfgs.Result r = lbfgs.minimise(objective, x, tau, tol);
            totalIterations += r.iterations();
            if (!r.converged()) {
                throw new NumericalFailureException(String.format(Locale.ROOT,
                        "JKO step %d did not converge: rms gradient %.4g > tolerance %.4g after %d iterations (tau = %.4g)",
                        k, r.rmsGradient(), tol, r.iterations(), tau));
            }
            current = particles.backend().create().fromArray(r.x(), n, d);
            e = g.evaluate(current);
            double t = totalTime * k / steps;
            records.add(new StepRecord(k, t, e.value()));
            handler.handleStep(k, t, current);
        }
        handler.finish(totalTime, current);
        Provenance p = new Provenance(name(), g.describe(), totalTime, steps, tau, g.bandwidth(),
                Map.of("relativeTolerance", relativeTolerance, "absoluteTolerance", absoluteTolerance,
                        "maxIterations", maxIterations, "memory", memory, "iterations", totalIterations));
        return new FlowResult(current, records, p);
    }

    private static double rms(double[] v) {
        double s = 0;
        for (double a : v) {
            s += a * a;
        }
        return Math.sqrt(s / v.length);
    }
}
