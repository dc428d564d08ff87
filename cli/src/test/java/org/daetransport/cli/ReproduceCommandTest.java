package org.daetransport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job end to end: {@code dae reproduce --quick}, its report in a browser, and its failures. */
@Tag("slow")
class ReproduceCommandTest {

    private static final List<String> EXPERIMENTS = List.of("gaussianDepth", "mixture", "toyData", "daeVsWgf",
            "timeReversal", "digits");

    @TempDir
    Path dir;

    @Test
    void quickStudyWritesACompleteReportThatLoadsInABrowser() throws Exception {
        Path out = dir.resolve("report");
        CliTestSupport.Result r = CliTestSupport.run("reproduce", "--quick", "--out", out.toString(), "--json", "--seed", "7");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode printed = Output.JSON.readTree(r.out());
        JsonNode summary = Output.JSON.readTree(Files.readString(out.resolve("summary.json")));
        assertThat(printed).isEqualTo(summary);
        assertThat(summary.get("backend").asText()).isEqualTo("ejml");
        assertThat(summary.get("seed").asLong()).isEqualTo(7);
        assertThat(summary.get("version").asText()).isNotBlank();
        assertThat(summary.get("experiments").fieldNames()).toIterable().containsExactlyElementsOf(EXPERIMENTS);
        // the Gaussian-depth table agrees with the closed-form recurrence written out in the experiment
        assertThat(summary.at("/experiments/gaussianDepth/maxErrorAgainstRecurrence").asDouble()).isLessThan(1e-12);
        assertThat(summary.at("/experiments/gaussianDepth/deepestVariance").asDouble()).isBetween(0.4, 0.4005);
        String html = Files.readString(out.resolve("index.html"));
        long figures;
        try (Stream<Path> files = Files.list(out)) {
            figures = files.filter(p -> p.toString().endsWith(".png")).count();
        }
        assertThat(figures).isGreaterThanOrEqualTo(EXPERIMENTS.size());
        assertThat(html.split("<img ", -1)).hasSize((int) figures + 1);
        Assumptions.assumeTrue(HeadlessBrowser.available(), "Debian's chromium is installed by .ci/install");
        assertThat(HeadlessBrowser.checkImages(out))
                .isEqualTo("images=" + figures + " loaded=" + figures + " broken=[] title=DAE Transport: the study");
    }

    @Test
    void anOutputFolderThatIsAFileIsRefusedAndKept() throws Exception {
        Path file = dir.resolve("report");
        Files.writeString(file, "mine");
        CliTestSupport.Result r = CliTestSupport.run("reproduce", "--quick", "--out", file.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("is a file").hasLineCount(1);
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    @Test
    void anInterruptedRunLeavesNothingThatLooksComplete() throws Exception {
        Path out = dir.resolve("report");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.daetransport.cli.Main",
                "reproduce", "--out", out.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        // wait until the run has started writing its partial folder, then interrupt it like Ctrl-C would
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!partialFolderExists() && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(50);
        }
        assertThat(partialFolderExists()).as("a partial folder while running").isTrue();
        p.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).doesNotExist();
        assertThat(partialFolderExists()).as("partial folder removed").isFalse();
    }

    private boolean partialFolderExists() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith(".report.partial-"));
        }
    }
}
