package org.daetransport.flows;

import org.daetransport.api.Creation;
import org.daetransport.api.Tensor;
import org.daetransport.api.TransportKernels;
import org.daetransport.api.TransportKernels.KernelAverage;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * An internal energy {@code ∫ U(rho)} estimated from particles by the blob method (Carrillo,
 * Craig and Patacchini, 2019): with the Gaussian mollifier {@code phi} of standard deviation
 * {@code eps} and {@code rho_i = (1/N) sum_j phi(x_i - x_j)},
 * <pre>  F_eps(X) = (1/N) sum_i G(rho_i),   G(rho) = U(rho)/rho,</pre>
 * and the velocity is its exact gradient, {@code v_i = -N grad_i F_eps}:
 * <pre>  v_i = -(1/N) sum_j grad phi(x_i - x_j) (G'(rho_i) + G'(rho_j)).</pre>
 * Both sums go through the backend's blocked {@link TransportKernels#kernelAverage}, so memory is
 * O(N) and any backend serves. Coordinates are centred first (the energy is translation invariant),
 * so that distant clouds lose no accuracy.
 */
public final class BlobInternalEnergy implements InternalEnergy {

    private final EnergyDensity density;
    private final Bandwidth bandwidth;

    /** The blob estimate of {@code ∫ U(rho)} with the given bandwidth (rule or fixed). */
    public BlobInternalEnergy(EnergyDensity density, Bandwidth bandwidth) {
        this.density = density;
        this.bandwidth = bandwidth;
    }

    /** {@code ∫ rho log rho} with the default bandwidth rule. */
    public static BlobInternalEnergy entropy() {
        return new BlobInternalEnergy(EnergyDensity.ENTROPY, Bandwidth.rule());
    }

    /** {@code ∫ rho^m/(m-1)} with the default bandwidth rule; {@code m > 1}. */
    public static BlobInternalEnergy renyi(double m) {
        return new BlobInternalEnergy(EnergyDensity.renyi(m), Bandwidth.rule());
    }

    /** The same energy with another bandwidth. */
    public BlobInternalEnergy withBandwidth(Bandwidth b) {
        return new BlobInternalEnergy(density, b);
    }

    @Override
    public EnergyDensity density() {
        return density;
    }

    /** The bandwidth setting (rule or fixed). */
    public Bandwidth bandwidthSetting() {
        return bandwidth;
    }

    @Override
    public String name() {
        return density.name();
    }

    @Override
    public Functional fixedAt(Tensor particles) {
        return bandwidth.isFixed() ? this : withBandwidth(Bandwidth.fixed(bandwidth.epsFor(particles)));
    }

    @Override
    public OptionalDouble bandwidth() {
        return bandwidth.isFixed() ? OptionalDouble.of(bandwidth.fixed()) : OptionalDouble.empty();
    }

    @Override
    public String describe() {
        String p = density instanceof EnergyDensity.Renyi r ? String.format(Locale.ROOT, "m=%s, ", r.m()) : "";
        String b = bandwidth.isFixed() ? String.format(Locale.ROOT, "eps=%.6g", bandwidth.fixed())
                : String.format(Locale.ROOT, "eps=%s*N^(-1/(d+4))*sigma", bandwidth.factor());
        return density.name() + "(" + p + b + ")";
    }

    @Override
    public double value(Tensor particles) {
        Blob b = densities(particles, false);
        return b.value;
    }

    @Override
    public Tensor velocity(Tensor particles) {
        return evaluate(particles).velocity();
    }

    @Override
    public Evaluation evaluate(Tensor particles) {
        Blob b = densities(particles, true);
        int n = b.n;
        int d = b.d;
        double[] x = b.x;
        // second kernel sum: sum_j phi_ij [G'(rho_j) x_j, G'(rho_j)] as a softmax average
        double[] gp = new double[n];
        double[] vals = new double[n * (d + 1)];
        for (int j = 0; j < n; j++) {
            gp[j] = density.energyPerMassDerivative(b.rho[j]);
            for (int c = 0; c < d; c++) {
                vals[j * (d + 1) + c] = gp[j] * x[j * d + c];
            }
            vals[j * (d + 1) + d] = gp[j];
        }
        Creation create = particles.backend().create();
        Tensor values = create.fromArray(vals, n, d + 1);
        double[] avg2 = particles.backend().kernels().kernelAverage(b.centred, b.centred, values, null, b.t).average().toArray();
        double[] v = new double[n * d];
        for (int i = 0; i < n; i++) {
            // sum_j phi_ij (x_j - x_i)(G'_i + G'_j) = N rho_i [G'_i (avgX_i - x_i) + avgGX_i - avgG_i x_i]
            double s = -b.rho[i] / b.t;
            double avgG = avg2[i * (d + 1) + d];
            for (int c = 0; c < d; c++) {
                double xi = x[i * d + c];
                v[i * d + c] = s * (gp[i] * (b.avgX[i * d + c] - xi) + avg2[i * (d + 1) + c] - avgG * xi);
            }
        }
        return new Evaluation(b.value, create.fromArray(v, n, d));
    }

    /** The blob densities {@code rho_i}, the energy, and (if asked) the kernel means of the neighbours. */
    private Blob densities(Tensor particles, boolean withMeans) {
        if (!bandwidth.isFixed()) {
            return ((BlobInternalEnergy) fixedAt(particles)).densities(particles, withMeans);
        }
        int n = particles.rows();
        int d = particles.cols();
        double eps = bandwidth.fixed();
        double t = eps * eps;
        double[] x = particles.toArray();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                mean[c] += x[i * d + c];
            }
        }
        for (int c = 0; c < d; c++) {
            mean[c] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                x[i * d + c] -= mean[c];
            }
        }
        Creation create = particles.backend().create();
        Tensor centred = create.fromArray(x, n, d);
        Tensor values = withMeans ? centred : create.zeros(n, 1);
        KernelAverage ka = particles.backend().kernels().kernelAverage(centred, centred, values, null, t);
        double[] lse = ka.logSumExp().toArray();
        // phi_eps(0) = (2 pi t)^(-d/2); rho_i = phi(0)/N sum_j exp(-|x_i - x_j|^2 / (2t)) >= phi(0)/N > 0
        double logPhi0 = -0.5 * d * Math.log(2 * Math.PI * t);
        double logN = Math.log(n);
        double[] rho = new double[n];
        double value = 0;
        for (int i = 0; i < n; i++) {
            rho[i] = Math.exp(logPhi0 + lse[i] - logN);
            value += density.energyPerMass(rho[i]);
        }
        value /= n;
        return new Blob(n, d, t, x, centred, rho, value, withMeans ? ka.average().toArray() : null);
    }

    private record Blob(int n, int d, double t, double[] x, Tensor centred, double[] rho, double value, double[] avgX) {
    }

    @Override
    public String toString() {
        return describe();
    }
}
