package org.daetransport.testkit;

import org.daetransport.api.Backend;
import org.daetransport.api.Creation;
import org.daetransport.api.Elementwise;
import org.daetransport.api.LinearAlgebra;
import org.daetransport.api.Reductions;
import org.daetransport.api.Tensor;
import org.daetransport.api.TransportKernels;

/** A 1 x 1 tensor owned by a backend named "foreign", to check that backends reject it. */
final class ForeignTensor implements Tensor {

    private static final Backend FOREIGN = new Backend() {
        @Override public String name() { return "foreign"; }
        @Override public boolean nativeBlas() { return false; }
        @Override public boolean gpu() { return false; }
        @Override public Creation create() { throw new IllegalStateException("foreign backend has no operations"); }
        @Override public LinearAlgebra linalg() { throw new IllegalStateException("foreign backend has no operations"); }
        @Override public Elementwise elementwise() { throw new IllegalStateException("foreign backend has no operations"); }
        @Override public Reductions reductions() { throw new IllegalStateException("foreign backend has no operations"); }
        @Override public TransportKernels kernels() { throw new IllegalStateException("foreign backend has no operations"); }
    };

    @Override public Backend backend() { return FOREIGN; }
    @Override public int rows() { return 1; }
    @Override public int cols() { return 1; }
    @Override public double[] toArray() { return new double[] {1.0}; }
    @Override public double get(int row, int col) { return 1.0; }
}
