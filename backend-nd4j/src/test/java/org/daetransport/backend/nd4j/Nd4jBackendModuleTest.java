package org.daetransport.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import org.daetransport.api.Backend;
import org.daetransport.api.BackendRegistry;
import org.daetransport.api.UnknownBackendException;
import org.daetransport.backend.ejml.EjmlBackendModule;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("native")
class Nd4jBackendModuleTest {

    @Test
    void contributesALazySingletonNd4jEntry() {
        BackendRegistry registry = Guice.createInjector(new EjmlBackendModule(), new Nd4jBackendModule())
                .getInstance(BackendRegistry.class);
        assertThat(registry.names()).containsExactly("ejml", "nd4j");
        Backend nd4j = registry.select("ND4J");
        assertThat(nd4j).isInstanceOf(Nd4jBackend.class);
        assertThat(nd4j.nativeBlas()).isTrue();
        assertThat(registry.select("nd4j")).isSameAs(nd4j);
        assertThatThrownBy(() -> registry.select("cuda"))
                .isInstanceOf(UnknownBackendException.class).hasMessageContaining("ejml, nd4j");
    }
}
