package org.daetransport.flows;

/**
 * The integrand {@code U} of an internal energy {@code ∫ U(rho(x)) dx}, with what particle schemes
 * need of it: the pressure {@code P(rho) = rho U'(rho) - U(rho)} (so that
 * {@code rho grad U'(rho) = grad P(rho)}) and the energy per unit mass {@code G(rho) = U(rho)/rho},
 * whose derivative is {@code G'(rho) = P(rho)/rho^2}.
 */
public interface EnergyDensity {

    /** A short name, e.g. {@code "entropy"}. */
    String name();

    /** {@code U(rho)} for {@code rho > 0}. */
    double energy(double rho);

    /** {@code P(rho) = rho U'(rho) - U(rho)}. */
    double pressure(double rho);

    /** {@code P'(rho)}, for the stability limit of explicit schemes. */
    double pressureDerivative(double rho);

    /** {@code G(rho) = U(rho)/rho}, the energy per unit mass. */
    default double energyPerMass(double rho) {
        return energy(rho) / rho;
    }

    /** {@code G'(rho) = P(rho)/rho^2}. */
    default double energyPerMassDerivative(double rho) {
        return pressure(rho) / (rho * rho);
    }

    /** Boltzmann entropy {@code U = rho log rho}: its flow is the heat equation. */
    EnergyDensity ENTROPY = new EnergyDensity() {
        @Override public String name() { return "entropy"; }
        @Override public double energy(double rho) { return rho * Math.log(rho); }
        @Override public double pressure(double rho) { return rho; }
        @Override public double pressureDerivative(double rho) { return 1.0; }
        @Override public double energyPerMass(double rho) { return Math.log(rho); }
        @Override public double energyPerMassDerivative(double rho) { return 1.0 / rho; }
    };

    /**
     * Renyi/Tsallis {@code U = rho^m/(m-1)}, {@code m > 1}: its flow is the porous medium equation
     * {@code d_t rho = Laplacian rho^m}.
     *
     * @throws IllegalArgumentException unless {@code m > 1}
     */
    static EnergyDensity renyi(double m) {
        if (!(m > 1) || !Double.isFinite(m)) {
            throw new IllegalArgumentException("Renyi exponent m must be greater than 1, got " + m);
        }
        return new Renyi(m);
    }

    /** {@link #renyi(double)}. */
    record Renyi(double m) implements EnergyDensity {
        @Override public String name() { return "renyi"; }
        @Override public double energy(double rho) { return Math.pow(rho, m) / (m - 1); }
        @Override public double pressure(double rho) { return Math.pow(rho, m); }
        @Override public double pressureDerivative(double rho) { return m * Math.pow(rho, m - 1); }
        @Override public double energyPerMass(double rho) { return Math.pow(rho, m - 1) / (m - 1); }
        @Override public double energyPerMassDerivative(double rho) { return Math.pow(rho, m - 2); }
    }
}
