package org.example.plugin;

import org.daetransport.api.Tensor;
import org.daetransport.flows.Functional;
import org.daetransport.flows.FunctionalFactory;
import org.daetransport.flows.Params;

import java.util.Map;

/**
 * A plug-in functional written outside the flows package: the spring potential
 * {@code ∫ k |x|^2 / 2 drho}, whose flow is {@code x_t = e^{-kt} x_0}. Declared in
 * {@code META-INF/services/org.daetransport.flows.FunctionalFactory}.
 */
public final class SpringFactory implements FunctionalFactory {

    @Override
    public String name() {
        return "spring";
    }

    @Override
    public Functional create(Map<String, Object> params, int dim) {
        Params.requireOnly(params, "k");
        double k = Params.number(params, "k");
        if (!(k > 0)) {
            throw new IllegalArgumentException("spring constant k must be positive, got " + k);
        }
        return new Spring(k);
    }

    /** The spring energy itself. */
    static final class Spring implements Functional {
        private final double k;

        Spring(double k) {
            this.k = k;
        }

        @Override
        public String name() {
            return "spring";
        }

        @Override
        public double value(Tensor particles) {
            double s = 0;
            for (double v : particles.toArray()) {
                s += 0.5 * k * v * v;
            }
            return s / particles.rows();
        }

        @Override
        public Tensor velocity(Tensor particles) {
            return particles.backend().linalg().scale(particles, -k);
        }
    }
}
