package org.daetransport.flows;

import org.daetransport.api.NotPositiveDefiniteException;
import org.daetransport.api.Tensor;

import java.util.Locale;

/**
 * {@code ∫ 1/2 (x-b)^T A (x-b) drho} with {@code A} symmetric positive definite: the confinement
 * of the Ornstein-Uhlenbeck process. Velocity {@code -A (x_i - b)}.
 */
public final class QuadraticPotential implements Functional {

    private final double[][] a;
    private final double[] b;

    /**
     * @param a symmetric positive-definite d x d matrix (copied)
     * @param b centre, length d (copied)
     * @throws NotPositiveDefiniteException naming the smallest eigenvalue if {@code a} is not positive definite
     * @throws IllegalArgumentException if {@code a} is not symmetric or shapes disagree
     */
    public QuadraticPotential(double[][] a, double[] b) {
        int d = b.length;
        if (a.length != d) {
            throw new IllegalArgumentException("potential matrix A has " + a.length + " rows but b has " + d + " entries");
        }
        this.a = new double[d][];
        for (int i = 0; i < d; i++) {
            if (a[i].length != d) {
                throw new IllegalArgumentException("potential matrix A must be " + d + "x" + d + ", row " + i + " has " + a[i].length);
            }
            this.a[i] = a[i].clone();
        }
        this.b = b.clone();
        SmallMatrix.requireSymmetric(this.a, "potential matrix A");
        double min = SmallMatrix.eigen(this.a).min();
        if (!(min > 0)) {
            throw new NotPositiveDefiniteException(String.format(Locale.ROOT,
                    "potential matrix A must be positive definite; its smallest eigenvalue is %.6g", min));
        }
    }

    /** A copy of {@code A}. */
    public double[][] matrix() {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** A copy of {@code b}. */
    public double[] centre() {
        return b.clone();
    }

    @Override
    public String name() {
        return "potential";
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
        int d = requireDim(particles);
        double[] x = particles.toArray();
        double[] v = new double[n * d];
        double[] z = new double[d];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                z[c] = x[i * d + c] - b[c];
            }
            for (int r = 0; r < d; r++) {
                double az = 0;
                for (int c = 0; c < d; c++) {
                    az += a[r][c] * z[c];
                }
                v[i * d + r] = -az;
                sum += 0.5 * z[r] * az;
            }
        }
        return new Evaluation(sum / n, particles.backend().create().fromArray(v, n, d));
    }

    private int requireDim(Tensor particles) {
        if (particles.cols() != b.length) {
            throw new IllegalArgumentException("potential of dimension " + b.length + " given particles of dimension " + particles.cols());
        }
        return b.length;
    }

    @Override
    public String describe() {
        return "potential(A=" + java.util.Arrays.deepToString(a) + ", b=" + java.util.Arrays.toString(b) + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
