package org.daetransport.transport.dae;

import org.daetransport.api.Tensor;
import org.daetransport.transport.law.MixtureLaw;
import org.daetransport.transport.law.MixtureScore;
import org.daetransport.transport.law.SymmetricMatrices;

/**
 * The optimal DAE of a Gaussian mixture for noise {@code N(0, C)}:
 * {@code g(x) = sum_k gamma_k(x) [m_k + S_k (S_k + C)^-1 (x - m_k)] = x + C grad log p_C(x)} with
 * {@code p_C = sum_k pi_k N(m_k, S_k + C)} and responsibilities
 * {@code gamma_k ∝ pi_k N(x; m_k, S_k + C)} computed in log-space.
 */
public final class MixtureDae implements OptimalDae {

    private final MixtureLaw law;
    private final double[][] noiseCov;
    private final MixtureScore score;

    MixtureDae(MixtureLaw law, double[][] noiseCov) {
        this.law = law;
        this.noiseCov = noiseCov;
        this.score = MixtureScore.withAddedCovariance(law, noiseCov);
    }

    @Override
    public MixtureLaw law() {
        return law;
    }

    @Override
    public double[][] noiseCovariance() {
        return SymmetricMatrices.copy(noiseCov);
    }

    @Override
    public Tensor apply(Tensor points) {
        requirePoints(points);
        int n = points.rows();
        int d = points.cols();
        double[] x = points.toArray();
        double[] s = new double[n * d];
        score.scoreInto(x, n, s);
        double[] out = new double[n * d];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < d; i++) {
                double v = x[r * d + i];
                for (int j = 0; j < d; j++) {
                    v += noiseCov[i][j] * s[r * d + j];
                }
                out[r * d + i] = v;
            }
        }
        return points.backend().create().fromArray(out, n, d);
    }
}
