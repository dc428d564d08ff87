package org.daetransport.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** w2 and entropy end to end, against closed forms computed here. */
class DiagnosticCommandsTest {

    @TempDir
    Path dir;

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void w2InOneDimensionIsTheSortedMatching() throws Exception {
        // {0, 1, 5} against {2, 3, 4}: sorted matching costs (4 + 4 + 1)/3 = 3, W2 = sqrt(3)
        Files.writeString(dir.resolve("a.csv"), "5\n0\n1\n");
        Files.writeString(dir.resolve("b.csv"), "4\n2\n3\n");
        for (String method : new String[] {"exact", "sinkhorn"}) {
            CliTestSupport.Result r = CliTestSupport.run("w2", p("a.csv"), p("b.csv"), "--method", method, "--json");
            assertThat(r.exitCode()).as(r.err()).isZero();
            JsonNode json = Output.JSON.readTree(r.out());
            assertThat(json.get("method").asText()).isEqualTo(method);
            // Sinkhorn at epsilon = 0.01 mean(C) is within a few percent of the exact value
            assertThat(json.get("w2").asDouble()).isCloseTo(Math.sqrt(3), within(method.equals("exact") ? 1e-12 : 0.05));
        }
        JsonNode sinkhorn = Output.JSON.readTree(CliTestSupport.run("w2", p("a.csv"), p("b.csv"), "--method", "sinkhorn", "--json").out());
        assertThat(sinkhorn.get("converged").asBoolean()).isTrue();
        assertThat(sinkhorn.get("iterations").asInt()).isPositive();
    }

    @Test
    void buresW2BetweenShiftedCloudsIsTheShift() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "0,0\n1,0\n0,1\n1,1\n");
        Files.writeString(dir.resolve("b.csv"), "3,4\n4,4\n3,5\n4,5\n");
        CliTestSupport.Result r = CliTestSupport.run("w2", p("a.csv"), p("b.csv"), "--method", "bures", "--json");
        assertThat(Output.JSON.readTree(r.out()).get("w2").asDouble()).isCloseTo(5.0, within(1e-7));
    }

    @Test
    void gaussianEntropyOfACloudIsTheEntropyOfItsFit() throws Exception {
        // points +-1 in 1-D: unbiased variance 4/3, entropy 1/2 log(2 pi e 4/3)
        Files.writeString(dir.resolve("x.csv"), "1\n-1\n1\n-1\n");
        CliTestSupport.Result r = CliTestSupport.run("entropy", p("x.csv"), "--estimator", "gaussian", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = Output.JSON.readTree(r.out());
        assertThat(json.get("entropy").asDouble()).isCloseTo(0.5 * Math.log(2 * Math.PI * Math.E * 4 / 3.0), within(1e-12));
        assertThat(json.get("estimator").asText()).isEqualTo("gaussian");
    }

    @Test
    void badInputsAreReported() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "0,0\n1,0\n");
        Files.writeString(dir.resolve("b.csv"), "0\n1\n");
        Files.writeString(dir.resolve("dup.csv"), "0,0\n0,0\n0,0\n0,0\n0,0\n0,0\n0,0\n");
        CliTestSupport.Result r = CliTestSupport.run("w2", p("a.csv"), p("b.csv"));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("dimension 2").contains("dimension 1");
        assertThat(CliTestSupport.run("w2", p("a.csv"), p("a.csv"), "--method", "nope").err()).contains("known: exact, sinkhorn, sliced, bures");
        assertThat(CliTestSupport.run("w2", p("a.csv"), p("a.csv"), "--epsilon", "0.1").exitCode()).isEqualTo(3);
        CliTestSupport.Result dup = CliTestSupport.run("entropy", p("dup.csv"));
        assertThat(dup.exitCode()).isEqualTo(3);
        assertThat(dup.err()).hasLineCount(1);
        assertThat(CliTestSupport.run("entropy").exitCode()).isEqualTo(2);
    }
}
