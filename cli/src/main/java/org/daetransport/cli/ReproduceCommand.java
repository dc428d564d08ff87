package org.daetransport.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.daetransport.api.Backend;
import org.daetransport.cli.study.Studies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "reproduce", description = {
        "Runs the whole study of the paper on the chosen backend and writes DIR/index.html, its PNG figures",
        "and DIR/summary.json. The report folder is replaced only once complete."},
        footerHeading = "%nExamples:%n", footer = {
        "  dae reproduce                      (writes report/)",
        "  dae reproduce --quick --out /tmp/r --json",
        "  dae reproduce --backend nd4j"})
final class ReproduceCommand implements Callable<Integer> {

    @Mixin CommonOptions common;

    @Option(names = "--out", defaultValue = "report", paramLabel = "DIR", description = "Report folder. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--quick", description = "A small version of the study (about a minute).")
    boolean quick;

    @Override
    public Integer call() {
        Backend backend = Wiring.backend(common.backend);
        long t0 = System.nanoTime();
        Map<String, Object> summary = Studies.standard().run(backend, common.seed, quick, out, Main.version());
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> json = new LinkedHashMap<>(summary);
        Output.print(common, json, "wrote " + out.resolve("index.html") + " and " + out.resolve("summary.json")
                + " (" + ((Map<?, ?>) summary.get("experiments")).size() + " experiments, backend " + backend.name()
                + ", " + String.format("%.1f", seconds) + " s)");
        return 0;
    }
}
