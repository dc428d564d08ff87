package org.daetransport.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import java.util.ServiceLoader;
import java.util.Set;
import org.daetransport.flows.BuiltinFunctionalFactories;
import org.daetransport.flows.FunctionalFactory;
import org.daetransport.flows.FunctionalRegistry;

/**
 * The energy terms {@code dae wgf} knows: a {@link Multibinder} of {@link FunctionalFactory}
 * holding the built-ins and every plug-in declared in
 * {@code META-INF/services/org.daetransport.flows.FunctionalFactory} on the class path, and the
 * {@link FunctionalRegistry} built from that set (two factories of one name fail at startup).
 */
final class FunctionalsModule extends AbstractModule {

    @Override
    protected void configure() {
        Multibinder<FunctionalFactory> factories = Multibinder.newSetBinder(binder(), FunctionalFactory.class);
        for (FunctionalFactory f : BuiltinFunctionalFactories.all()) {
            factories.addBinding().toInstance(f);
        }
        for (FunctionalFactory f : ServiceLoader.load(FunctionalFactory.class, FunctionalsModule.class.getClassLoader())) {
            factories.addBinding().toInstance(f);
        }
    }

    @Provides
    @Singleton
    FunctionalRegistry registry(Set<FunctionalFactory> factories) {
        FunctionalRegistry registry = new FunctionalRegistry();
        factories.forEach(registry::register);
        return registry;
    }
}
