package org.daetransport.transport.neural;

/** Observes training progress: called once at the end of every epoch. */
@FunctionalInterface
public interface TrainingListener {

    /** Epoch {@code epoch} (1-based) ended with the given batch-size-weighted mean training loss. */
    void epochFinished(int epoch, double loss);

    /** A listener that ignores everything. */
    static TrainingListener none() {
        return (epoch, loss) -> { };
    }
}
