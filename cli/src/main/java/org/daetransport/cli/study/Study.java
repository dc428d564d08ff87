package org.daetransport.cli.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.daetransport.api.Backend;
import org.daetransport.cli.Progress;
import org.daetransport.cli.report.ReportDirectory;
import org.daetransport.cli.report.ReportWriter;
import org.daetransport.cli.report.Section;

/** The whole study (PAPER.md): runs every experiment and publishes the report atomically. */
public final class Study {

    private final List<Experiment> experiments;

    public Study(List<Experiment> experiments) {
        this.experiments = List.copyOf(experiments);
    }

    /**
     * Runs every experiment into a partial folder and publishes it as {@code out}; returns the
     * content of summary.json.
     */
    public Map<String, Object> run(Backend backend, long seed, boolean quick, Path out, String version) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("version", version);
        summary.put("backend", backend.name());
        summary.put("seed", seed);
        summary.put("quick", quick);
        Map<String, Object> numbers = new LinkedHashMap<>();
        summary.put("experiments", numbers);
        ReportDirectory.publish(out, dir -> {
            List<Section> sections = new ArrayList<>();
            Map<String, Object> seconds = new LinkedHashMap<>();
            try (Progress progress = Progress.start("dae reproduce", experiments.size())) {
                for (Experiment e : experiments) {
                    progress.message(e.title());
                    long t0 = System.nanoTime();
                    Section s = e.run(new Experiment.Context(backend, seed, quick, dir));
                    seconds.put(e.name(), (System.nanoTime() - t0) / 1e9);
                    sections.add(s);
                    numbers.put(e.name(), s.summary());
                    progress.step();
                }
            }
            summary.put("seconds", seconds);
            ReportWriter.writeHtml(dir, "DAE Transport: the study",
                    "Denoising autoencoders as transport maps: each experiment below is computed by this run ("
                            + (quick ? "quick version, " : "") + "backend " + backend.name() + ", seed " + seed
                            + ", version " + version + ") and checked against the closed forms of the paper where they exist.",
                    sections);
            java.nio.file.Files.writeString(dir.resolve("summary.json"),
                    new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary));
        });
        return summary;
    }
}
