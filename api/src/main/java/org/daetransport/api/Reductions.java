package org.daetransport.api;

/** Row and column reductions. */
public interface Reductions {

    /** Sums over rows: a 1 x cols row vector. */
    Tensor columnSums(Tensor a);

    /** Sums over columns: a rows x 1 column vector. */
    Tensor rowSums(Tensor a);

    /** The sum of all entries. */
    double sum(Tensor a);

    /** Means over rows: a 1 x cols row vector (the centroid of a point cloud). */
    default Tensor columnMeans(Tensor a) {
        if (a.rows() == 0) {
            throw new ShapeException("columnMeans of an empty tensor " + a.shape());
        }
        return a.backend().linalg().scale(columnSums(a), 1.0 / a.rows());
    }
}
