package org.daetransport.transport.dae;

import org.daetransport.api.Backend;
import org.daetransport.api.Tensor;
import org.daetransport.transport.law.EmpiricalLaw;
import org.daetransport.transport.law.SymmetricMatrices;

/**
 * The optimal DAE of an empirical law {@code (1/n) sum_i delta_{x_i}}: the softmax kernel smoother
 * {@code g(x) = sum_i w_i(x) x_i}, {@code w_i ∝ exp(-(x - x_i)^T C^-1 (x - x_i) / 2)}, computed by the
 * backend's blocked kernel (log-sum-exp, O(N + n) memory).
 *
 * <p>Anisotropic noise: with {@code W = C^(-1/2)}, {@code (x - x_i)^T C^-1 (x - x_i) = |W x - W x_i|^2},
 * so the weights are those of the isotropic kernel of variance 1 on whitened coordinates; the values
 * averaged are the original sample points, so no map back is needed.
 */
public final class EmpiricalDae implements OptimalDae {

    private final EmpiricalLaw law;
    private final double[][] noiseCov;
    private final boolean isotropic;
    private final double[][] whitening;

    EmpiricalDae(EmpiricalLaw law, double[][] noiseCov, boolean isotropic) {
        this.law = law;
        this.noiseCov = noiseCov;
        this.isotropic = isotropic;
        this.whitening = isotropic ? null : SymmetricMatrices.eigen(noiseCov).apply(v -> 1.0 / Math.sqrt(v));
    }

    @Override
    public EmpiricalLaw law() {
        return law;
    }

    @Override
    public double[][] noiseCovariance() {
        return SymmetricMatrices.copy(noiseCov);
    }

    @Override
    public Tensor apply(Tensor points) {
        requirePoints(points);
        Backend backend = points.backend();
        Tensor sample = law.sampleOn(backend);
        if (isotropic) {
            return backend.kernels().kernelWeightedAverage(points, sample, noiseCov[0][0]);
        }
        Tensor w = backend.create().fromRows(whitening);
        Tensor xw = backend.linalg().matmul(points, w);
        Tensor yw = backend.linalg().matmul(sample, w);
        return backend.kernels().kernelAverage(xw, yw, sample, null, 1.0).average();
    }
}
