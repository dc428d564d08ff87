package org.daetransport.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.inject.Guice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.daetransport.api.Backend;
import org.daetransport.api.BackendProvider;
import org.daetransport.api.BackendRegistry;
import org.daetransport.api.Backends;
import org.daetransport.api.Tensor;
import org.daetransport.backend.ejml.EjmlBackendModule;
import org.junit.jupiter.api.Test;

/**
 * With ND4J and EJML both on the class path, listing every backend and choosing and using EJML
 * (through {@link Backends} and through Guice) maps no native library of ND4J, OpenBLAS or JavaCPP
 * into the process. Runs in a JVM of its own (surefire: reuseForks=false), so no other test class
 * can have loaded them before; {@link Nd4jSelectionLoadsNativeLibrariesTest} is the positive control.
 */
class EjmlSelectionLoadsNoNativeLibraryTest {

    @Test
    void listingProvidersAndUsingEjmlLoadsNoNd4jNativeLibrary() throws IOException {
        Path maps = Path.of("/proc/self/maps");
        assumeTrue(Files.isReadable(maps), "needs Linux /proc/self/maps");

        List<BackendProvider> providers = Backends.providers();
        assertThat(providers).extracting(BackendProvider::name).contains("ejml", "nd4j");
        for (BackendProvider p : providers) {
            assertThat(p.available()).as("%s available", p.name()).isTrue();
            p.nativeBlas();
            p.gpu();
        }
        BackendProvider nd4j = Backends.provider("nd4j");
        assertThat(nd4j.nativeBlas()).isTrue();
        assertThat(nd4j.gpu()).isFalse();

        use(Backends.load("ejml"));
        BackendRegistry registry = Guice.createInjector(new EjmlBackendModule(), new Nd4jBackendModule())
                .getInstance(BackendRegistry.class);
        assertThat(registry.names()).containsExactly("ejml", "nd4j");
        use(registry.select("ejml"));

        List<String> mapped = Files.readAllLines(maps).stream()
                .map(line -> line.toLowerCase(Locale.ROOT))
                .filter(line -> line.contains("/"))
                .map(line -> line.substring(line.indexOf('/')))
                .distinct()
                .toList();
        assertThat(mapped).isNotEmpty()
                .noneMatch(f -> f.contains("nd4j"))
                .noneMatch(f -> f.contains("openblas"))
                .noneMatch(f -> f.contains("javacpp"));
    }

    private static void use(Backend ejml) {
        assertThat(ejml.name()).isEqualTo("ejml");
        Tensor a = ejml.create().normal(40, 3, 1);
        Tensor p = ejml.linalg().matmul(a, true, a, false);
        assertThat(p.rows()).isEqualTo(3);
        assertThat(ejml.kernels().kernelWeightedAverage(a, a, 0.5).rows()).isEqualTo(40);
    }
}
