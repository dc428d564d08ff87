package org.daetransport.transport.neural;

import org.daetransport.api.Backend;
import org.daetransport.api.Checks;
import org.daetransport.api.ShapeException;
import org.daetransport.api.Tensor;
import org.daetransport.api.TransportMap;

/**
 * A DAE run in the code space of an invertible linear encoder {@code h = E x}, decoded back:
 * {@code x -> E^-1 g(E x)}. For a code-space DAE with isotropic noise {@code t}, this is the
 * input-space DAE with anisotropic noise {@code C = t (E^T E)^-1} (PAPER.md section 3; see
 * {@link #inputNoiseCovariance}). Rows are points, so the encoder acts as {@code H = X E^T}.
 */
public final class FeatureSpaceDae implements TransportMap {

    private final Tensor encoder;
    private final Tensor gram;
    private final TransportMap codeDae;

    /**
     * @param encoder d x d invertible matrix E
     * @param codeDae a map of the code space R^d into itself
     * @throws IllegalArgumentException if E is not square, its dimension does not match the DAE, or
     *                                  {@code E^T E} is not positive definite (E singular)
     */
    public FeatureSpaceDae(Tensor encoder, TransportMap codeDae) {
        if (encoder.rows() != encoder.cols() || codeDae.inputDim() != encoder.rows() || codeDae.outputDim() != encoder.rows()) {
            throw new ShapeException("feature-space DAE needs a square encoder matching the code DAE, got encoder "
                    + encoder.shape() + " and a DAE " + codeDae.inputDim() + " -> " + codeDae.outputDim());
        }
        this.encoder = encoder;
        this.gram = encoder.backend().linalg().matmul(encoder, true, encoder, false);
        this.codeDae = codeDae;
        encoder.backend().linalg().choleskySolve(gram, encoder.backend().create().identity(encoder.rows()));
    }

    /** The code {@code H = X E^T} of the rows of {@code x}. */
    public Tensor encode(Tensor x) {
        return encoder.backend().linalg().matmul(x, false, encoder, true);
    }

    /** The input points {@code X = H E^-T} of the codes {@code h}, solved through {@code (E^T E) X^T = E^T H^T}. */
    public Tensor decode(Tensor h) {
        Backend b = encoder.backend();
        Tensor rhs = b.linalg().matmul(encoder, true, h, true);
        return b.linalg().transpose(b.linalg().choleskySolve(gram, rhs));
    }

    @Override
    public int inputDim() {
        return encoder.rows();
    }

    @Override
    public int outputDim() {
        return encoder.rows();
    }

    @Override
    public Tensor apply(Tensor points) {
        return decode(codeDae.apply(encode(points)));
    }

    /** The input-space noise covariance {@code t (E^T E)^-1} equivalent to isotropic code noise {@code t}. */
    public static Tensor inputNoiseCovariance(Tensor encoder, double t) {
        Checks.requirePositive(t, "noise variance t");
        Backend b = encoder.backend();
        Tensor gram = b.linalg().matmul(encoder, true, encoder, false);
        return b.linalg().choleskySolve(gram, b.linalg().scale(b.create().identity(encoder.rows()), t));
    }
}
