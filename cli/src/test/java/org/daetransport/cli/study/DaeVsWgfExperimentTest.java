package org.daetransport.cli.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.daetransport.backend.ejml.EjmlBackend;
import org.daetransport.cli.report.Section;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaeVsWgfExperimentTest {

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void quickRunWritesFiguresAndAShrinkingGap() {
        Section s = new DaeVsWgfExperiment().run(new Experiment.Context(new EjmlBackend(), 42, true, dir));
        Map<String, Object> summary = s.summary();
        List<Double> gaps = (List<Double>) summary.get("finalW2Gap");
        assertThat(summary.get("layers")).isEqualTo(List.of(4, 16));
        assertThat(gaps.get(1)).isPositive().isLessThan(gaps.get(0) / 2);
        // both particle flows lose less entropy than the exact Gaussian flow: kernel smoothing slows the variance
        // decay to the rate 2s/(s + h^2) (s from 0.52 down to 0.32 on the small axis, h^2 = 0.15 at N = 150: about
        // 0.7) and each particle's own kernel weight slows it further; a third of the exact drop at the very least
        double exact = (Double) summary.get("exactEntropyDrop");
        double fit = (Double) summary.get("wgfGaussianFitEntropyDrop");
        assertThat(fit / exact).isBetween(0.35, 1.0);
        assertThat(dir.resolve("dae-vs-wgf-gap.png")).isNotEmptyFile();
        assertThat(dir.resolve("dae-vs-wgf-entropy.png")).isNotEmptyFile();
        assertThat(s.tables().get(0).rows()).hasSize(2);
        assertThat(s.name()).isEqualTo("daeVsWgf");
    }
}
