package org.daetransport.transport.flow;

import org.daetransport.api.Checks;
import org.daetransport.api.NumericalFailureException;
import org.daetransport.api.StepHandler;
import org.daetransport.api.Tensor;
import org.daetransport.transport.law.EmpiricalLaw;
import org.daetransport.transport.law.GaussianLaw;
import org.daetransport.transport.law.Law;
import org.daetransport.transport.law.MixtureLaw;
import org.daetransport.transport.law.MixtureScore;
import org.daetransport.transport.law.Numbers;
import org.daetransport.transport.law.SymmetricMatrices;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The continuous (infinitely deep) DAE: every particle follows {@code dx/dt = grad log mu_t(x)} with
 * {@code mu_t} the current law, i.e. the backward heat equation; time is cumulative noise variance.
 *
 * <ul>
 *   <li>Gaussian {@code N(m, S_0)}: {@code mu_t = N(m, S_0 - 2tI)}. By default the exact path
 *       {@code x(t) = m + (S_0 - 2tI)^(1/2) S_0^(-1/2) (x_0 - m)} is evaluated at every step time;
 *       {@link GaussianMethod#ODE} integrates the ODE instead (as for mixtures).</li>
 *   <li>Mixture: {@code mu_t = sum_k pi_k N(m_k, S_k - 2tI)} exactly (weights unchanged). Given the
 *       exact law the particles are independent, so the whole batch is one ODE system of dimension
 *       {@code N d}, integrated by Hipparchus' adaptive Dormand-Prince 8(5,3) (tolerances 1e-12 by
 *       default), stopping at every step time {@code kT/L} to report.</li>
 *   <li>Empirical: a particle scheme in which the moving cloud is the law, with the score of its
 *       Gaussian kernel density estimate of bandwidth {@code h}:
 *       {@code v_i = (kernelWeightedAverage(x_i; cloud, h^2) - x_i) / h^2}, explicit Euler steps
 *       {@code dt = T/L}. Unless fixed by {@link #withBandwidth}, {@code h} is Silverman's rule
 *       {@code h = sigma (4/((d+2)N))^(1/(d+4))}, {@code sigma} the per-axis standard deviations of
 *       the current cloud averaged, recomputed every step (the cloud contracts). A step with
 *       {@code dt > h^2} would overshoot the kernel average and is refused as a numerical failure.
 *       The KDE score is that of the cloud's law blurred by {@code N(0, h^2 I)}, so the contraction
 *       lags the exact flow by {@code O(h^2)} in the covariance.</li>
 * </ul>
 * A Gaussian or mixture asked to reach or pass its collapse time {@code t* = lambda_min/2} fails with
 * {@link CollapseException} before anything moves. Instances are immutable.
 */
public final class ContinuousDae implements DaeScheme {

    /** How the Gaussian path is computed. */
    public enum GaussianMethod { CLOSED_FORM, ODE }

    private static final int MAX_EVALUATIONS = 2_000_000;

    private final double bandwidth;
    private final double absoluteTolerance;
    private final double relativeTolerance;
    private final GaussianMethod gaussianMethod;

    /** Closed-form Gaussian paths, ODE tolerances 1e-12, Silverman bandwidth. */
    public ContinuousDae() {
        this(Double.NaN, 1e-12, 1e-12, GaussianMethod.CLOSED_FORM);
    }

    private ContinuousDae(double bandwidth, double absoluteTolerance, double relativeTolerance, GaussianMethod gaussianMethod) {
        this.bandwidth = bandwidth;
        this.absoluteTolerance = absoluteTolerance;
        this.relativeTolerance = relativeTolerance;
        this.gaussianMethod = gaussianMethod;
    }

    /** A copy that uses the fixed kernel bandwidth {@code h} (> 0) for empirical laws. */
    public ContinuousDae withBandwidth(double h) {
        return new ContinuousDae(Checks.requirePositive(h, "bandwidth"), absoluteTolerance, relativeTolerance, gaussianMethod);
    }

    /** A copy with the ODE integrator's absolute and relative tolerances. */
    public ContinuousDae withTolerances(double absolute, double relative) {
        return new ContinuousDae(bandwidth, Checks.requirePositive(absolute, "absolute tolerance"),
                Checks.requirePositive(relative, "relative tolerance"), gaussianMethod);
    }

    /** A copy that computes Gaussian paths by {@code method}. */
    public ContinuousDae withGaussianMethod(GaussianMethod method) {
        return new ContinuousDae(bandwidth, absoluteTolerance, relativeTolerance, method);
    }

    @Override
    public String name() {
        return "continuous";
    }

    /**
     * The collapse time {@code t* = lambda_min/2} of the continuous DAE of {@code law} (minimum over
     * mixture components of positive weight); empty for an empirical law.
     */
    public static OptionalDouble collapseTime(Law law) {
        if (law instanceof GaussianLaw g) {
            return OptionalDouble.of(g.minEigenvalue() / 2);
        }
        if (law instanceof MixtureLaw m) {
            return OptionalDouble.of(m.minEigenvalue() / 2);
        }
        return OptionalDouble.empty();
    }

    /**
     * The exact law {@code mu_t} of the continuous DAE started at a Gaussian or mixture law:
     * covariances {@code S - 2tI}, means and weights unchanged.
     *
     * @throws CollapseException        if {@code t >= t*}
     * @throws IllegalArgumentException for an empirical law (no closed form) or a negative or NaN time
     */
    public static Law lawAt(Law law, double t) {
        if (!(t >= 0) || !Double.isFinite(t)) {
            throw new IllegalArgumentException("time must be >= 0 and finite, got " + t);
        }
        if (law instanceof EmpiricalLaw) {
            throw new IllegalArgumentException("the continuous DAE of an empirical law has no closed-form law");
        }
        requireBeforeCollapse(law, t);
        if (law instanceof GaussianLaw g) {
            return shifted(g, t);
        }
        List<MixtureLaw.Component> components = new ArrayList<>();
        for (MixtureLaw.Component c : ((MixtureLaw) law).components()) {
            // zero-weight components may collapse earlier; they carry no mass, keep them unchanged
            components.add(c.weight() > 0 ? new MixtureLaw.Component(c.weight(), shifted(c.law(), t)) : c);
        }
        return new MixtureLaw(components);
    }

    private static GaussianLaw shifted(GaussianLaw g, double t) {
        double[][] cov = SymmetricMatrices.addScaled(g.covariance(), -2 * t, SymmetricMatrices.scaledIdentity(g.dim(), 1.0));
        return new GaussianLaw(g.mean(), cov);
    }

    private static void requireBeforeCollapse(Law law, double t) {
        OptionalDouble collapse = collapseTime(law);
        if (collapse.isPresent() && t >= collapse.getAsDouble()) {
            throw new CollapseException(collapse.getAsDouble(), t);
        }
    }

    /**
     * Silverman's rule of thumb for a Gaussian kernel, {@code h = sigma (4/((d+2)N))^(1/(d+4))}, with
     * {@code sigma} the average over axes of the per-axis sample standard deviations of {@code cloud}.
     */
    public static double silvermanBandwidth(Tensor cloud) {
        int n = cloud.rows();
        int d = cloud.cols();
        if (n < 2) {
            throw new IllegalArgumentException("a bandwidth rule needs at least 2 points, got " + n + "; set the bandwidth explicitly");
        }
        double[] x = cloud.toArray();
        double sigma = 0;
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[i * d + j];
            }
            mean /= n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double c = x[i * d + j] - mean;
                ss += c * c;
            }
            sigma += Math.sqrt(ss / (n - 1));
        }
        sigma /= d;
        return sigma * Math.pow(4.0 / ((d + 2.0) * n), 1.0 / (d + 4.0));
    }

    @Override
    public FlowResult run(Law law, Tensor points, double totalTime, int layers, StepHandler handler) {
        double[] times = Schedule.uniform(totalTime, layers).times();
        DeepDae.requirePoints(law, points);
        requireBeforeCollapse(law, totalTime);
        List<Law> laws = new ArrayList<>();
        handler.init(0.0, points);
        Tensor x;
        if (law instanceof EmpiricalLaw empirical) {
            x = runParticles(empirical, points, times, laws, handler);
        } else {
            for (double t : times) {
                laws.add(lawAt(law, t));
            }
            if (law instanceof GaussianLaw g && gaussianMethod == GaussianMethod.CLOSED_FORM) {
                x = runGaussianClosedForm(g, points, times, handler);
            } else {
                MixtureLaw mixture = law instanceof MixtureLaw m ? m : MixtureLaw.of((GaussianLaw) law);
                x = runOde(mixture, points, times, handler);
            }
        }
        handler.finish(totalTime, x);
        return new FlowResult(x, times, laws);
    }

    private static Tensor runGaussianClosedForm(GaussianLaw law, Tensor points, double[] times, StepHandler handler) {
        int n = points.rows();
        int d = points.cols();
        double[] x0 = points.toArray();
        double[] m = law.mean();
        SymmetricMatrices.Eigen eigen = law.eigen();
        Tensor x = points;
        for (int k = 1; k < times.length; k++) {
            double t = times[k];
            double[][] r = eigen.apply(l -> Math.sqrt((l - 2 * t) / l));
            double[] out = new double[n * d];
            for (int p = 0; p < n; p++) {
                for (int i = 0; i < d; i++) {
                    double s = m[i];
                    for (int j = 0; j < d; j++) {
                        s += r[i][j] * (x0[p * d + j] - m[j]);
                    }
                    out[p * d + i] = s;
                }
            }
            x = points.backend().create().fromArray(out, n, d);
            handler.handleStep(k, t, x);
        }
        return x;
    }

    private Tensor runOde(MixtureLaw law, Tensor points, double[] times, StepHandler handler) {
        int n = points.rows();
        int d = points.cols();
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return n * d;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double[] dy = new double[y.length];
                MixtureScore.withShift(law, -2 * t).scoreInto(y, n, dy);
                return dy;
            }
        };
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(0.0, times[times.length - 1],
                absoluteTolerance, relativeTolerance);
        integrator.setMaxEvaluations(MAX_EVALUATIONS);
        double[] y = points.toArray();
        Tensor x = points;
        for (int k = 1; k < times.length; k++) {
            try {
                y = integrator.integrate(ode, new ODEState(times[k - 1], y), times[k]).getPrimaryState();
            } catch (MathRuntimeException e) {
                throw new NumericalFailureException("continuous DAE integration failed between t = "
                        + Numbers.plain(times[k - 1]) + " and t = " + Numbers.plain(times[k]) + ": " + e.getMessage());
            }
            x = points.backend().create().fromArray(y, n, d);
            handler.handleStep(k, times[k], x);
        }
        return x;
    }

    private Tensor runParticles(EmpiricalLaw law, Tensor points, double[] times, List<Law> laws, StepHandler handler) {
        Tensor cloud = law.sampleOn(points.backend());
        boolean pointsAreCloud = Clouds.sameContents(points, cloud);
        var linalg = cloud.backend().linalg();
        var kernels = cloud.backend().kernels();
        laws.add(law);
        Tensor x = points;
        for (int k = 1; k < times.length; k++) {
            double dt = times[k] - times[k - 1];
            double h = Double.isNaN(bandwidth) ? silvermanBandwidth(cloud) : bandwidth;
            double h2 = h * h;
            if (!(h2 > 0)) {
                throw new NumericalFailureException("the particle cloud has collapsed to a point at t = "
                        + Numbers.plain(times[k - 1]) + ": the kernel bandwidth is 0");
            }
            if (dt > h2) {
                throw new NumericalFailureException("explicit Euler step dt = " + Numbers.plain(dt)
                        + " exceeds the squared bandwidth h^2 = " + Numbers.plain(h2) + " at t = "
                        + Numbers.plain(times[k - 1]) + "; use at least " + (int) Math.ceil(times[times.length - 1] / h2)
                        + " layers");
            }
            double ratio = dt / h2;
            // x + dt * (avg - x)/h^2: a convex combination of x and its kernel average since dt <= h^2
            Tensor next = linalg.addScaled(cloud, ratio, linalg.subtract(kernels.kernelWeightedAverage(cloud, cloud, h2), cloud));
            x = pointsAreCloud ? next
                    : linalg.addScaled(x, ratio, linalg.subtract(kernels.kernelWeightedAverage(x, cloud, h2), x));
            cloud = next;
            laws.add(new EmpiricalLaw(cloud));
            handler.handleStep(k, times[k], x);
        }
        return x;
    }
}
