package org.daetransport.backend.nd4j;

import org.daetransport.api.Backend;
import org.daetransport.api.BackendProvider;

/**
 * Finds the ND4J backend through {@link java.util.ServiceLoader}. Constructing it touches no ND4J
 * class; ND4J and its native libraries (OpenBLAS, libnd4j) are loaded by {@link #create()} only.
 */
public final class Nd4jBackendProvider implements BackendProvider {

    /** ND4J's CPU backend and (with the "cuda" Maven profile) its CUDA backend, looked up without initialising them. */
    private static final String[] ND4J_BACKEND_CLASSES = {
        "org.nd4j.linalg.cpu.nativecpu.CpuBackend", "org.nd4j.linalg.jcublas.JCublasBackend"};

    @Override public String name() { return Nd4jBackend.NAME; }
    @Override public boolean nativeBlas() { return true; }
    @Override public boolean gpu() { return false; }

    /** Whether an ND4J backend is on the class path (checked without initialising it or loading native code). */
    @Override
    public boolean available() {
        for (String name : ND4J_BACKEND_CLASSES) {
            try {
                Class.forName(name, false, Nd4jBackendProvider.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next one
            }
        }
        return false;
    }

    /** Creates the backend, loading ND4J's native libraries on first use (about a second). */
    @Override
    public Backend create() {
        return new Nd4jBackend();
    }
}
