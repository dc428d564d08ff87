package org.daetransport.cli.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.daetransport.backend.ejml.EjmlBackend;
import org.daetransport.cli.report.Section;
import org.daetransport.cli.report.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Experiments 3 (toy data) and 6 (digits) in quick mode: figures written, numbers finite and consistent. */
class NeuralExperimentsTest {

    @TempDir
    Path dir;

    private Experiment.Context quick() {
        return new Experiment.Context(new EjmlBackend(), 42, true, dir);
    }

    private void assertFiguresExist(Section s) throws Exception {
        assertThat(s.figures()).isNotEmpty();
        for (Section.Figure f : s.figures()) {
            Path png = dir.resolve(f.file());
            assertThat(png).exists();
            byte[] head = Files.readAllBytes(png);
            // a PNG of a drawn chart: the signature and more than an empty image's few hundred bytes
            assertThat(head[1]).isEqualTo((byte) 'P');
            assertThat(head.length).isGreaterThan(5000);
        }
    }

    private static double number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).doubleValue();
    }

    @Test
    void toyDataCompareNeuralAndOptimalDeepDaes() throws Exception {
        Section s = new ToyDataExperiment().run(quick());
        assertFiguresExist(s);
        assertThat(s.tables()).hasSize(3);
        for (Table t : s.tables()) {
            List<Map<String, Object>> rows = t.records();
            assertThat(rows).hasSize(4); // quick: L = 3, plus the input
            // layer 0: both clouds are the input, so their W2 is zero and their entropies agree
            assertThat(number(rows.get(0), "W2(neural, optimal)")).isZero();
            assertThat(number(rows.get(0), "entropy neural")).isEqualTo(number(rows.get(0), "entropy optimal"));
            for (Map<String, Object> r : rows.subList(1, rows.size())) {
                for (String c : List.of("entropy optimal", "entropy neural", "W2(neural, optimal)", "W2(optimal, input)")) {
                    assertThat(number(r, c)).as(t.caption() + " " + c).isFinite();
                }
                assertThat(number(r, "W2(optimal, input)")).isPositive();
            }
            // blurring mean shift contracts the cloud, so its entropy falls layer after layer
            for (int k = 1; k < rows.size(); k++) {
                assertThat(number(rows.get(k), "entropy optimal")).as(t.caption()).isLessThan(number(rows.get(k - 1), "entropy optimal"));
            }
            // the trained denoiser contracts the noise too: its cloud's entropy ends below the input's
            Map<String, Object> last = rows.get(rows.size() - 1);
            assertThat(number(last, "entropy neural")).as(t.caption()).isLessThan(number(rows.get(0), "entropy neural"));
            assertThat(number(last, "W2(neural, optimal)")).as(t.caption()).isPositive();
        }
        assertThat(s.summary()).containsKeys("twoMoonsW2NeuralOptimalFinal", "swissRollW2NeuralOptimalFinal", "ringsW2NeuralOptimalFinal");
    }

    @Test
    void digitsClassifierAndDaeAnalysedLayerByLayer() throws Exception {
        Section s = new DigitsExperiment().run(quick());
        assertFiguresExist(s);
        Map<String, Object> summary = s.summary();
        assertThat((double) summary.get("heldOutAccuracy")).isGreaterThan(0.8);
        List<Map<String, Object>> rows = s.tables().get(0).records();
        // classifier: input + 3 layers; DAE: input + 2 layers
        assertThat(rows).hasSize(4 + 3);
        int[][] dims = {{64, 32}, {32, 16}, {16, 10}, {64, 32}, {32, 64}};
        int k = 0;
        for (Map<String, Object> r : rows) {
            assertThat(number(r, "entropy")).isFinite();
            double acc = number(r, "held-out nearest-mean accuracy");
            assertThat(acc).isBetween(0.0, 1.0);
            if ((int) r.get("layer") == 0) {
                continue;
            }
            assertThat(r.get("dimIn")).isEqualTo(dims[k][0]);
            assertThat(r.get("dimOut")).isEqualTo(dims[k][1]);
            k++;
            double disp = number(r, "mean displacement");
            double w2 = number(r, "W2 to previous");
            assertThat(disp).isPositive().isFinite();
            assertThat(w2).isPositive().isFinite();
        }
        // the classifier's last layer separates the classes at least as well as the pixels do
        assertThat((double) summary.get("classifierFinalNearestMeanAccuracy")).isGreaterThanOrEqualTo(
                (double) summary.get("inputNearestMeanAccuracy") - 0.02);
    }
}
