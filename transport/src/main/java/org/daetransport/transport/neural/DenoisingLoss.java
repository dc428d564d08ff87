package org.daetransport.transport.neural;

import org.daetransport.api.Checks;
import org.daetransport.api.SeededNormal;
import org.daetransport.api.Tensor;

import java.util.SplittableRandom;

/**
 * The denoising objective {@code mean_i |g(x_i + eps_i) - x_i|^2} with {@code eps_i ~ N(0, t I)},
 * fresh noise for every mini-batch. Its minimiser over all maps is the optimal DAE
 * {@code E[X | X + eps = x]}.
 */
public final class DenoisingLoss implements Loss {

    private final double t;

    /** @param t the noise variance, positive and finite */
    public DenoisingLoss(double t) {
        this.t = Checks.requirePositive(t, "noise variance t");
    }

    public double t() {
        return t;
    }

    @Override
    public String name() {
        return "denoising";
    }

    /** {@code features + sqrt(t) Z}, Z standard normal from {@code random} (advanced; drawn in Java, backend independent). */
    @Override
    public Tensor input(Tensor features, SplittableRandom random) {
        double[] x = features.toArray();
        double[] eps = SeededNormal.fill(new double[x.length], random);
        double s = Math.sqrt(t);
        for (int i = 0; i < x.length; i++) {
            x[i] += s * eps[i];
        }
        return features.backend().create().fromArray(x, features.rows(), features.cols());
    }

    /** Squared error summed over coordinates, averaged over rows; gradient {@code 2 (output - target) / N}. */
    @Override
    public Evaluation evaluate(Tensor output, Tensor target) {
        return squaredError(output, target);
    }

    /** The batch-mean squared distance {@code (1/N) sum_i |a_i - b_i|^2} and its gradient in {@code a}. */
    static Evaluation squaredError(Tensor output, Tensor target) {
        var b = output.backend();
        Tensor diff = b.linalg().subtract(output, target);
        int n = output.rows();
        double value = b.reductions().sum(b.elementwise().square(diff)) / n;
        return new Evaluation(value, b.linalg().scale(diff, 2.0 / n));
    }
}
