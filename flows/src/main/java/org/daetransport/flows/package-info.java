/**
 * Wasserstein gradient flows of extensible functionals (PAPER.md section 5).
 *
 * <p><b>Functionals.</b> A {@link org.daetransport.flows.Functional} gives a particle estimate of
 * {@code F[rho]} and the particle velocity {@code -grad dF/drho}, which is exactly {@code -N} times
 * the gradient of the estimate. Built-ins: {@link org.daetransport.flows.QuadraticPotential},
 * {@link org.daetransport.flows.Potential} (any {@link org.daetransport.flows.ScalarField}),
 * {@link org.daetransport.flows.QuadraticInteraction}, {@link org.daetransport.flows.PairInteraction}
 * (any kernel, e.g. the 1-D log-quadratic one) and the internal energies entropy and Renyi through
 * {@link org.daetransport.flows.BlobInternalEnergy} (the blob method, with the bandwidth rule of
 * {@link org.daetransport.flows.Bandwidth}). Sums and multiples are
 * {@link org.daetransport.flows.WeightedSum}s.
 *
 * <p><b>Energy files.</b> {@link org.daetransport.flows.Energy#parse} builds the sum of the terms of
 * an energy file through a {@link org.daetransport.flows.FunctionalRegistry}: the built-ins
 * ({@code entropy}, {@code potential}, {@code interaction}, {@code renyi}) and every
 * {@link org.daetransport.flows.FunctionalFactory} found by {@link java.util.ServiceLoader}.
 *
 * <p><b>Schemes</b> ({@link org.daetransport.flows.FlowScheme}): explicit particles
 * ({@link org.daetransport.flows.ExplicitParticleScheme}, with blow-up detection), implicit JKO
 * ({@link org.daetransport.flows.JkoParticleScheme}, L-BFGS per step), the exact Gaussian flow
 * ({@link org.daetransport.flows.GaussianScheme}) and the 1-D Lagrangian reference
 * ({@link org.daetransport.flows.QuantileScheme1D}). Each reports to a
 * {@link org.daetransport.api.StepHandler} and returns a {@link org.daetransport.flows.FlowResult}
 * with its {@link org.daetransport.flows.Provenance}.
 */
package org.daetransport.flows;
