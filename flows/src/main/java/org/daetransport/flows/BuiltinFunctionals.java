package org.daetransport.flows;

import java.util.List;
import java.util.Map;

/**
 * The built-in energy terms of {@code CLI.md}:
 * <ul>
 *   <li>{@code entropy}: {@code ∫ rho log rho} (blob); optional {@code bandwidth} (fixed eps) or
 *       {@code bandwidthFactor} (factor of the rule, see {@link Bandwidth});</li>
 *   <li>{@code potential}: {@code A} (symmetric positive definite), {@code b} (default 0);</li>
 *   <li>{@code interaction}: {@code kernel} {@code "quadratic"} (default) or {@code "log-quadratic"} (1-D);</li>
 *   <li>{@code renyi}: {@code m > 1}, {@code ∫ rho^m/(m-1)} (blob), bandwidth fields as for entropy.</li>
 * </ul>
 * The {@code weight} field of every term is applied by {@link Energy#parse}.
 */
final class BuiltinFunctionals {

    private BuiltinFunctionals() {
    }

    static List<FunctionalFactory> factories() {
        return List.of(new EntropyFactory(), new PotentialFactory(), new InteractionFactory(), new RenyiFactory());
    }

    static Bandwidth bandwidth(Map<String, Object> params) {
        if (params.containsKey("bandwidth") && params.containsKey("bandwidthFactor")) {
            throw new IllegalArgumentException("give either \"bandwidth\" or \"bandwidthFactor\", not both");
        }
        if (params.containsKey("bandwidth")) {
            return Bandwidth.fixed(Params.number(params, "bandwidth"));
        }
        return Bandwidth.rule(Params.number(params, "bandwidthFactor", Bandwidth.DEFAULT_FACTOR));
    }

    static final class EntropyFactory implements FunctionalFactory {
        @Override public String name() { return "entropy"; }

        @Override
        public Functional create(Map<String, Object> params, int dim) {
            Params.requireOnly(params, "bandwidth", "bandwidthFactor");
            return new BlobInternalEnergy(EnergyDensity.ENTROPY, bandwidth(params));
        }
    }

    static final class RenyiFactory implements FunctionalFactory {
        @Override public String name() { return "renyi"; }

        @Override
        public Functional create(Map<String, Object> params, int dim) {
            Params.requireOnly(params, "m", "bandwidth", "bandwidthFactor");
            return new BlobInternalEnergy(EnergyDensity.renyi(Params.number(params, "m")), bandwidth(params));
        }
    }

    static final class PotentialFactory implements FunctionalFactory {
        @Override public String name() { return "potential"; }

        @Override
        public Functional create(Map<String, Object> params, int dim) {
            Params.requireOnly(params, "A", "b");
            double[][] a = Params.matrix(params, "A", dim);
            double[] b = params.containsKey("b") ? Params.vector(params, "b", dim) : new double[dim];
            return new QuadraticPotential(a, b);
        }
    }

    static final class InteractionFactory implements FunctionalFactory {
        @Override public String name() { return "interaction"; }

        @Override
        public Functional create(Map<String, Object> params, int dim) {
            Params.requireOnly(params, "kernel");
            String kernel = Params.string(params, "kernel", "quadratic");
            switch (kernel) {
                case "quadratic":
                    return new QuadraticInteraction();
                case "log-quadratic":
                    if (dim != 1) {
                        throw new IllegalArgumentException("the log-quadratic kernel is one-dimensional, the particles have dimension " + dim);
                    }
                    return new PairInteraction("interaction(log-quadratic)", PairInteraction.logQuadratic1D());
                default:
                    throw new IllegalArgumentException("unknown interaction kernel '" + kernel + "'; known kernels: quadratic, log-quadratic");
            }
        }
    }
}
