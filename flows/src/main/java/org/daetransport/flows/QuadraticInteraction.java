package org.daetransport.flows;

import org.daetransport.api.Tensor;

/**
 * The interaction energy {@code 1/2 ∫∫ W(x-y)} of {@code W = |x|^2/2}, in closed form through the
 * mean {@code m}: value {@code (1/(2N)) sum |x_i - m|^2}, velocity {@code -(x_i - m)}. O(N).
 */
public final class QuadraticInteraction implements Functional {

    @Override
    public String name() {
        return "interaction";
    }

    @Override
    public String describe() {
        return "interaction(quadratic)";
    }

    @Override
    public double value(Tensor particles) {
        return evaluate(particles).value();
    }

    @Override
    public Tensor velocity(Tensor particles) {
        return evaluate(particles).velocity();
    }

    @Override
    public Evaluation evaluate(Tensor particles) {
        int n = particles.rows();
        int d = particles.cols();
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
        double ss = 0;
        double[] v = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                double z = x[i * d + c] - mean[c];
                v[i * d + c] = -z;
                ss += z * z;
            }
        }
        return new Evaluation(ss / (2.0 * n), particles.backend().create().fromArray(v, n, d));
    }

    @Override
    public String toString() {
        return describe();
    }
}
