package org.daetransport.transport.dae;

import org.daetransport.api.Tensor;
import org.daetransport.transport.law.GaussianLaw;
import org.daetransport.transport.law.SymmetricMatrices;

/**
 * The optimal DAE of {@code N(m, S)} for noise {@code N(0, C)}: the affine map
 * {@code g(x) = m + A (x - m)} with {@code A = S (S + C)^-1}.
 */
public final class GaussianDae implements OptimalDae {

    private final GaussianLaw law;
    private final double[][] noiseCov;
    private final double[] mean;
    private final double[][] gain;

    GaussianDae(GaussianLaw law, double[][] noiseCov, boolean isotropic) {
        this.law = law;
        this.noiseCov = noiseCov;
        this.mean = law.mean();
        if (isotropic) {
            // per eigenvalue lambda/(lambda+t): no cancellation, exact down to tiny t
            double t = noiseCov[0][0];
            this.gain = law.eigen().apply(l -> l / (l + t));
        } else {
            double[][] noised = SymmetricMatrices.addScaled(law.covariance(), 1.0, noiseCov);
            double[][] inverse = SymmetricMatrices.eigen(noised).apply(v -> 1.0 / v);
            this.gain = SymmetricMatrices.multiply(law.covariance(), inverse);
        }
    }

    @Override
    public GaussianLaw law() {
        return law;
    }

    @Override
    public double[][] noiseCovariance() {
        return SymmetricMatrices.copy(noiseCov);
    }

    /** A copy of the gain {@code A = S (S + C)^-1}. */
    public double[][] gain() {
        return SymmetricMatrices.copy(gain);
    }

    /** {@code g # law}: {@code N(m, A S A^T)}, per eigenvalue {@code lambda^3/(lambda+t)^2} for isotropic noise. */
    public GaussianLaw pushforward() {
        return pushforward(law);
    }

    /** {@code g # N(m_in, S_in)} = {@code N(m + A(m_in - m), A S_in A^T)}: this fixed map applied to another Gaussian. */
    public GaussianLaw pushforward(GaussianLaw input) {
        law.requireDim(input.dim(), "the input law's points");
        double[] m = apply(input.mean());
        double[][] cov = SymmetricMatrices.multiply(SymmetricMatrices.multiply(gain, input.covariance()),
                SymmetricMatrices.transpose(gain));
        return new GaussianLaw(m, SymmetricMatrices.symmetrize(cov));
    }

    /** {@code g(x)} for one point (not modified). */
    public double[] apply(double[] x) {
        law.requireDim(x.length, "x");
        double[] out = new double[x.length];
        applyInto(x, 0, out, 0);
        return out;
    }

    private void applyInto(double[] x, int off, double[] out, int outOff) {
        int d = mean.length;
        for (int i = 0; i < d; i++) {
            double s = mean[i];
            for (int j = 0; j < d; j++) {
                s += gain[i][j] * (x[off + j] - mean[j]);
            }
            out[outOff + i] = s;
        }
    }

    @Override
    public Tensor apply(Tensor points) {
        requirePoints(points);
        int n = points.rows();
        int d = points.cols();
        double[] x = points.toArray();
        double[] out = new double[n * d];
        for (int r = 0; r < n; r++) {
            applyInto(x, r * d, out, r * d);
        }
        return points.backend().create().fromArray(out, n, d);
    }
}
