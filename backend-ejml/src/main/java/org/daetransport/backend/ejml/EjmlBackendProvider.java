package org.daetransport.backend.ejml;

import org.daetransport.api.Backend;
import org.daetransport.api.BackendProvider;

/** Finds the EJML backend through {@link java.util.ServiceLoader}. */
public final class EjmlBackendProvider implements BackendProvider {

    @Override public String name() { return EjmlBackend.NAME; }
    @Override public boolean nativeBlas() { return false; }
    @Override public boolean gpu() { return false; }
    @Override public Backend create() { return new EjmlBackend(); }
}
