package org.daetransport.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PointsCsvTest {

    @TempDir
    Path dir;

    private Path file(String content) throws Exception {
        Path p = dir.resolve("x.csv");
        Files.writeString(p, content);
        return p;
    }

    @Test
    void readsSkippingCommentsAndBlankLinesAndRoundTripsExactly() throws Exception {
        double[][] rows = PointsCsv.read(file("# header\n1,2\n\n0.1, -3e-5\n"));
        assertThat(rows).hasDimensions(2, 2);
        assertThat(rows[1]).containsExactly(0.1, -3e-5);
        double[][] tricky = {{Math.PI, 1e-300}, {-0.0, 123456789.123456789}};
        Path out = dir.resolve("out.csv");
        PointsCsv.write(out, tricky);
        assertThat(PointsCsv.read(out)).isDeepEqualTo(tricky);
    }

    @Test
    void badDataNamesFileAndLine() throws Exception {
        assertThatThrownBy(() -> PointsCsv.read(file("1,2\n3\n"))).isInstanceOf(InputException.class)
                .hasMessageContaining("x.csv line 2").hasMessageContaining("ragged");
        assertThatThrownBy(() -> PointsCsv.read(file("1,2\n3,NaN\n")))
                .hasMessageContaining("x.csv line 2 column 2").hasMessageContaining("not a finite number");
        assertThatThrownBy(() -> PointsCsv.read(file("1,2\n3,Infinity\n"))).hasMessageContaining("line 2");
        assertThatThrownBy(() -> PointsCsv.read(file("1,abc\n"))).hasMessageContaining("line 1 column 2: 'abc'");
        assertThatThrownBy(() -> PointsCsv.read(file("# only a comment\n\n"))).hasMessageContaining("empty");
        assertThatThrownBy(() -> PointsCsv.read(dir.resolve("missing.csv"))).hasMessageContaining("no such file");
    }

    @Test
    void failedWriteKeepsTheExistingFileAndLeavesNoTemporaryFile() throws Exception {
        Path out = dir.resolve("keep.csv");
        Files.writeString(out, "1,2\n");
        assertThatThrownBy(() -> AtomicFiles.writeText(out, w -> {
            w.write("half,");
            throw new IllegalStateException("interrupted");
        })).hasMessage("interrupted");
        assertThat(Files.readString(out)).isEqualTo("1,2\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }
}
