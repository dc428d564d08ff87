package org.daetransport.flows;

import org.daetransport.api.NumericalFailureException;
import org.daetransport.api.StepHandler;
import org.daetransport.api.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Forward Euler on the particles, {@code x <- x + dt v(x)}, with the functional fixed at the
 * initial cloud ({@link Functional#fixedAt}).
 *
 * <p>Blow-up detection, using that a gradient flow decreases its energy and that a stable Euler
 * step decreases it too (for a quadratic energy the energy rises exactly when {@code dt} exceeds
 * the stability limit {@code 2/lambda}): the run fails with {@link NumericalFailureException}
 * naming the step when a velocity, a position or the energy is not finite, when one step raises
 * the energy by more than its first-order decrease {@code dt (1/N) sum |v_i|^2}, or when the
 * energy rises in {@value #RISES} consecutive steps. No NaN particle is ever reported.
 */
public final class ExplicitParticleScheme implements FlowScheme {

    static final int RISES = 3;

    @Override
    public String name() {
        return "particle";
    }

    @Override
    public FlowResult run(Functional f, Tensor particles, double totalTime, int steps, StepHandler handler) {
        FlowScheme.checkArguments(particles, totalTime, steps);
        Functional g = f.fixedAt(particles);
        double dt = totalTime / steps;
        int n = particles.rows();
        int d = particles.cols();
        double[] x = particles.toArray();
        Tensor current = particles;
        handler.init(0.0, current);
        Functional.Evaluation e = g.evaluate(current);
        requireFiniteEnergy(e.value(), 0);
        List<StepRecord> records = new ArrayList<>();
        records.add(new StepRecord(0, 0.0, e.value()));
        int rises = 0;
        for (int k = 1; k <= steps; k++) {
            double[] v = e.velocity().toArray();
            double kinetic = 0;
            double[] next = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                next[i] = x[i] + dt * v[i];
                kinetic += v[i] * v[i];
                if (!Double.isFinite(next[i])) {
                    throw new NumericalFailureException(String.format(Locale.ROOT,
                            "explicit step %d blew up: particle %d left the finite numbers (dt = %.4g; use more steps)",
                            k, i / d, dt));
                }
            }
            double decrease = dt * kinetic / n;
            Tensor nextCloud = particles.backend().create().fromArray(next, n, d);
            Functional.Evaluation en = g.evaluate(nextCloud);
            requireFiniteEnergy(en.value(), k);
            double rise = en.value() - e.value();
            double rounding = 1e-10 * (1 + Math.abs(e.value()));
            if (rise > decrease + rounding) {
                throw unstable(k, e.value(), en.value(), dt, "in one step");
            }
            rises = rise > rounding ? rises + 1 : 0;
            if (rises >= RISES) {
                throw unstable(k, e.value(), en.value(), dt, "for " + RISES + " consecutive steps");
            }
            x = next;
            current = nextCloud;
            e = en;
            double t = totalTime * k / steps;
            records.add(new StepRecord(k, t, e.value()));
            handler.handleStep(k, t, current);
        }
        handler.finish(totalTime, current);
        Provenance p = new Provenance(name(), g.describe(), totalTime, steps, dt, g.bandwidth(), Map.of("method", "forward Euler"));
        return new FlowResult(current, records, p);
    }

    private static void requireFiniteEnergy(double value, int step) {
        if (!Double.isFinite(value)) {
            throw new NumericalFailureException("the energy is not finite at step " + step + " (" + value + ")");
        }
    }

    private static NumericalFailureException unstable(int k, double before, double after, double dt, String how) {
        return new NumericalFailureException(String.format(Locale.ROOT,
                "explicit step %d is unstable: the energy rose %s, to %.6g from %.6g (dt = %.4g is beyond the"
                        + " stability limit; use more steps)", k, how, after, before, dt));
    }
}
