package org.daetransport.transport.law;

import org.daetransport.api.Backend;
import org.daetransport.api.SeededNormal;
import org.daetransport.api.ShapeException;
import org.daetransport.api.Tensor;

import java.util.List;
import java.util.SplittableRandom;

/** A Gaussian mixture {@code sum_k pi_k N(m_k, S_k)}. Immutable. */
public final class MixtureLaw implements Law {

    /** Tolerance on {@code |sum_k pi_k - 1|}. */
    public static final double WEIGHT_SUM_TOLERANCE = 1e-9;

    /** One component: weight {@code pi_k >= 0} and law {@code N(m_k, S_k)}. */
    public record Component(double weight, GaussianLaw law) {
        public Component {
            if (!Double.isFinite(weight) || weight < 0) {
                throw new IllegalArgumentException("mixture weight must be finite and >= 0, got " + weight);
            }
            if (law == null) {
                throw new IllegalArgumentException("mixture component law is null");
            }
        }
    }

    private final List<Component> components;

    /**
     * @param components at least one component, all of one dimension, weights summing to 1
     *                   within {@link #WEIGHT_SUM_TOLERANCE}
     */
    public MixtureLaw(List<Component> components) {
        if (components == null || components.isEmpty()) {
            throw new IllegalArgumentException("a mixture needs at least one component");
        }
        int d = components.get(0).law().dim();
        double sum = 0;
        for (int k = 0; k < components.size(); k++) {
            Component c = components.get(k);
            if (c.law().dim() != d) {
                throw new ShapeException("mixture component " + k + " has dimension " + c.law().dim()
                        + " but component 0 has dimension " + d);
            }
            sum += c.weight();
        }
        if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
            throw new IllegalArgumentException("mixture weights must sum to 1, they sum to " + sum);
        }
        this.components = List.copyOf(components);
    }

    /** The one-component mixture of {@code law}. */
    public static MixtureLaw of(GaussianLaw law) {
        return new MixtureLaw(List.of(new Component(1.0, law)));
    }

    public List<Component> components() {
        return components;
    }

    @Override
    public int dim() {
        return components.get(0).law().dim();
    }

    /** The global mean {@code sum_k pi_k m_k}. */
    public double[] mean() {
        double[] m = new double[dim()];
        for (Component c : components) {
            double[] mk = c.law().mean();
            for (int i = 0; i < m.length; i++) {
                m[i] += c.weight() * mk[i];
            }
        }
        return m;
    }

    /** The smallest covariance eigenvalue over the components of positive weight. */
    public double minEigenvalue() {
        double min = Double.POSITIVE_INFINITY;
        for (Component c : components) {
            if (c.weight() > 0) {
                min = Math.min(min, c.law().minEigenvalue());
            }
        }
        return min;
    }

    /** {@code n} seeded samples as an n x d tensor of {@code backend}. */
    public Tensor sample(int n, long seed, Backend backend) {
        int d = dim();
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = new double[n * d];
        double[] z = new double[d];
        for (int r = 0; r < n; r++) {
            double u = random.nextDouble();
            int chosen = components.size() - 1;
            double acc = 0;
            for (int k = 0; k < components.size(); k++) {
                acc += components.get(k).weight();
                if (u < acc) {
                    chosen = k;
                    break;
                }
            }
            SeededNormal.fill(z, random);
            double[] x = components.get(chosen).law().transformStandard(z, 1);
            System.arraycopy(x, 0, out, r * d, d);
        }
        return backend.create().fromArray(out, n, d);
    }
}
