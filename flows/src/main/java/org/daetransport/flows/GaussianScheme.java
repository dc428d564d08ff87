package org.daetransport.flows;

import org.daetransport.api.NumericalFailureException;
import org.daetransport.api.StepHandler;
import org.daetransport.api.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The exact flow of Gaussian laws for energies made of quadratic potentials
 * {@code ∫ 1/2 (x-b_k)^T A_k (x-b_k)}, the entropy {@code ∫ rho log rho} (any sign of weight:
 * heat flow, Ornstein-Uhlenbeck, or the entropy-decreasing DAE direction) and the quadratic
 * interaction. With {@code A = sum w_k A_k}, {@code c = sum w_k A_k b_k}, entropy weight
 * {@code s} and interaction weight {@code q}, the law {@code N(m_t, S_t)} solves
 * <pre>  m' = -(A m - c),   S' = -(A + qI) S - S (A + qI) + 2 s I,</pre>
 * solved in closed form in the eigenbasis of the symmetric {@code A}: for OU
 * {@code m_t = b + e^{-At}(m_0 - b)}, {@code S_t = e^{-At} S_0 e^{-At} + s A^{-1}(I - e^{-2At})}.
 * {@code (m_0, S_0)} are the mean and (population) covariance of the input cloud. Each step the
 * particles are the image of the input under the optimal affine map
 * {@code x -> m_t + T_t (x - m_0)}, {@code T_t = S_0^{-1/2} (S_0^{1/2} S_t S_0^{1/2})^{1/2} S_0^{-1/2}}
 * (the flow's own Lagrangian map when {@code A} and {@code S_0} commute). Energies are those of the
 * Gaussian law in closed form. Other functionals are rejected.
 */
public final class GaussianScheme implements FlowScheme {

    @Override
    public String name() {
        return "gaussian";
    }

    /** The linear drift data of a supported functional. */
    private record Coefficients(double[][] a, double[] c, double entropyWeight, double interactionWeight,
                                List<WeightedSum.Term> terms) {
    }

    private static Coefficients coefficients(Functional f, int d) {
        double[][] a = new double[d][d];
        double[] c = new double[d];
        double s = 0;
        double q = 0;
        List<WeightedSum.Term> terms = WeightedSum.of(1.0, f).terms();
        for (WeightedSum.Term t : terms) {
            double w = t.weight();
            Functional leaf = t.functional();
            if (leaf instanceof QuadraticPotential p) {
                double[][] ak = p.matrix();
                double[] bk = p.centre();
                if (ak.length != d) {
                    throw new IllegalArgumentException("potential of dimension " + ak.length + " given particles of dimension " + d);
                }
                double[] akbk = SmallMatrix.multiply(ak, bk);
                for (int i = 0; i < d; i++) {
                    c[i] += w * akbk[i];
                    for (int j = 0; j < d; j++) {
                        a[i][j] += w * ak[i][j];
                    }
                }
            } else if (leaf instanceof InternalEnergy ie && ie.density() == EnergyDensity.ENTROPY) {
                s += w;
            } else if (leaf instanceof QuadraticInteraction) {
                q += w;
            } else {
                throw new IllegalArgumentException("the gaussian scheme is exact only for quadratic potentials, entropy and"
                        + " the quadratic interaction; it cannot run '" + leaf.describe() + "'");
            }
        }
        return new Coefficients(a, c, s, q, terms);
    }

    @Override
    public FlowResult run(Functional f, Tensor particles, double totalTime, int steps, StepHandler handler) {
        FlowScheme.checkArguments(particles, totalTime, steps);
        int n = particles.rows();
        int d = particles.cols();
        Coefficients co = coefficients(f, d);
        double[] x = particles.toArray();
        double[] m0 = new double[d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                m0[k] += x[i * d + k] / n;
            }
        }
        double[][] s0 = new double[d][d];
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < d; r++) {
                for (int k = 0; k < d; k++) {
                    s0[r][k] += (x[i * d + r] - m0[r]) * (x[i * d + k] - m0[k]) / n;
                }
            }
        }
        SmallMatrix.Eigen s0Eigen = SmallMatrix.eigen(s0);
        if (!(s0Eigen.min() > 1e-12 * Math.max(1e-300, s0Eigen.values()[d - 1]))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the gaussian scheme needs a cloud with a non-singular covariance; its smallest eigenvalue is %.4g", s0Eigen.min()));
        }
        double[][] s0Half = s0Eigen.apply(Math::sqrt);
        double[][] s0InvHalf = s0Eigen.apply(v -> 1 / Math.sqrt(v));
        SmallMatrix.Eigen aEigen = SmallMatrix.eigen(co.a());
        double[][] q = aEigen.q();
        double[][] qt = SmallMatrix.transpose(q);
        double[] cTilde = SmallMatrix.multiply(qt, co.c());
        double[] m0Tilde = SmallMatrix.multiply(qt, m0);
        double[][] s0Tilde = SmallMatrix.multiply(qt, SmallMatrix.multiply(s0, q));

        List<StepRecord> records = new ArrayList<>();
        handler.init(0.0, particles);
        records.add(new StepRecord(0, 0.0, energy(co, m0, s0)));
        Tensor current = particles;
        for (int k = 1; k <= steps; k++) {
            double t = totalTime * k / steps;
            double[] mt = SmallMatrix.multiply(q, meanTilde(aEigen.values(), cTilde, m0Tilde, t));
            double[][] st = covariance(aEigen, q, qt, s0Tilde, co, t);
            double minEig = SmallMatrix.eigen(st).min();
            if (!(minEig > 0)) {
                double tStar = collapseTime(aEigen, q, qt, s0Tilde, co, totalTime * (k - 1) / steps, t);
                throw new NumericalFailureException(String.format(Locale.ROOT,
                        "the gaussian flow collapses at t* = %.4f (step %d would reach t = %.4f)", tStar, k, t));
            }
            double[][] inner = SmallMatrix.eigen(SmallMatrix.multiply(s0Half, SmallMatrix.multiply(st, s0Half))).apply(Math::sqrt);
            double[][] map = SmallMatrix.multiply(s0InvHalf, SmallMatrix.multiply(inner, s0InvHalf));
            double[] out = new double[n * d];
            for (int i = 0; i < n; i++) {
                for (int r = 0; r < d; r++) {
                    double sum = mt[r];
                    for (int c = 0; c < d; c++) {
                        sum += map[r][c] * (x[i * d + c] - m0[c]);
                    }
                    out[i * d + r] = sum;
                }
            }
            current = particles.backend().create().fromArray(out, n, d);
            records.add(new StepRecord(k, t, energy(co, mt, st)));
            handler.handleStep(k, t, current);
        }
        handler.finish(totalTime, current);
        Provenance p = new Provenance(name(), WeightedSum.of(1.0, f).describe(), totalTime, steps, totalTime / steps,
                java.util.OptionalDouble.empty(), Map.of("method", "closed form (Gaussian law)"));
        return new FlowResult(current, records, p);
    }

    /** {@code (1 - e^{-lambda t}) / lambda}, equal to {@code t} at {@code lambda = 0}. */
    private static double phi1(double lambda, double t) {
        return lambda == 0 ? t : -Math.expm1(-lambda * t) / lambda;
    }

    private static double[] meanTilde(double[] lambda, double[] cTilde, double[] m0Tilde, double t) {
        double[] m = new double[lambda.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = Math.exp(-lambda[i] * t) * m0Tilde[i] + cTilde[i] * phi1(lambda[i], t);
        }
        return m;
    }

    private static double[][] covariance(SmallMatrix.Eigen aEigen, double[][] q, double[][] qt, double[][] s0Tilde,
                                         Coefficients co, double t) {
        int d = s0Tilde.length;
        double[] mu = new double[d];
        for (int i = 0; i < d; i++) {
            mu[i] = aEigen.values()[i] + co.interactionWeight();
        }
        double[][] st = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                st[i][j] = Math.exp(-(mu[i] + mu[j]) * t) * s0Tilde[i][j];
            }
            st[i][i] += 2 * co.entropyWeight() * phi1(2 * mu[i], t);
        }
        return SmallMatrix.multiply(q, SmallMatrix.multiply(st, qt));
    }

    /** The first time in (lo, hi] where S_t stops being positive definite, by bisection. */
    private static double collapseTime(SmallMatrix.Eigen aEigen, double[][] q, double[][] qt, double[][] s0Tilde,
                                       Coefficients co, double lo, double hi) {
        for (int it = 0; it < 100; it++) {
            double mid = 0.5 * (lo + hi);
            if (SmallMatrix.eigen(covariance(aEigen, q, qt, s0Tilde, co, mid)).min() > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** The energy of N(m, S): potentials 1/2 [tr(A_k S) + (m-b_k)^T A_k (m-b_k)], entropy -1/2 log det(2 pi e S), interaction 1/2 tr S. */
    private static double energy(Coefficients co, double[] m, double[][] s) {
        int d = m.length;
        double sum = 0;
        for (WeightedSum.Term t : co.terms()) {
            Functional leaf = t.functional();
            double e;
            if (leaf instanceof QuadraticPotential p) {
                double[][] a = p.matrix();
                double[] z = p.centre();
                for (int i = 0; i < d; i++) {
                    z[i] = m[i] - z[i];
                }
                double[] az = SmallMatrix.multiply(a, z);
                double quad = 0;
                for (int i = 0; i < d; i++) {
                    quad += z[i] * az[i];
                }
                e = 0.5 * (SmallMatrix.trace(SmallMatrix.multiply(a, s)) + quad);
            } else if (leaf instanceof QuadraticInteraction) {
                e = 0.5 * SmallMatrix.trace(s);
            } else {
                double logDet = 0;
                for (double v : SmallMatrix.eigen(s).values()) {
                    logDet += Math.log(v);
                }
                e = -0.5 * (d * Math.log(2 * Math.PI * Math.E) + logDet);
            }
            sum += t.weight() * e;
        }
        return sum;
    }
}
