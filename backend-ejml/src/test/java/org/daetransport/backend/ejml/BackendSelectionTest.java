package org.daetransport.backend.ejml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.MapBinder;
import org.daetransport.api.Backend;
import org.daetransport.api.BackendRegistry;
import org.daetransport.api.Backends;
import org.daetransport.api.UnknownBackendException;
import org.junit.jupiter.api.Test;

class BackendSelectionTest {

    @Test
    void serviceLoaderFindsEjmlAndUnknownNamesListTheKnownOnes() {
        assertThat(Backends.load("ejml")).isInstanceOf(EjmlBackend.class);
        assertThat(Backends.load("EJML").name()).isEqualTo("ejml");
        assertThat(Backends.loadDefault().name()).isEqualTo("ejml");
        assertThatThrownBy(() -> Backends.load("cuda9"))
                .isInstanceOf(UnknownBackendException.class)
                .hasMessageContaining("'cuda9'").hasMessageContaining("known backends: ejml");
    }

    /** A second entry whose creation fails: selecting another backend must never create it. */
    static final class ExplodingModule extends AbstractModule {
        @Override
        protected void configure() {
            MapBinder.newMapBinder(binder(), String.class, Backend.class).addBinding("exploding")
                    .toProvider(() -> {
                        throw new IllegalStateException("created eagerly");
                    });
        }
    }

    @Test
    void guiceSelectsByNameAndCreatesOnlyTheChosenBackend() {
        Injector injector = Guice.createInjector(new EjmlBackendModule(), new ExplodingModule());
        BackendRegistry registry = injector.getInstance(BackendRegistry.class);
        assertThat(registry.names()).containsExactly("ejml", "exploding");
        Backend ejml = registry.select("ejml");
        assertThat(ejml).isInstanceOf(EjmlBackend.class);
        assertThat(registry.select("ejml")).isSameAs(ejml);
        assertThatThrownBy(() -> registry.select("nope"))
                .isInstanceOf(UnknownBackendException.class).hasMessageContaining("ejml, exploding");
    }
}
