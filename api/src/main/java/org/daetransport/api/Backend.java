package org.daetransport.api;

/**
 * A numerical engine. Its operations are reached through small groups, so that an implementation
 * (and a reader) deals with one concern at a time. All arithmetic is float64.
 *
 * <p>{@link #close()} frees native memory a backend may hold; pure-Java backends need not be closed.
 */
public interface Backend extends AutoCloseable {

    /** The name it is selected by, e.g. {@code "ejml"}. */
    String name();

    /** Whether it computes with a native BLAS library. */
    boolean nativeBlas();

    /** Whether it computes on a GPU. */
    boolean gpu();

    Creation create();

    LinearAlgebra linalg();

    Elementwise elementwise();

    Reductions reductions();

    TransportKernels kernels();

    @Override
    default void close() {
    }
}
