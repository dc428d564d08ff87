package org.daetransport.backend.nd4j;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import org.daetransport.api.Backend;

/**
 * Contributes the lazy {@code "nd4j"} entry of the {@code MapBinder<String, Backend>}: ND4J's native
 * libraries are loaded only when that entry is first requested.
 */
public final class Nd4jBackendModule extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder.newMapBinder(binder(), String.class, Backend.class)
                .addBinding(Nd4jBackend.NAME).toProvider(() -> new Nd4jBackendProvider().create()).in(Singleton.class);
    }
}
