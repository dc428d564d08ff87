package org.daetransport.backend.ejml;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.Singleton;
import org.daetransport.api.Backend;

/** Contributes the lazy {@code "ejml"} entry of the {@code MapBinder<String, Backend>}. */
public final class EjmlBackendModule extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, Backend.class)
                .addBinding(EjmlBackend.NAME).toProvider(() -> new EjmlBackendProvider().create()).in(Singleton.class);
    }
}
