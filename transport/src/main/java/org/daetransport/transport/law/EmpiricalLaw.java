package org.daetransport.transport.law;

import org.daetransport.api.Checks;
import org.daetransport.api.Tensor;

/** The empirical law {@code (1/n) sum_i delta_{x_i}} of a finite sample (the rows of a tensor). */
public final class EmpiricalLaw implements Law {

    private final Tensor sample;

    /** @param sample n x d with n >= 1, d >= 1 and finite entries (kept, not copied: tensors are immutable) */
    public EmpiricalLaw(Tensor sample) {
        if (sample == null || sample.rows() == 0) {
            throw new IllegalArgumentException("an empirical law needs at least one point, got an empty cloud");
        }
        if (sample.cols() == 0) {
            throw new IllegalArgumentException("an empirical law needs points of dimension >= 1");
        }
        Checks.requireFinite(sample.toArray(), "empirical sample");
        this.sample = sample;
    }

    public Tensor sample() {
        return sample;
    }

    /** The sample as a tensor of {@code backend}: the sample itself when it already belongs to one of its kind, else a copy. */
    public Tensor sampleOn(org.daetransport.api.Backend backend) {
        return sample.backend().name().equals(backend.name()) ? sample : backend.create().copyOf(sample);
    }

    /** The number of points. */
    public int size() {
        return sample.rows();
    }

    @Override
    public int dim() {
        return sample.cols();
    }
}
