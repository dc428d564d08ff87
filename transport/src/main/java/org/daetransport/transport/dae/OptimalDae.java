package org.daetransport.transport.dae;

import org.daetransport.api.Checks;
import org.daetransport.api.ShapeException;
import org.daetransport.api.Tensor;
import org.daetransport.api.TransportMap;
import org.daetransport.transport.law.EmpiricalLaw;
import org.daetransport.transport.law.GaussianLaw;
import org.daetransport.transport.law.Law;
import org.daetransport.transport.law.MixtureLaw;
import org.daetransport.transport.law.SymmetricMatrices;

/**
 * The optimal denoising autoencoder of a law for Gaussian noise {@code N(0, C)} (Tweedie/Miyasawa):
 * {@code g(x) = E[X | X + eps = x] = x + C grad log (p_0 * N(0, C))(x)}. Isotropic noise of
 * variance {@code t} is {@code C = t I}. It is a transport map of {@code R^d} into itself; it works on
 * tensors of any backend and returns tensors of the same backend.
 */
public sealed interface OptimalDae extends TransportMap permits GaussianDae, MixtureDae, EmpiricalDae {

    /** The law the DAE is optimal for. */
    Law law();

    /** A copy of the noise covariance {@code C}. */
    double[][] noiseCovariance();

    @Override
    default int inputDim() {
        return law().dim();
    }

    @Override
    default int outputDim() {
        return law().dim();
    }

    /**
     * The optimal DAE of {@code law} for isotropic noise of variance {@code t}.
     *
     * @throws IllegalArgumentException if {@code t} is not positive and finite (NaN included)
     */
    static OptimalDae of(Law law, double t) {
        Checks.requirePositive(t, "noise variance t");
        return create(law, SymmetricMatrices.scaledIdentity(law.dim(), t), true);
    }

    /**
     * The optimal DAE of {@code law} for anisotropic noise {@code N(0, noiseCov)}; {@code noiseCov}
     * (d x d, symmetric positive definite) is copied, not modified.
     *
     * @throws ShapeException                                      if the dimensions differ (both are named)
     * @throws org.daetransport.api.NotPositiveDefiniteException naming the smallest eigenvalue
     */
    static OptimalDae of(Law law, double[][] noiseCov) {
        if (noiseCov.length != law.dim()) {
            throw new ShapeException("noise covariance has dimension " + noiseCov.length
                    + " but the law has dimension " + law.dim());
        }
        double[][] c = SymmetricMatrices.copySquare(noiseCov, law.dim(), "noise covariance");
        SymmetricMatrices.requireSpd(c, "noise covariance");
        return create(law, SymmetricMatrices.symmetrize(c), false);
    }

    private static OptimalDae create(Law law, double[][] c, boolean isotropic) {
        if (law instanceof GaussianLaw g) {
            return new GaussianDae(g, c, isotropic);
        }
        if (law instanceof MixtureLaw m) {
            return new MixtureDae(m, c);
        }
        return new EmpiricalDae((EmpiricalLaw) law, c, isotropic);
    }

    /** Fails unless {@code points} has the law's dimension, naming both. */
    default void requirePoints(Tensor points) {
        law().requireDim(points.cols(), "points");
    }
}
