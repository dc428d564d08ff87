package org.daetransport.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.daetransport.api.SeededNormal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dae wgf end to end: closed-form Gaussian flows, the Euler mean of OU, a ServiceLoader plug-in, and the error codes. */
class WgfCommandTest {

    @TempDir
    Path dir;

    double[][] x0;

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    private void write(String name, String content) throws Exception {
        Files.writeString(dir.resolve(name), content);
    }

    @BeforeEach
    void sample() {
        // 200 points of a correlated 2-D Gaussian: x = (z1 + 1, 0.5 z1 + 0.8 z2 - 2)
        double[] z = SeededNormal.samples(400, 11);
        x0 = new double[200][];
        for (int i = 0; i < 200; i++) {
            x0[i] = new double[] {z[2 * i] + 1, 0.5 * z[2 * i] + 0.8 * z[2 * i + 1] - 2};
        }
        PointsCsv.write(dir.resolve("x.csv"), x0);
    }

    private static double[] mean(double[][] x) {
        double[] m = new double[2];
        for (double[] r : x) {
            m[0] += r[0] / x.length;
            m[1] += r[1] / x.length;
        }
        return m;
    }

    /** Population covariance (divides by N), as the Gaussian scheme's S_0. */
    private static double[][] cov(double[][] x) {
        double[] m = mean(x);
        double[][] s = new double[2][2];
        for (double[] r : x) {
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) {
                    s[a][b] += (r[a] - m[a]) * (r[b] - m[b]) / x.length;
                }
            }
        }
        return s;
    }

    private static double gaussianEntropy(double[][] s) {
        double det = s[0][0] * s[1][1] - s[0][1] * s[1][0];
        return Math.log(2 * Math.PI * Math.E) + 0.5 * Math.log(det);
    }

    @Test
    void heatFlowWithTheGaussianSchemeFollowsTheClosedForm() throws Exception {
        write("heat.json", "{\"terms\":[{\"type\":\"entropy\",\"weight\":1}]}");
        CliTestSupport.Result r = CliTestSupport.run("wgf", "--energy", p("heat.json"), "--scheme", "gaussian", "--time", "0.5",
                "--steps", "5", "--in", p("x.csv"), "--out", p("y.csv"), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        double[][] y = PointsCsv.read(dir.resolve("y.csv"));
        double[][] s0 = cov(x0);
        double[][] s = cov(y);
        // heat flow: S_t = S_0 + 2tI, mean fixed (affine map of the cloud: exact up to rounding)
        assertThat(s[0][0]).isCloseTo(s0[0][0] + 1.0, within(1e-10));
        assertThat(s[1][1]).isCloseTo(s0[1][1] + 1.0, within(1e-10));
        assertThat(s[0][1]).isCloseTo(s0[0][1], within(1e-10));
        assertThat(mean(y)).containsExactly(mean(x0), within(1e-10));
        JsonNode json = Output.JSON.readTree(r.out());
        JsonNode steps = json.get("steps");
        assertThat(steps).hasSize(6);
        for (int k = 0; k <= 5; k++) {
            double t = 0.1 * k;
            double[][] st = {{s0[0][0] + 2 * t, s0[0][1]}, {s0[1][0], s0[1][1] + 2 * t}};
            assertThat(steps.get(k).get("step").asInt()).isEqualTo(k);
            assertThat(steps.get(k).get("time").asDouble()).isCloseTo(t, within(1e-14));
            // the energy of the heat flow is int rho log rho = -H
            assertThat(steps.get(k).get("energy").asDouble()).isCloseTo(-gaussianEntropy(st), within(1e-10));
        }
        CliTestSupport.Result human = CliTestSupport.run("wgf", "--energy", p("heat.json"), "--scheme", "gaussian", "--time", "0.5",
                "--in", p("x.csv"), "--out", p("y2.csv"));
        assertThat(human.exitCode()).isZero();
        assertThat(human.out()).contains("gaussian WGF").contains("200 points");
    }

    @Test
    void ornsteinUhlenbeckExactAndParticle() throws Exception {
        write("ou.json", "{\"terms\":[{\"type\":\"entropy\"},{\"type\":\"potential\",\"A\":[[1,0],[0,1]],\"b\":[1,0]}]}");
        assertThat(CliTestSupport.run("wgf", "--energy", p("ou.json"), "--scheme", "gaussian", "--time", "1", "--steps", "4",
                "--in", p("x.csv"), "--out", p("g.csv")).exitCode()).isZero();
        double[][] g = PointsCsv.read(dir.resolve("g.csv"));
        double e = Math.exp(-1);
        double[] m0 = mean(x0);
        double[][] s0 = cov(x0);
        // OU with A = I: m_t = b + e^{-t}(m_0 - b), S_t = e^{-2t} S_0 + (1 - e^{-2t}) I
        assertThat(mean(g)).containsExactly(new double[] {1 + e * (m0[0] - 1), e * m0[1]}, within(1e-10));
        assertThat(cov(g)[0][0]).isCloseTo(e * e * s0[0][0] + 1 - e * e, within(1e-10));
        assertThat(cov(g)[0][1]).isCloseTo(e * e * s0[0][1], within(1e-10));
        // particle scheme: the blob entropy's velocities sum to zero, so the mean follows Euler on the potential,
        // m_K = b + (1 - dt)^K (m_0 - b)
        CliTestSupport.Result r = CliTestSupport.run("wgf", "--energy", p("ou.json"), "--scheme", "particle", "--time", "1",
                "--steps", "20", "--bandwidth", "0.4", "--in", p("x.csv"), "--out", p("q.csv"), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        double f = Math.pow(0.95, 20);
        assertThat(mean(PointsCsv.read(dir.resolve("q.csv")))).containsExactly(new double[] {1 + f * (m0[0] - 1), f * m0[1]}, within(1e-10));
        JsonNode steps = Output.JSON.readTree(r.out()).get("steps");
        assertThat(steps).hasSize(21);
        for (int k = 1; k < 21; k++) {
            assertThat(steps.get(k).get("energy").asDouble()).isLessThan(steps.get(k - 1).get("energy").asDouble());
        }
        assertThat(Output.JSON.readTree(r.out()).get("functional").asText()).contains("eps=0.4");
    }

    @Test
    void pluginFunctionalIsUsableByName() throws Exception {
        write("plug.json", "{\"terms\":[{\"type\":\"confinement\",\"c\":2}]}");
        CliTestSupport.Result r = CliTestSupport.run("wgf", "--energy", p("plug.json"), "--scheme", "particle", "--time", "0.5",
                "--steps", "10", "--in", p("x.csv"), "--out", p("y.csv"), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        double[][] y = PointsCsv.read(dir.resolve("y.csv"));
        // velocity -c x with c = 2, dt = 0.05: x_K = (1 - 0.1)^10 x_0
        double f = Math.pow(0.9, 10);
        for (int i = 0; i < y.length; i++) {
            assertThat(y[i]).containsExactly(new double[] {f * x0[i][0], f * x0[i][1]}, within(1e-12));
        }
        write("unknown.json", "{\"terms\":[{\"type\":\"confinment\"}]}");
        CliTestSupport.Result bad = CliTestSupport.run("wgf", "--energy", p("unknown.json"), "--scheme", "particle", "--time", "0.5",
                "--in", p("x.csv"), "--out", p("z.csv"));
        assertThat(bad.exitCode()).isEqualTo(3);
        assertThat(bad.err()).contains("unknown functional 'confinment'").contains("confinement, entropy, interaction, potential, renyi");
        assertThat(dir.resolve("z.csv")).doesNotExist();
    }

    @Test
    void badEnergiesExitThree() throws Exception {
        write("renyi.json", "{\"terms\":[{\"type\":\"renyi\",\"m\":1}]}");
        write("spd.json", "{\"terms\":[{\"type\":\"potential\",\"A\":[[1,2],[2,1]]}]}");
        write("noterms.json", "{\"energy\":[]}");
        for (String e : new String[] {"renyi.json", "spd.json", "noterms.json"}) {
            CliTestSupport.Result r = CliTestSupport.run("wgf", "--energy", p(e), "--scheme", "particle", "--time", "0.5",
                    "--in", p("x.csv"), "--out", p("z.csv"));
            assertThat(r.exitCode()).as(e).isEqualTo(3);
            assertThat(r.err()).contains(e).doesNotContain("Exception");
        }
        assertThat(CliTestSupport.run("wgf", "--energy", p("renyi.json"), "--scheme", "particle", "--time", "0.5",
                "--in", p("x.csv"), "--out", p("z.csv")).err()).contains("m must be greater than 1");
        CliTestSupport.Result scheme = CliTestSupport.run("wgf", "--energy", p("spd.json"), "--scheme", "rk4", "--time", "0.5",
                "--in", p("x.csv"), "--out", p("z.csv"));
        assertThat(scheme.exitCode()).isEqualTo(3);
        assertThat(scheme.err()).contains("known schemes");
        assertThat(CliTestSupport.run("wgf", "--energy", p("spd.json"), "--scheme", "particle", "--time", "-1",
                "--in", p("x.csv"), "--out", p("z.csv")).exitCode()).isEqualTo(3);
        assertThat(CliTestSupport.run("wgf", "--scheme", "particle").exitCode()).isEqualTo(2);
        assertThat(dir.resolve("z.csv")).doesNotExist();
    }

    @Test
    void predictedNumericalFailuresExitFourWithoutOutput() throws Exception {
        // explicit Euler on A = 100 I with dt = 0.1 is far beyond the stability limit 2/100
        write("stiff.json", "{\"terms\":[{\"type\":\"potential\",\"A\":[[100,0],[0,100]]}]}");
        CliTestSupport.Result r = CliTestSupport.run("wgf", "--energy", p("stiff.json"), "--scheme", "particle", "--time", "1",
                "--steps", "10", "--in", p("x.csv"), "--out", p("z.csv"));
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).contains("unstable");
        // the entropy-decreasing Gaussian flow S_t = S_0 - 2tI collapses at t* = lambda_min(S_0)/2 < 5
        write("sharpen.json", "{\"terms\":[{\"type\":\"entropy\",\"weight\":-1}]}");
        CliTestSupport.Result c = CliTestSupport.run("wgf", "--energy", p("sharpen.json"), "--scheme", "gaussian", "--time", "5",
                "--steps", "10", "--in", p("x.csv"), "--out", p("z.csv"));
        assertThat(c.exitCode()).isEqualTo(4);
        assertThat(c.err()).contains("collapses at t* = ");
        assertThat(dir.resolve("z.csv")).doesNotExist();
    }
}
