package org.daetransport.transport.entropy;

import org.daetransport.api.Tensor;

/** An estimator of the differential entropy {@code H = -∫ p log p} (nats) of the law a cloud samples. */
public interface EntropyEstimator {

    /** The estimator's name as the CLI spells it: kl, gaussian. */
    String name();

    /** The estimate from the rows of {@code points}. */
    double entropy(Tensor points);
}
