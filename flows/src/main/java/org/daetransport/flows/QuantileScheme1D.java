package org.daetransport.flows;

import org.daetransport.api.NumericalFailureException;
import org.daetransport.api.StepHandler;
import org.daetransport.api.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one-dimensional Lagrangian (quantile) particle scheme, a reference for internal energies
 * without any bandwidth. The sorted particles {@code x_1 < ... < x_N}, each of mass 1/N, bound
 * N-1 cells of density {@code rho_{i+1/2} = 1/(N (x_{i+1} - x_i))}; the discrete energy is
 * {@code sum_cells (x_{i+1}-x_i) U(rho_{i+1/2})} and its exact gradient flow is
 * <pre>  x_i' = -N (P(rho_{i+1/2}) - P(rho_{i-1/2})),   P(rho) = rho U'(rho) - U(rho),</pre>
 * with zero pressure outside the cloud (a free boundary), i.e. the flow {@code X' = -d_m P} of the
 * quantile function (the porous medium / heat equation in mass coordinates). Other terms
 * (potentials, interactions) add their own particle velocities. Time stepping is forward Euler
 * with sub-steps at half the Gershgorin stability limit of the internal part,
 * {@code dt <= 1 / max_i 2N sum_k w_k (a_{i-1/2} + a_{i+1/2})}, {@code a = P'(rho) rho / dx};
 * the stability of the other terms is left to the number of steps. Internal energies must have
 * positive weights (the backward direction is ill-posed). Particles keep their input order.
 */
public final class QuantileScheme1D implements FlowScheme {

    @Override
    public String name() {
        return "quantile";
    }

    @Override
    public FlowResult run(Functional f, Tensor particles, double totalTime, int steps, StepHandler handler) {
        FlowScheme.checkArguments(particles, totalTime, steps);
        if (particles.cols() != 1) {
            throw new IllegalArgumentException("the quantile scheme is one-dimensional, the particles have dimension " + particles.cols());
        }
        int n = particles.rows();
        List<EnergyDensity> densities = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        Functional rest = null;
        for (WeightedSum.Term t : WeightedSum.of(1.0, f).terms()) {
            if (t.functional() instanceof InternalEnergy ie) {
                if (!(t.weight() > 0)) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "the quantile scheme needs internal energies with positive weights; %s has weight %.4g"
                                    + " (the backward direction is ill-posed)", ie.name(), t.weight()));
                }
                densities.add(ie.density());
                weights.add(t.weight());
            } else {
                Functional term = t.functional().times(t.weight());
                rest = rest == null ? term : rest.plus(term);
            }
        }
        Functional others = rest == null ? null : rest.fixedAt(particles);

        double[] input = particles.toArray();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(input[a], input[b]));
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = input[order[i]];
        }
        for (int i = 0; i + 1 < n; i++) {
            if (!(x[i + 1] > x[i])) {
                throw new IllegalArgumentException("the quantile scheme needs distinct particles; two are at " + x[i]);
            }
        }
        Model model = new Model(n, densities, weights, others, particles);
        double dt = totalTime / steps;
        handler.init(0.0, particles);
        List<StepRecord> records = new ArrayList<>();
        records.add(new StepRecord(0, 0.0, model.energy(x)));
        Tensor current = particles;
        long substeps = 0;
        double[] v = new double[n];
        for (int k = 1; k <= steps; k++) {
            double remaining = dt;
            while (remaining > 0) {
                double limit = model.velocity(x, v);
                double h = Math.min(remaining, limit);
                if (remaining - h < 1e-12 * dt) {
                    h = remaining;
                }
                for (int i = 0; i < n; i++) {
                    x[i] += h * v[i];
                }
                remaining -= h;
                substeps++;
                for (int i = 0; i < n; i++) {
                    if (!Double.isFinite(x[i]) || (i + 1 < n && !(x[i + 1] > x[i]))) {
                        throw new NumericalFailureException(String.format(Locale.ROOT,
                                "quantile step %d failed: particles %d and %d crossed or left the finite numbers (dt = %.4g; use more steps)",
                                k, i, i + 1, dt));
                    }
                }
            }
            double t = totalTime * k / steps;
            current = model.tensor(x, order);
            records.add(new StepRecord(k, t, model.energy(x)));
            handler.handleStep(k, t, current);
        }
        handler.finish(totalTime, current);
        Provenance p = new Provenance(name(), WeightedSum.of(1.0, f).describe(), totalTime, steps, dt,
                java.util.OptionalDouble.empty(), Map.of("method", "forward Euler, stability-limited sub-steps", "substeps", substeps));
        return new FlowResult(current, records, p);
    }

    /** The discrete energy and velocity on sorted positions. */
    private static final class Model {
        private final int n;
        private final List<EnergyDensity> densities;
        private final List<Double> weights;
        private final Functional others;
        private final Tensor like;

        Model(int n, List<EnergyDensity> densities, List<Double> weights, Functional others, Tensor like) {
            this.n = n;
            this.densities = densities;
            this.weights = weights;
            this.others = others;
            this.like = like;
        }

        Tensor tensor(double[] sorted, Integer[] order) {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[order[i]] = sorted[i];
            }
            return like.backend().create().fromArray(out, n, 1);
        }

        private Tensor sortedTensor(double[] sorted) {
            return like.backend().create().fromArray(sorted, n, 1);
        }

        double energy(double[] x) {
            double e = 0;
            for (int i = 0; i + 1 < n; i++) {
                double rho = 1.0 / (n * (x[i + 1] - x[i]));
                for (int k = 0; k < densities.size(); k++) {
                    e += weights.get(k) * densities.get(k).energyPerMass(rho) / n;
                }
            }
            return others == null ? e : e + others.value(sortedTensor(x));
        }

        /** Writes the velocities into {@code v} (modified) and returns the stable sub-step limit. */
        double velocity(double[] x, double[] v) {
            if (others != null) {
                System.arraycopy(others.velocity(sortedTensor(x)).toArray(), 0, v, 0, n);
            } else {
                Arrays.fill(v, 0);
            }
            double maxRate = 0;
            double pLeft = 0;
            double aLeft = 0;
            for (int i = 0; i < n; i++) {
                double pRight = 0;
                double aRight = 0;
                if (i + 1 < n) {
                    double dx = x[i + 1] - x[i];
                    double rho = 1.0 / (n * dx);
                    for (int k = 0; k < densities.size(); k++) {
                        EnergyDensity u = densities.get(k);
                        pRight += weights.get(k) * u.pressure(rho);
                        aRight += weights.get(k) * u.pressureDerivative(rho) * rho / dx;
                    }
                }
                v[i] -= n * (pRight - pLeft);
                maxRate = Math.max(maxRate, 2.0 * n * (aLeft + aRight));
                pLeft = pRight;
                aLeft = aRight;
            }
            return maxRate > 0 ? 1.0 / maxRate : Double.POSITIVE_INFINITY;
        }
    }
}
