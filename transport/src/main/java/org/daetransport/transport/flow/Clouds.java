package org.daetransport.transport.flow;

import org.daetransport.api.Tensor;

import java.util.Arrays;

/** Helpers for point clouds that move together with the points of a scheme. */
final class Clouds {

    private Clouds() {
    }

    /** Whether the two tensors hold the same points (then one moving cloud suffices). */
    static boolean sameContents(Tensor a, Tensor b) {
        return a == b || (a.rows() == b.rows() && a.cols() == b.cols() && Arrays.equals(a.toArray(), b.toArray()));
    }
}
