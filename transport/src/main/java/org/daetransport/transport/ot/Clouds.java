package org.daetransport.transport.ot;

import org.daetransport.api.ShapeException;
import org.daetransport.api.Tensor;

/**
 * Argument checks for point clouds (rows are points), shared by the W2 distances and the entropy
 * estimators: every one copies its tensor out once through {@link #flatten(Tensor, String)}.
 */
public final class Clouds {

    private Clouds() {
    }

    /**
     * The row-major entries of {@code cloud} after checking that it has at least one row, at least
     * one column and only finite entries (modifies nothing).
     *
     * @param name how the message calls the cloud, e.g. {@code "a"}
     * @throws IllegalArgumentException naming the cloud, and the row and column of a non-finite entry
     */
    public static double[] flatten(Tensor cloud, String name) {
        if (cloud == null) {
            throw new IllegalArgumentException(name + ": point cloud is null");
        }
        if (cloud.rows() == 0 || cloud.cols() == 0) {
            throw new IllegalArgumentException(name + ": point cloud is empty (" + cloud.rows() + "x" + cloud.cols() + ")");
        }
        double[] flat = cloud.toArray();
        int d = cloud.cols();
        for (int k = 0; k < flat.length; k++) {
            if (!Double.isFinite(flat[k])) {
                throw new IllegalArgumentException(name + ": row " + (k / d) + ", column " + (k % d) + " is " + flat[k]
                        + " (NaN and infinity are not allowed)");
            }
        }
        return flat;
    }

    /** Fails unless both clouds have the same number of columns, naming both shapes. */
    public static void requireSameDimension(Tensor a, Tensor b) {
        if (a.cols() != b.cols()) {
            throw new ShapeException("point clouds of different dimensions: a is " + a.rows() + "x" + a.cols()
                    + ", b is " + b.rows() + "x" + b.cols());
        }
    }
}
