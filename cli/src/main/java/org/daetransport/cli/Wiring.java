package org.daetransport.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import org.daetransport.api.Backend;
import org.daetransport.api.BackendRegistry;
import org.daetransport.backend.ejml.EjmlBackendModule;
import org.daetransport.backend.nd4j.Nd4jBackendModule;

/** The CLI's Guice wiring: every backend module's lazy entry; only the chosen backend is created. */
final class Wiring {

    private static Injector injector;

    private Wiring() {
    }

    static final class CliModule extends AbstractModule {
        @Override
        protected void configure() {
            install(new EjmlBackendModule());
            install(new Nd4jBackendModule());
            install(new FunctionalsModule());
        }
    }

    static synchronized Injector injector() {
        if (injector == null) {
            injector = Guice.createInjector(new CliModule());
        }
        return injector;
    }

    /** The backend of that name; an unknown name fails with the list of known ones (exit 3). */
    static Backend backend(String name) {
        return injector().getInstance(BackendRegistry.class).select(name);
    }

    /** The energy terms known to {@code dae wgf}: built-ins and ServiceLoader plug-ins. */
    static org.daetransport.flows.FunctionalRegistry functionals() {
        return injector().getInstance(org.daetransport.flows.FunctionalRegistry.class);
    }
}
