package org.daetransport.backend.nd4j;

import org.daetransport.api.Backend;
import org.daetransport.api.BackendProvider;

/**
 * Finds the ND4J backend through {@link java.util.ServiceLoader}. Constructing it touches no ND4J
 * class; ND4J and its native libraries (OpenBLAS, libnd4j) are loaded by {@link #create()} only.
 */
public final class Nd4jBackendProvider implements BackendProvider {

    /** A class of ND4J's CPU backend, looked up without initialising it. */
    private static final String ND4J_CPU_CLASS = "org.nd4j.linalg.cpu.nativecpu.CpuBackend";

    @Override public String name() { return Nd4jBackend.NAME; }
    @Override public boolean nativeBlas() { return true; }
    @Override public boolean gpu() { return false; }

    /** Whether ND4J's CPU backend is on the class path (checked without loading native code). */
    @Override
    public boolean available() {
        try {
            Class.forName(ND4J_CPU_CLASS, false, Nd4jBackendProvider.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Creates the backend, loading ND4J's native libraries on first use (about a second). */
    @Override
    public Backend create() {
        return new Nd4jBackend();
    }
}
