package org.daetransport.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.daetransport.api.Backend;
import org.daetransport.api.Backends;
import org.daetransport.api.Tensor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The positive control of {@link EjmlSelectionLoadsNoNativeLibraryTest}: after choosing ND4J and
 * multiplying once, libnd4j ({@code libnd4jcpu.so}) and OpenBLAS are mapped into the process, so
 * reading {@code /proc/self/maps} does detect them. Runs in a JVM of its own.
 */
@Tag("native")
class Nd4jSelectionLoadsNativeLibrariesTest {

    @Test
    void choosingNd4jMapsLibnd4jAndOpenBlas() throws IOException {
        Path maps = Path.of("/proc/self/maps");
        assumeTrue(Files.isReadable(maps), "needs Linux /proc/self/maps");
        try (Backend nd4j = Backends.load("nd4j")) {
            Tensor a = nd4j.create().normal(5, 4, 2);
            assertThat(nd4j.linalg().matmul(a, false, a, true).rows()).isEqualTo(5);
        }
        List<String> lines = Files.readAllLines(maps);
        assertThat(lines).anyMatch(l -> l.contains("libnd4jcpu.so"));
        assertThat(lines).anyMatch(l -> l.contains("openblas"));
    }
}
