package com.example.wgfplugin;

import java.util.Map;
import org.daetransport.api.Tensor;
import org.daetransport.flows.Functional;
import org.daetransport.flows.FunctionalFactory;
import org.daetransport.flows.Params;

/**
 * A third-party functional, found through ServiceLoader: {@code {"type":"confinement","c":c}} is
 * {@code ∫ c/2 |x|^2 drho}, whose flow moves each particle with velocity {@code -c x}.
 */
public final class ConfinementFactory implements FunctionalFactory {

    @Override
    public String name() {
        return "confinement";
    }

    @Override
    public Functional create(Map<String, Object> params, int dim) {
        Params.requireOnly(params, "c");
        double c = Params.number(params, "c");
        if (!(c > 0)) {
            throw new IllegalArgumentException("field \"c\" must be positive, got " + c);
        }
        return new Confinement(c);
    }

    /** {@code (1/N) sum_i c/2 |x_i|^2}, velocity {@code -c x_i}. */
    record Confinement(double c) implements Functional {
        @Override
        public String name() {
            return "confinement";
        }

        @Override
        public double value(Tensor particles) {
            double s = 0;
            for (double v : particles.toArray()) {
                s += v * v;
            }
            return 0.5 * c * s / particles.rows();
        }

        @Override
        public Tensor velocity(Tensor particles) {
            return particles.backend().linalg().scale(particles, -c);
        }
    }
}
