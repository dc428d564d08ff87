package org.daetransport.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.daetransport.cli.report.Plots;
import org.daetransport.cli.report.ReportDirectory;
import org.daetransport.cli.report.ReportWriter;
import org.daetransport.cli.report.Section;
import org.daetransport.cli.report.Table;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @TempDir
    Path dir;

    private static void writeSmallReport(Path into, boolean withMissingFigure) {
        var chart = Plots.chart("a line", "x", "y");
        Plots.line(chart, "y = x^2", new double[] {0, 1, 2}, new double[] {0, 1, 4});
        Plots.save(chart, into, "line.png");
        Section s = new Section("demo", "A demo section").paragraph("It shows <things> & more.").figure("line.png", "A line");
        if (withMissingFigure) {
            s.figure("missing.png", "never written");
        }
        s.table(new Table("numbers", "x", "y")).row(1, 0.5).row(2, 1e-9);
        ReportWriter.writeHtml(into, "Demo report", "intro", List.of(s));
    }

    @Test
    void pageEscapesTextAndListsFiguresAndTables() throws Exception {
        writeSmallReport(dir, false);
        String html = Files.readString(dir.resolve("index.html"));
        assertThat(html).contains("It shows &lt;things&gt; &amp; more.").contains("<img src=\"line.png\"")
                .contains("<td>1.0000e-09</td>").contains("<td>0.5</td>");
        assertThat(Files.size(dir.resolve("line.png"))).isGreaterThan(1000);
    }

    @Test
    void headlessChromiumLoadsEveryFigure() throws Exception {
        Assumptions.assumeTrue(HeadlessBrowser.available(), "Debian's chromium is installed by .ci/install");
        Path report = dir.resolve("report");
        Files.createDirectories(report);
        writeSmallReport(report, false);
        assertThat(HeadlessBrowser.checkImages(report)).isEqualTo("images=1 loaded=1 broken=[] title=Demo report");
        // the check can fail: a page naming a figure that was never written is caught
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        writeSmallReport(broken, true);
        assertThat(HeadlessBrowser.checkImages(broken)).startsWith("images=2 loaded=1 broken=[missing.png]");
    }

    @Test
    void reportFolderIsReplacedOnlyWhenComplete() throws Exception {
        Path out = dir.resolve("report");
        ReportDirectory.publish(out, d -> Files.writeString(d.resolve("index.html"), "first"));
        assertThat(Files.readString(out.resolve("index.html"))).isEqualTo("first");
        assertThatThrownBy(() -> ReportDirectory.publish(out, d -> {
            Files.writeString(d.resolve("index.html"), "half");
            throw new IllegalStateException("interrupted half-way");
        })).hasMessage("interrupted half-way");
        assertThat(Files.readString(out.resolve("index.html"))).isEqualTo("first");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out); // no partial folder left behind
        }
        ReportDirectory.publish(out, d -> Files.writeString(d.resolve("index.html"), "second"));
        assertThat(Files.readString(out.resolve("index.html"))).isEqualTo("second");
    }

    @Test
    void outputFolderThatIsAFileIsRejected() throws Exception {
        Path file = dir.resolve("report");
        Files.writeString(file, "not a folder");
        assertThatThrownBy(() -> ReportDirectory.publish(file, d -> { }))
                .isInstanceOf(InputException.class).hasMessageContaining("is a file");
    }
}
