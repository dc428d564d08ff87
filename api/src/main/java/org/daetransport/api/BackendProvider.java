package org.daetransport.api;

/**
 * Service-provider interface for a backend, found by {@link java.util.ServiceLoader}.
 *
 * <p>Implementations must be cheap to construct and must not load native code before
 * {@link #create()} (never in a static initialiser), so that listing backends or choosing another
 * one never loads this one's native libraries.
 */
public interface BackendProvider {

    /** The name the backend is selected by. */
    String name();

    /** Whether the backend computes with a native BLAS library. */
    boolean nativeBlas();

    /** Whether the backend computes on a GPU. */
    boolean gpu();

    /** Whether {@link #create()} can be expected to work here (a cheap check, no native loading). */
    default boolean available() {
        return true;
    }

    /** Creates the backend; this is where native libraries may be loaded. */
    Backend create();
}
