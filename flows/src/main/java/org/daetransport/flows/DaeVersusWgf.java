package org.daetransport.flows;

import org.daetransport.api.Checks;
import org.daetransport.api.NumericalFailureException;
import org.daetransport.api.Tensor;
import org.daetransport.api.TransportKernels;
import org.daetransport.transport.entropy.EntropyEstimator;
import org.daetransport.transport.entropy.GaussianEntropy;
import org.daetransport.transport.entropy.KozachenkoLeonenko;
import org.daetransport.transport.ot.ExactW2;
import org.daetransport.transport.ot.W2Distance;
import org.daetransport.transport.law.SampleMoments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.IntConsumer;

/**
 * The deep DAE against the entropy-decreasing Wasserstein gradient flow, from one cloud
 * (PAPER.md: the deep DAE of L layers of noise {@code dt = T/L} is a time discretisation of the
 * flow {@code dx/dt = grad log rho_t(x)}, the WGF of {@code -∫ rho log rho}).
 *
 * <p><b>Why smoothing must be shared.</b> On a cloud the density is an empirical measure
 * {@code mu_k}, whose score does not exist; every particle method smooths it. The plain deep DAE
 * (the optimal DAE of noise {@code dt} for {@code mu_k}, i.e. Gaussian blurring mean shift,
 * {@link org.daetransport.transport.flow.DeepDae} on an empirical law) moves {@code x} by
 * {@code dt * grad log(mu_k * N(0, dt I))(x)}: its smoothing variance is the step itself. As
 * {@code L} grows that smoothing vanishes, each particle sees mostly itself and the cloud stops
 * moving, so the plain deep DAE does <em>not</em> converge to any fixed particle WGF as {@code L}
 * grows (this class records its W2 distance to the WGF, {@link DaeWgfComparison.Point#plainW2Gap}, for
 * honesty; blurring mean shift merges particles into exact duplicates, so no entropy estimate of that
 * cloud is recorded).
 *
 * <p><b>The comparison ("same smoothing").</b> Fix a kernel variance {@code h^2} (from a
 * {@link Bandwidth}, by default Silverman's rule on the initial cloud). Compare
 * <ul>
 *   <li>the <em>smoothed deep DAE</em>: layer k is the optimal DAE of noise {@code dt} for the
 *       smoothed law {@code nu_k = mu_k * N(0, h^2 I)}. By Tweedie's formula it is
 *       <pre>  x -> x + dt * (KWA(x; cloud_k, h^2 + dt) - x) / (h^2 + dt) = x + dt * grad log(mu_k * N(0,(h^2+dt) I))(x),</pre>
 *       with {@code KWA} the kernel-weighted average ({@link TransportKernels#kernelWeightedAverage});
 *       every layer is a convex combination of {@code x} and a kernel mean, hence stable;</li>
 *   <li>the <em>WGF with the same smoothing</em>: the particle flow
 *       {@code dx/dt = grad log(mu_t * N(0, h^2 I))(x) = (KWA(x; cloud_t, h^2) - x) / h^2}, the
 *       entropy-decreasing WGF with the density replaced by its kernel estimate, by explicit Euler with
 *       the same {@code dt}.</li>
 * </ul>
 * The two velocities differ by {@code grad log(mu * N(0,(h^2+dt)I)) - grad log(mu * N(0,h^2 I)) = O(dt)}
 * (the heat semigroup is smooth in its variance once {@code h > 0}), so the layers differ by
 * {@code O(dt^2)} per step and, summed over {@code L} steps of a Lipschitz flow, the clouds differ
 * by {@code O(dt) = O(T/L)} at time T: the W2 gap shrinks like {@code 1/L}. Both clouds start equal
 * and move every particle, so the W2 gap is computed between clouds, not pairwise.
 *
 * <p><b>Recorded at every step</b> (see {@link DaeWgfComparison.Point}): the exact W2 gaps, the
 * entropy of each cloud by the given estimator (Kozachenko-Leonenko by default), the entropies of
 * their Gaussian fits and, for Gaussian data, the exact entropy {@code 1/2 log det(2 pi e (S_0 - 2tI))}
 * of the entropy-decreasing flow of {@code N(m, S_0)} ({@code S' = -2I}); the kernel smoothing
 * slows the particle flows by about the factor {@code s/(s + h^2)} per eigenvalue {@code s}, which
 * bounds their distance to the exact curve.
 *
 * <p>Memory is O(N) for the flows (blocked kernel sums); the exact W2 needs an N x N cost matrix,
 * so this comparison is meant for clouds of a few thousand points at most. Immutable.
 */
public final class DaeVersusWgf {

    private final Bandwidth smoothing;
    private final W2Distance distance;
    private final EntropyEstimator entropy;

    /** Silverman's bandwidth rule, the exact W2 and the Kozachenko-Leonenko estimator. */
    public DaeVersusWgf() {
        this(Bandwidth.rule(), new ExactW2(), new KozachenkoLeonenko());
    }

    /**
     * @param smoothing the kernel bandwidth h (standard deviation; a rule is evaluated on the initial cloud)
     * @param distance  the W2 distance between the clouds
     * @param entropy   the entropy estimator applied to each cloud
     */
    public DaeVersusWgf(Bandwidth smoothing, W2Distance distance, EntropyEstimator entropy) {
        this.smoothing = smoothing;
        this.distance = distance;
        this.entropy = entropy;
    }

    /** {@link #compare(Tensor, double, int, boolean, IntConsumer)} without progress reports. */
    public DaeWgfComparison compare(Tensor x0, double totalTime, int layers, boolean gaussianData) {
        return compare(x0, totalTime, layers, gaussianData, k -> { });
    }

    /**
     * Runs the smoothed deep DAE, the plain deep DAE and the smoothed WGF from {@code x0} (N x d,
     * not modified) over time {@code totalTime} in {@code layers} steps and records the curves.
     *
     * @param gaussianData whether {@code x0} is a sample of a Gaussian, so that the exact entropy
     *                     curve of the Gaussian flow from its sample covariance is recorded
     * @param progress     called with each finished step 1..L
     * @throws IllegalArgumentException for fewer than d + 2 points, non-finite points, a non-positive
     *         time, fewer than 1 layer, or (Gaussian data) a time past the exact collapse {@code s_min/2}
     * @throws NumericalFailureException if the explicit WGF step is unstable ({@code dt > 2 h^2})
     */
    public DaeWgfComparison compare(Tensor x0, double totalTime, int layers, boolean gaussianData, IntConsumer progress) {
        Checks.requirePositive(totalTime, "flow time");
        if (layers < 1) {
            throw new IllegalArgumentException("the number of layers must be at least 1, got " + layers);
        }
        int n = x0.rows();
        int d = x0.cols();
        if (n < d + 2) {
            throw new IllegalArgumentException("the comparison needs at least " + (d + 2) + " points in dimension " + d + ", got " + n);
        }
        Checks.requireFinite(x0.toArray(), "points");
        double dt = totalTime / layers;
        double h = smoothing.epsFor(x0);
        double h2 = h * h;
        if (dt > 2 * h2) {
            throw new NumericalFailureException(String.format(Locale.ROOT,
                    "the explicit WGF step dt = %.4g exceeds twice the kernel variance 2 h^2 = %.4g, beyond which"
                            + " x + dt (KWA(x) - x)/h^2 overshoots; use more layers", dt, 2 * h2));
        }
        double[] exactSpectrum = gaussianData ? sampleCovarianceEigenvalues(x0) : null;
        if (exactSpectrum != null && !(exactSpectrum[0] - 2 * totalTime > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the exact entropy-decreasing flow of the fitted Gaussian collapses at t* = %.4f <= T = %.4f",
                    exactSpectrum[0] / 2, totalTime));
        }
        TransportKernels kernels = x0.backend().kernels();
        GaussianEntropy fit = new GaussianEntropy();
        List<DaeWgfComparison.Point> points = new ArrayList<>();
        Tensor dae = x0;
        Tensor plain = x0;
        Tensor wgf = x0;
        for (int k = 0; k <= layers; k++) {
            if (k > 0) {
                dae = relax(dae, kernels.kernelWeightedAverage(dae, dae, h2 + dt), dt / (h2 + dt));
                plain = kernels.kernelWeightedAverage(plain, plain, dt);
                wgf = relax(wgf, kernels.kernelWeightedAverage(wgf, wgf, h2), dt / h2);
            }
            double t = totalTime * k / layers;
            points.add(new DaeWgfComparison.Point(k, t,
                    k == 0 ? 0 : distance.distance(dae, wgf).w2(),
                    k == 0 ? 0 : distance.distance(plain, wgf).w2(),
                    entropy.entropy(dae), entropy.entropy(wgf),
                    fit.entropy(dae), fit.entropy(wgf),
                    exactSpectrum == null ? OptionalDouble.empty() : OptionalDouble.of(exactEntropy(exactSpectrum, t))));
            if (k > 0) {
                progress.accept(k);
            }
        }
        String settings = String.format(Locale.ROOT, "h=%.6g (%s), W2 %s, entropy %s", h,
                smoothing.isFixed() ? "fixed" : "rule " + smoothing.factor() + "*N^(-1/(d+4))*sigma",
                distance.method(), entropy.name());
        return new DaeWgfComparison(points, h2, layers, totalTime, settings);
    }

    /** {@code x + a (m - x)}, row by row; fails if a particle leaves the finite numbers. */
    private static Tensor relax(Tensor x, Tensor m, double a) {
        double[] xs = x.toArray();
        double[] ms = m.toArray();
        for (int i = 0; i < xs.length; i++) {
            xs[i] += a * (ms[i] - xs[i]);
            if (!Double.isFinite(xs[i])) {
                throw new NumericalFailureException("a particle left the finite numbers in the DAE versus WGF comparison");
            }
        }
        return x.backend().create().fromArray(xs, x.rows(), x.cols());
    }

    /** {@code 1/2 sum log(2 pi e (s_i - 2t))}: the exact entropy of N(m, S_0 - 2tI). */
    private static double exactEntropy(double[] spectrum, double t) {
        double h = 0;
        for (double s : spectrum) {
            h += 0.5 * Math.log(2 * Math.PI * Math.E * (s - 2 * t));
        }
        return h;
    }

    /** Eigenvalues (ascending) of the unbiased sample covariance, as in {@link GaussianEntropy}. */
    private static double[] sampleCovarianceEigenvalues(Tensor x0) {
        int n = x0.rows();
        int d = x0.cols();
        double[] x = x0.toArray();
        double[][] s = SampleMoments.covariance(x, n, d, SampleMoments.mean(x, n, d), true);
        return SmallMatrix.eigen(s).values();
    }
}
