package org.daetransport.transport.law;

import java.util.stream.IntStream;

/**
 * The score {@code grad log sum_k pi_k N(x; m_k, M_k)} of a Gaussian mixture with modified
 * covariances {@code M_k} (the noised law {@code S_k + C} of a DAE, or {@code S_k - 2tI} along the
 * continuous DAE), computed with responsibilities in log-space so that far-away points and tiny
 * covariances neither underflow nor overflow.
 */
public final class MixtureScore {

    private static final int PARALLEL_WORK = 1 << 16;

    private final int d;
    private final double[] logWeightsAndNorm;
    private final double[][] means;
    private final double[][][] precisions;

    private MixtureScore(int d, double[] logWeightsAndNorm, double[][] means, double[][][] precisions) {
        this.d = d;
        this.logWeightsAndNorm = logWeightsAndNorm;
        this.means = means;
        this.precisions = precisions;
    }

    /** The score of {@code sum_k pi_k N(m_k, S_k + c)}; {@code c} must be symmetric positive semi-definite. */
    public static MixtureScore withAddedCovariance(MixtureLaw law, double[][] c) {
        return build(law, k -> SymmetricMatrices.eigen(
                SymmetricMatrices.addScaled(law.components().get(k).law().covariance(), 1.0, c)));
    }

    /**
     * The score of {@code sum_k pi_k N(m_k, S_k + shift I)}.
     *
     * @throws org.daetransport.api.NumericalFailureException if some {@code S_k + shift I} is not positive definite
     */
    public static MixtureScore withShift(MixtureLaw law, double shift) {
        return build(law, k -> {
            SymmetricMatrices.Eigen e = law.components().get(k).law().eigen();
            double[] values = e.values().clone();
            for (int i = 0; i < values.length; i++) {
                values[i] += shift;
            }
            return new SymmetricMatrices.Eigen(values, e.vectors());
        });
    }

    private static MixtureScore build(MixtureLaw law, java.util.function.IntFunction<SymmetricMatrices.Eigen> covariance) {
        int d = law.dim();
        int kept = 0;
        for (MixtureLaw.Component c : law.components()) {
            if (c.weight() > 0) {
                kept++;
            }
        }
        double[] logw = new double[kept];
        double[][] means = new double[kept][];
        double[][][] precisions = new double[kept][][];
        int j = 0;
        for (int k = 0; k < law.components().size(); k++) {
            MixtureLaw.Component c = law.components().get(k);
            if (c.weight() == 0) {
                continue; // log 0: the component never gets responsibility
            }
            SymmetricMatrices.Eigen e = covariance.apply(k);
            if (!(e.min() > 0)) {
                throw new org.daetransport.api.NumericalFailureException("mixture component " + k
                        + " has a covariance that is not positive definite: smallest eigenvalue " + Numbers.plain(e.min()));
            }
            double logDet = 0;
            for (double v : e.values()) {
                logDet += Math.log(v);
            }
            // the common -d/2 log(2 pi) cancels in the responsibilities
            logw[j] = Math.log(c.weight()) - 0.5 * logDet;
            means[j] = c.law().mean();
            precisions[j] = e.apply(v -> 1.0 / v);
            j++;
        }
        return new MixtureScore(d, logw, means, precisions);
    }

    public int dim() {
        return d;
    }

    /**
     * Writes the score at the n points {@code x} (row-major n x d) into {@code out} (row-major n x d;
     * modified). {@code x} is not modified.
     */
    public void scoreInto(double[] x, int n, double[] out) {
        if ((long) n * means.length * d * d < PARALLEL_WORK) {
            scoreRange(x, out, 0, n);
        } else {
            int blocks = (n + 255) / 256;
            IntStream.range(0, blocks).parallel().forEach(b -> scoreRange(x, out, b * 256, Math.min(n, (b + 1) * 256)));
        }
    }

    private void scoreRange(double[] x, double[] out, int from, int to) {
        int kc = means.length;
        double[] logits = new double[kc];
        double[][] pull = new double[kc][d];
        double[] diff = new double[d];
        for (int r = from; r < to; r++) {
            int off = r * d;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < kc; k++) {
                for (int i = 0; i < d; i++) {
                    diff[i] = means[k][i] - x[off + i];
                }
                double q = 0;
                for (int i = 0; i < d; i++) {
                    double s = 0;
                    for (int l = 0; l < d; l++) {
                        s += precisions[k][i][l] * diff[l];
                    }
                    pull[k][i] = s; // M_k^-1 (m_k - x)
                    q += diff[i] * s;
                }
                logits[k] = logWeightsAndNorm[k] - 0.5 * q;
                max = Math.max(max, logits[k]);
            }
            double z = 0;
            for (int k = 0; k < kc; k++) {
                logits[k] = Math.exp(logits[k] - max);
                z += logits[k];
            }
            for (int i = 0; i < d; i++) {
                double s = 0;
                for (int k = 0; k < kc; k++) {
                    s += logits[k] * pull[k][i];
                }
                out[off + i] = s / z;
            }
        }
    }
}
