package org.daetransport.flows;

import org.daetransport.api.Tensor;

/**
 * The potential energy {@code ∫ V drho} of any function {@code V} with its gradient: value
 * {@code (1/N) sum_i V(x_i)}, velocity {@code -grad V(x_i)}.
 */
public final class Potential implements Functional {

    private final String name;
    private final ScalarField v;

    /** The potential energy of {@code v}, called {@code name}. */
    public Potential(String name, ScalarField v) {
        this.name = name;
        this.v = v;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double value(Tensor particles) {
        int n = particles.rows();
        int d = particles.cols();
        double[] x = particles.toArray();
        double[] xi = new double[d];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * d, xi, 0, d);
            sum += v.value(xi);
        }
        return sum / n;
    }

    @Override
    public Tensor velocity(Tensor particles) {
        int n = particles.rows();
        int d = particles.cols();
        double[] x = particles.toArray();
        double[] xi = new double[d];
        double[] g = new double[d];
        double[] out = new double[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * d, xi, 0, d);
            v.gradient(xi, g);
            for (int c = 0; c < d; c++) {
                out[i * d + c] = -g[c];
            }
        }
        return particles.backend().create().fromArray(out, n, d);
    }

    @Override
    public String toString() {
        return name;
    }
}
