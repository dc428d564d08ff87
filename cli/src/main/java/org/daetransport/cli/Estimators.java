package org.daetransport.cli;

import org.daetransport.transport.entropy.EntropyEstimator;
import org.daetransport.transport.entropy.GaussianEntropy;

/** The entropy estimators the commands offer, by name. */
final class Estimators {

    private Estimators() {
    }

    /** The estimator used for moving clouds whose law has no closed-form entropy. */
    static EntropyEstimator forClouds() {
        return new GaussianEntropy();
    }
}
