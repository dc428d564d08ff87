package org.daetransport.transport.entropy;

/**
 * A cloud whose law has no density in its space (exact duplicates, points in a lower-dimensional
 * subspace): its differential entropy is minus infinity, which an estimator reports by this
 * exception rather than by returning a non-finite number.
 */
public class DegenerateCloudException extends IllegalArgumentException {

    public DegenerateCloudException(String message) {
        super(message);
    }
}
