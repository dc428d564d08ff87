package org.daetransport.transport.analysis;

/**
 * Transport measured across one layer {@code x_{l-1} -> x_l} of a network, in the common embedding space.
 *
 * @param layer            1-based layer index
 * @param dimIn            the layer's input dimension
 * @param dimOut           the layer's output dimension
 * @param meanDisplacement {@code (1/N) sum_i |x_l,i - x_{l-1},i|}
 * @param kineticEnergy    {@code (1/N) sum_i |x_l,i - x_{l-1},i|^2}
 * @param w2ToPrevious     the W2 distance between the laws of {@code x_{l-1}} and {@code x_l}
 * @param entropy          the entropy estimate of the law of {@code x_l}, in its own space {@code R^dimOut}
 *                         (-infinity for a degenerate law, e.g. a linear map to a higher dimension)
 */
public record LayerReport(int layer, int dimIn, int dimOut, double meanDisplacement, double kineticEnergy,
                          double w2ToPrevious, double entropy) {
}
