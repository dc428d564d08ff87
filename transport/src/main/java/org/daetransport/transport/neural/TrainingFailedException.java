package org.daetransport.transport.neural;

import org.daetransport.api.NumericalFailureException;

/**
 * Training diverged (a non-finite loss or weight). Names the epoch and batch and carries the last
 * good model: the weights at the end of the last epoch that completed with finite losses (the
 * initial weights if the first epoch failed).
 */
public final class TrainingFailedException extends NumericalFailureException {

    private final int epoch;
    private final transient Mlp lastGoodModel;

    public TrainingFailedException(String message, int epoch, Mlp lastGoodModel) {
        super(message);
        this.epoch = epoch;
        this.lastGoodModel = lastGoodModel;
    }

    /** The 1-based epoch in which training failed. */
    public int epoch() {
        return epoch;
    }

    /** The checkpoint kept: the model after the last fully finite epoch. */
    public Mlp lastGoodModel() {
        return lastGoodModel;
    }
}
