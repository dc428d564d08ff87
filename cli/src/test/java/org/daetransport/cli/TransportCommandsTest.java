package org.daetransport.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** denoise and flow end to end, against the public test vectors of PAPER.md section 6. */
class TransportCommandsTest {

    @TempDir
    Path dir;

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    private Path write(String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    @Test
    void denoiseGaussianMatchesThePublicVector() throws Exception {
        write("g.json", "{\"type\":\"gaussian\",\"mean\":[1],\"cov\":[[2]]}");
        write("x.csv", "3\n1\n");
        CliTestSupport.Result r = CliTestSupport.run("denoise", "--law", p("g.json"), "--t", "0.5", "--in", p("x.csv"),
                "--out", p("y.csv"), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        double[][] y = PointsCsv.read(dir.resolve("y.csv"));
        assertThat(y[0][0]).isCloseTo(2.6, within(1e-14));
        assertThat(y[1][0]).isCloseTo(1.0, within(1e-14));
        JsonNode json = Output.JSON.readTree(r.out());
        assertThat(json.get("n").asInt()).isEqualTo(2);
        assertThat(json.get("dim").asInt()).isEqualTo(1);
        assertThat(json.get("meanDisplacement").asDouble()).isCloseTo(0.2, within(1e-14));
    }

    @Test
    void denoiseMixtureAndEmpiricalMatchThePublicVectors() throws Exception {
        write("m.json", "{\"type\":\"mixture\",\"components\":[{\"weight\":0.3,\"mean\":[-2],\"cov\":[[0.5]]},"
                + "{\"weight\":0.7,\"mean\":[1.5],\"cov\":[[1.0]]}]}");
        write("x.csv", "-3\n0\n2\n");
        assertThat(CliTestSupport.run("denoise", "--law", p("m.json"), "--t", "0.8", "--in", p("x.csv"), "--out", p("y.csv")).exitCode()).isZero();
        assertThat(PointsCsv.read(dir.resolve("y.csv"))).satisfies(y -> {
            assertThat(y[0][0]).isCloseTo(-2.3702197009, within(1e-9));
            assertThat(y[1][0]).isCloseTo(0.3474143813, within(1e-9));
            assertThat(y[2][0]).isCloseTo(1.7752080775, within(1e-9));
        });
        write("s.csv", "0,0\n1,0\n0,1\n");
        write("e.json", "{\"type\":\"empirical\",\"sample\":\"s.csv\"}");
        write("q.csv", "1,1\n2,-1\n");
        assertThat(CliTestSupport.run("denoise", "--law", p("e.json"), "--t", "0.5", "--in", p("q.csv"), "--out", p("r.csv")).exitCode()).isZero();
        double[][] r = PointsCsv.read(dir.resolve("r.csv"));
        assertThat(r[0]).containsExactly(new double[] {0.4223188, 0.4223188}, within(5e-8));
        assertThat(r[1]).containsExactly(new double[] {0.95033021, 0.00235563}, within(5e-9));
    }

    @Test
    void continuousFlowMatchesThePublicVectorAndReportsCollapseTime() throws Exception {
        write("g.json", "{\"type\":\"gaussian\",\"mean\":[1],\"cov\":[[2]]}");
        write("x.csv", "3\n");
        CliTestSupport.Result r = CliTestSupport.run("flow", "--law", p("g.json"), "--scheme", "continuous", "--time", "0.5",
                "--layers", "5", "--in", p("x.csv"), "--out", p("y.csv"), "--trajectory", p("t.csv"), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(PointsCsv.read(dir.resolve("y.csv"))[0][0]).isCloseTo(2.4142135624, within(1e-9));
        JsonNode json = Output.JSON.readTree(r.out());
        assertThat(json.get("collapseTime").asDouble()).isCloseTo(1.0, within(1e-14));
        JsonNode steps = json.get("steps");
        assertThat(steps).hasSize(6);
        assertThat(steps.get(5).get("time").asDouble()).isCloseTo(0.5, within(1e-15));
        assertThat(steps.get(5).get("entropy").asDouble()).isCloseTo(1.4189385332, within(1e-9));
        double[][] traj = PointsCsv.read(dir.resolve("t.csv"));
        assertThat(traj).hasNumberOfRows(6);
        assertThat(traj[5]).hasSize(4);
        assertThat(traj[5][0]).isEqualTo(5.0);
        assertThat(Files.readString(dir.resolve("t.csv"))).startsWith("0,0,0,3\n");
    }

    @Test
    void collapseIsExitFourAndWritesNothing() throws Exception {
        write("g.json", "{\"type\":\"gaussian\",\"mean\":[1],\"cov\":[[2]]}");
        write("x.csv", "3\n");
        CliTestSupport.Result r = CliTestSupport.run("flow", "--law", p("g.json"), "--scheme", "continuous", "--time", "1.0",
                "--in", p("x.csv"), "--out", p("y.csv"));
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).contains("t* = 1.0000").doesNotContain("Exception").hasLineCount(1);
        assertThat(dir.resolve("y.csv")).doesNotExist();
    }

    @Test
    void badInputsAreExitThreeWithOneLineAndNoOutput() throws Exception {
        write("g.json", "{\"type\":\"gaussian\",\"mean\":[0,0],\"cov\":[[1,2],[2,1]]}");
        write("x.csv", "1,2\n3\n");
        write("ok.json", "{\"type\":\"gaussian\",\"mean\":[0,0],\"cov\":[[1,0],[0,1]]}");
        write("w.json", "{\"type\":\"mixture\",\"components\":[{\"weight\":0.5,\"mean\":[0],\"cov\":[[1]]},"
                + "{\"weight\":0.6,\"mean\":[1],\"cov\":[[1]]}]}");
        write("one.csv", "1\n");
        String[][] cases = {
                {"denoise", "--law", p("g.json"), "--t", "1", "--in", p("one.csv"), "--out", p("y.csv")},
                {"denoise", "--law", p("ok.json"), "--t", "1", "--in", p("x.csv"), "--out", p("y.csv")},
                {"denoise", "--law", p("ok.json"), "--t", "0", "--in", p("one.csv"), "--out", p("y.csv")},
                {"denoise", "--law", p("ok.json"), "--t", "1", "--in", p("one.csv"), "--out", p("y.csv")},
                {"denoise", "--law", p("w.json"), "--t", "1", "--in", p("one.csv"), "--out", p("y.csv")},
                {"denoise", "--law", p("missing.json"), "--t", "1", "--in", p("one.csv"), "--out", p("y.csv")},
                {"flow", "--law", p("ok.json"), "--scheme", "sideways", "--time", "1", "--in", p("one.csv"), "--out", p("y.csv")},
        };
        String[] expected = {"smallest eigenvalue -1.0000", "line 2", "positive", "dimension 1", "sum to 1", "no such file", "unknown scheme"};
        for (int i = 0; i < cases.length; i++) {
            CliTestSupport.Result r = CliTestSupport.run(cases[i]);
            assertThat(r.exitCode()).as("case %d: %s", i, r.err()).isEqualTo(3);
            assertThat(r.err()).as("case %d", i).containsIgnoringCase(expected[i]).hasLineCount(1);
            assertThat(dir.resolve("y.csv")).doesNotExist();
        }
        assertThat(CliTestSupport.run("denoise", "--law", p("ok.json")).exitCode()).isEqualTo(2);
    }
}
