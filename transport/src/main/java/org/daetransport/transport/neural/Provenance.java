package org.daetransport.transport.neural;

import java.util.List;

/**
 * Where a trained model came from: enough to reproduce it.
 *
 * @param seed            the seed of initialisation, shuffling and noise
 * @param backend         the backend name it was trained on
 * @param dataRows        rows of the training data
 * @param dataCols        columns of the training data
 * @param loss            the loss's name
 * @param lossHistory     the mean training loss of each epoch
 * @param hyperparameters the architecture and optimiser settings
 * @param library         the library version that trained it
 */
public record Provenance(long seed, String backend, int dataRows, int dataCols, String loss,
                         List<Double> lossHistory, Hyperparameters hyperparameters, String library) {

    public Provenance {
        lossHistory = List.copyOf(lossHistory);
    }

    /** The version string written into provenance. */
    public static final String LIBRARY = "dae-transport 0.1.0";

    /**
     * Architecture and optimiser settings.
     *
     * @param hidden           hidden-layer widths
     * @param activation       hidden activation name
     * @param outputActivation output activation name
     */
    public record Hyperparameters(List<Integer> hidden, String activation, String outputActivation, int epochs,
                                  int batchSize, double learningRate, double beta1, double beta2, double epsilon) {
        public Hyperparameters {
            hidden = List.copyOf(hidden);
        }
    }
}
