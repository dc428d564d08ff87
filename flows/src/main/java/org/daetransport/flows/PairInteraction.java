package org.daetransport.flows;

import org.daetransport.api.NumericalFailureException;
import org.daetransport.api.Tensor;

import java.util.stream.IntStream;

/**
 * The interaction energy {@code 1/2 ∫∫ W(x-y) drho drho} of any even kernel {@code W} with its
 * gradient, over distinct pairs (so kernels singular at 0 are allowed): value
 * {@code (1/(2N^2)) sum_{i != j} W(x_i - x_j)}, velocity {@code -(1/N) sum_{j != i} grad W(x_i - x_j)}.
 * O(N^2) time in blocks of queries run in parallel, O(N) memory.
 */
public final class PairInteraction implements Functional {

    private static final int BLOCK = 64;

    private final String name;
    private final ScalarField w;

    /** The interaction energy of the even kernel {@code w}, called {@code name}. */
    public PairInteraction(String name, ScalarField w) {
        this.name = name;
        this.w = w;
    }

    /** The 1-D kernel {@code W = x^2/2 - ln|x|} (aggregation to the semicircle law). */
    public static ScalarField logQuadratic1D() {
        return new ScalarField() {
            @Override
            public double value(double[] x) {
                return 0.5 * x[0] * x[0] - Math.log(Math.abs(x[0]));
            }

            @Override
            public void gradient(double[] x, double[] out) {
                out[0] = x[0] - 1.0 / x[0];
            }
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double value(Tensor particles) {
        return evaluate(particles, false).value();
    }

    @Override
    public Tensor velocity(Tensor particles) {
        return evaluate(particles, true).velocity();
    }

    @Override
    public Evaluation evaluate(Tensor particles) {
        return evaluate(particles, true);
    }

    private Evaluation evaluate(Tensor particles, boolean withVelocity) {
        int n = particles.rows();
        int d = particles.cols();
        double[] x = particles.toArray();
        double[] v = new double[n * d];
        double[] blockValues = new double[(n + BLOCK - 1) / BLOCK];
        IntStream.range(0, blockValues.length).parallel().forEach(blk -> {
            double[] z = new double[d];
            double[] g = new double[d];
            double sum = 0;
            for (int i = blk * BLOCK; i < Math.min(n, (blk + 1) * BLOCK); i++) {
                for (int j = 0; j < n; j++) {
                    if (j == i) {
                        continue;
                    }
                    for (int c = 0; c < d; c++) {
                        z[c] = x[i * d + c] - x[j * d + c];
                    }
                    sum += w.value(z);
                    if (withVelocity) {
                        w.gradient(z, g);
                        for (int c = 0; c < d; c++) {
                            v[i * d + c] -= g[c] / n;
                        }
                    }
                }
            }
            blockValues[blk] = sum;
        });
        double total = 0;
        for (double s : blockValues) {
            total += s;
        }
        double value = total / (2.0 * n * n);
        if (withVelocity) {
            for (int k = 0; k < v.length; k++) {
                if (!Double.isFinite(v[k])) {
                    throw new NumericalFailureException("the " + name + " interaction velocity of particle " + (k / d)
                            + " is not finite: two particles coincide where the kernel is singular");
                }
            }
        }
        Tensor vel = withVelocity ? particles.backend().create().fromArray(v, n, d) : null;
        return new Evaluation(value, vel);
    }

    @Override
    public String toString() {
        return name;
    }
}
