package org.daetransport.flows;

/**
 * A functional {@code ∫ U(rho)} that depends on the density. Particle schemes estimate it by the
 * blob method; one-dimensional Lagrangian schemes ({@link QuantileScheme1D}) use {@link #density()}
 * directly.
 */
public interface InternalEnergy extends Functional {

    /** The integrand {@code U}. */
    EnergyDensity density();
}
