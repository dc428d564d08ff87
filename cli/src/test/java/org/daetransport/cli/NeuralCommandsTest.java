package org.daetransport.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.daetransport.api.Activation;
import org.daetransport.api.Backend;
import org.daetransport.api.DenseLayer;
import org.daetransport.api.SeededNormal;
import org.daetransport.backend.ejml.EjmlBackend;
import org.daetransport.transport.neural.Mlp;
import org.daetransport.transport.neural.ModelIo;
import org.daetransport.transport.neural.TrainedDae;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train, analyze and denoise with a neural law, end to end in-process. */
class NeuralCommandsTest {

    private static final double T = 0.5;

    @TempDir
    Path dir;

    private final Backend backend = new EjmlBackend();

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    private Path write(String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    /** Two tight clusters at (-2, 0) and (2, 0): the noise t = 0.5 is far larger than their spread. */
    @BeforeEach
    void clusters() throws Exception {
        double[] z = SeededNormal.fill(new double[160], new SplittableRandom(3));
        StringBuilder sb = new StringBuilder("# two clusters\n");
        for (int i = 0; i < 80; i++) {
            double cx = i % 2 == 0 ? -2 : 2;
            sb.append(cx + 0.05 * z[2 * i]).append(',').append(0.05 * z[2 * i + 1]).append('\n');
        }
        write("x.csv", sb.toString());
    }

    /** dae train on x.csv with small settings; {@code overrides} are option/value pairs replacing the defaults. */
    private CliTestSupport.Result train(String... overrides) {
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
        options.put("--data", p("x.csv"));
        options.put("--t", String.valueOf(T));
        options.put("--out", p("m.model"));
        options.put("--hidden", "16");
        options.put("--epochs", "150");
        options.put("--batch", "16");
        options.put("--lr", "0.01");
        for (int i = 0; i < overrides.length; i += 2) {
            options.put(overrides[i], overrides[i + 1]);
        }
        java.util.List<String> args = new java.util.ArrayList<>(List.of("train", "--json"));
        options.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        return CliTestSupport.run(args.toArray(new String[0]));
    }

    @Test
    void trainSavesADaeThatDenoisesBetterThanTheIdentity() throws Exception {
        CliTestSupport.Result r = train();
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = Output.JSON.readTree(r.out());
        assertThat(json.get("epochs").asInt()).isEqualTo(150);
        assertThat(json.get("seconds").asDouble()).isPositive();
        // the identity map's denoising loss is E|eps|^2 = t d = 1.0; the optimal DAE of two clusters 4 apart
        // (a soft sign towards the nearer cluster) has a loss close to 0, so a trained DAE must beat t d clearly
        double loss = json.get("finalLoss").asDouble();
        assertThat(loss).isPositive().isLessThan(0.5 * T * 2);
        TrainedDae dae = ModelIo.load(dir.resolve("m.model"), backend);
        assertThat(dae.t()).isEqualTo(T);
        assertThat(dae.model().dims()).containsExactly(2, 16, 2);
        assertThat(dae.finalLoss()).isEqualTo(loss);
    }

    @Test
    void denoiseWithANeuralLawAppliesTheSavedNetwork() throws Exception {
        assertThat(train().exitCode()).isZero();
        Files.createDirectories(dir.resolve("laws"));
        write("laws/n.json", "{\"type\":\"neural\",\"model\":\"../m.model\"}");
        write("q.csv", "-1.5,0.3\n0.4,-0.2\n2.5,0\n");
        CliTestSupport.Result r = CliTestSupport.run("denoise", "--law", p("laws/n.json"), "--in", p("q.csv"), "--out", p("y.csv"), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        double[][] y = PointsCsv.read(dir.resolve("y.csv"));
        double[][] q = {{-1.5, 0.3}, {0.4, -0.2}, {2.5, 0}};
        double[][] expected = ModelIo.load(dir.resolve("m.model"), backend).apply(backend.create().fromRows(q)).toRows();
        double meanDisp = 0;
        for (int i = 0; i < 3; i++) {
            assertThat(y[i]).containsExactly(expected[i], within(1e-15));
            meanDisp += Math.hypot(y[i][0] - q[i][0], y[i][1] - q[i][1]) / 3;
        }
        // denoised towards the clusters: the point at x = -1.5 moves left, the one at 2.5 moves left to 2
        assertThat(y[0][0]).isLessThan(-1.5);
        assertThat(y[2][0]).isLessThan(2.5);
        JsonNode json = Output.JSON.readTree(r.out());
        assertThat(json.get("n").asInt()).isEqualTo(3);
        assertThat(json.get("dim").asInt()).isEqualTo(2);
        assertThat(json.get("meanDisplacement").asDouble()).isCloseTo(meanDisp, within(1e-12));

        // --t equal to the model's noise is accepted; a different one fails naming both values
        assertThat(CliTestSupport.run("denoise", "--law", p("laws/n.json"), "--t", "0.5", "--in", p("q.csv"), "--out", p("y2.csv")).exitCode()).isZero();
        CliTestSupport.Result bad = CliTestSupport.run("denoise", "--law", p("laws/n.json"), "--t", "0.25", "--in", p("q.csv"), "--out", p("y3.csv"));
        assertThat(bad.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(bad.err().lines().toList()).hasSize(1);
        assertThat(bad.err()).contains("--t = 0.25 ").contains("t = 0.5 ").contains("m.model");
        assertThat(dir.resolve("y3.csv")).doesNotExist();
    }

    @Test
    void analyzeReportsEveryLayer() throws Exception {
        assertThat(train().exitCode()).isZero();
        CliTestSupport.Result r = CliTestSupport.run("analyze", "--model", p("m.model"), "--in", p("x.csv"), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode layers = Output.JSON.readTree(r.out()).get("layers");
        assertThat(layers).hasSize(2);
        int[][] dims = {{2, 16}, {16, 2}};
        for (int l = 0; l < 2; l++) {
            JsonNode layer = layers.get(l);
            assertThat(layer.fieldNames()).toIterable().containsExactly("layer", "dimIn", "dimOut", "meanDisplacement", "w2ToPrevious", "entropy");
            assertThat(layer.get("layer").asInt()).isEqualTo(l + 1);
            assertThat(layer.get("dimIn").asInt()).isEqualTo(dims[l][0]);
            assertThat(layer.get("dimOut").asInt()).isEqualTo(dims[l][1]);
            assertThat(layer.get("meanDisplacement").asDouble()).isPositive().isFinite();
            assertThat(layer.get("w2ToPrevious").asDouble()).isPositive().isFinite();
            assertThat(layer.get("entropy").isNumber()).isTrue();
        }
        // the input and the output are 2-D: displacement of the whole network, independently from the saved map
        double[][] x = PointsCsv.read(dir.resolve("x.csv"));
        Mlp net = ModelIo.loadMlp(dir.resolve("m.model"), backend);
        double[][] hidden = net.layers().get(0).forward(backend.create().fromRows(x)).toRows();
        double[][] out = net.apply(backend.create().fromRows(x)).toRows();
        double disp = 0;
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int j = 0; j < 16; j++) {
                double prev = j < 2 ? out[i][j] : 0; // layer 2's output zero-padded into R^16
                s += (prev - hidden[i][j]) * (prev - hidden[i][j]);
            }
            disp += Math.sqrt(s) / x.length;
        }
        assertThat(layers.get(1).get("meanDisplacement").asDouble()).isCloseTo(disp, within(1e-12));

        CliTestSupport.Result human = CliTestSupport.run("analyze", "--model", p("m.model"), "--in", p("x.csv"), "--w2", "sliced");
        assertThat(human.exitCode()).as(human.err()).isZero();
        assertThat(human.out()).contains("layer").contains("dimOut").contains("sliced");
    }

    @Test
    void analyzeWritesNullForADegenerateLayer() throws Exception {
        // a first layer with zero weights and bias sends every point to the origin: no density, entropy -infinity
        List<DenseLayer> layers = List.of(
                new DenseLayer(backend.create().zeros(2, 3), backend.create().zeros(1, 3), Activation.TANH),
                new DenseLayer(backend.create().fromRows(new double[][] {{1, 0}, {0, 1}, {1, 1}}), backend.create().fromRows(new double[][] {{0.5, -0.5}}), Activation.IDENTITY));
        ModelIo.save(new Mlp(layers), dir.resolve("zero.model"));
        CliTestSupport.Result r = CliTestSupport.run("analyze", "--model", p("zero.model"), "--in", p("x.csv"), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = Output.JSON.readTree(r.out());
        assertThat(json.get("layers").get(0).get("entropy").isNull()).isTrue();
        assertThat(json.get("layers").get(1).get("entropy").isNull()).isTrue();
        // every point moves from x to the origin of R^3: mean displacement is the mean norm of x
        double[][] x = PointsCsv.read(dir.resolve("x.csv"));
        double norm = 0;
        for (double[] row : x) {
            norm += Math.hypot(row[0], row[1]) / x.length;
        }
        assertThat(json.get("layers").get(0).get("meanDisplacement").asDouble()).isCloseTo(norm, within(1e-12));
        CliTestSupport.Result human = CliTestSupport.run("analyze", "--model", p("zero.model"), "--in", p("x.csv"));
        assertThat(human.out()).contains("degenerate");
    }

    @Test
    void badTrainingOptionsExitThreeWithOneLineAndNoModel() {
        for (String[] bad : new String[][] {{"--hidden", "16,x"}, {"--hidden", "16,-4"}, {"--t", "0"}, {"--lr", "-1"}, {"--activation", "cubic"}}) {
            CliTestSupport.Result r = train(bad);
            assertThat(r.exitCode()).as(String.join(" ", bad) + ": " + r.err()).isEqualTo(Main.BAD_INPUT);
            assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
            assertThat(dir.resolve("m.model")).doesNotExist();
        }
    }

    @Test
    void divergingTrainingExitsFourNamingTheEpochAndWritesNothing() {
        CliTestSupport.Result r = train("--lr", "1e300");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(Main.NUMERICAL_FAILURE);
        assertThat(r.err()).contains("epoch 1").contains("no model file written");
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(dir.resolve("m.model")).doesNotExist();
        assertThat(dir.toFile().list()).containsExactly("x.csv");
    }

    @Test
    void corruptedModelsAndMismatchedInputsExitThreeNamingTheFile() throws Exception {
        assertThat(train().exitCode()).isZero();
        byte[] bytes = Files.readAllBytes(dir.resolve("m.model"));
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(dir.resolve("bad.model"), bytes);
        CliTestSupport.Result r = CliTestSupport.run("analyze", "--model", p("bad.model"), "--in", p("x.csv"));
        assertThat(r.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("bad.model");
        assertThat(r.err().lines().toList()).hasSize(1);

        write("n.json", "{\"type\":\"neural\",\"model\":\"bad.model\"}");
        CliTestSupport.Result d = CliTestSupport.run("denoise", "--law", p("n.json"), "--in", p("x.csv"), "--out", p("y.csv"));
        assertThat(d.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(d.err()).contains("n.json").contains("bad.model");
        assertThat(dir.resolve("y.csv")).doesNotExist();

        write("x3.csv", "1,2,3\n4,5,6\n");
        CliTestSupport.Result m = CliTestSupport.run("analyze", "--model", p("m.model"), "--in", p("x3.csv"));
        assertThat(m.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(m.err()).contains("x3.csv").contains("dimension 3");
    }

    @Test
    void exactW2RefusesLargeCloudsSuggestingTheAlternatives() throws Exception {
        assertThat(train().exitCode()).isZero();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= AnalyzeCommand.EXACT_LIMIT; i++) {
            sb.append(i * 1e-3).append(',').append(Math.sin(i)).append('\n');
        }
        write("big.csv", sb.toString());
        CliTestSupport.Result r = CliTestSupport.run("analyze", "--model", p("m.model"), "--in", p("big.csv"));
        assertThat(r.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("--w2 sliced").contains("--w2 sinkhorn").contains("3001");
    }
}
