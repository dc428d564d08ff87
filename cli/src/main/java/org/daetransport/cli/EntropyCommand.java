package org.daetransport.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.daetransport.api.Backend;
import org.daetransport.transport.entropy.EntropyEstimator;
import org.daetransport.transport.entropy.EntropyEstimators;
import org.daetransport.transport.entropy.KozachenkoLeonenko;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "entropy", description = "Differential entropy estimate (nats) of the law a point cloud samples.",
        footerHeading = "%nExamples:%n", footer = {"  dae entropy x.csv", "  dae entropy x.csv --estimator kl --k 10 --json",
        "  dae entropy x.csv --estimator gaussian"})
final class EntropyCommand implements Callable<Integer> {

    @Mixin CommonOptions common;

    @Parameters(index = "0", paramLabel = "X", description = "Point cloud (CSV).")
    Path in;

    @Option(names = "--estimator", defaultValue = "kl", paramLabel = "kl|gaussian",
            description = "kl (Kozachenko-Leonenko, exact k-nearest neighbours) or gaussian (of the Gaussian fit). Default: ${DEFAULT-VALUE}.")
    String estimator;

    @Option(names = "--k", paramLabel = "K", description = "Neighbour rank of Kozachenko-Leonenko (default 5).")
    Integer k;

    @Override
    public Integer call() {
        Backend backend = Wiring.backend(common.backend);
        EntropyEstimator e = EntropyEstimators.byName(estimator);
        if (k != null) {
            if (!(e instanceof KozachenkoLeonenko)) {
                throw new InputException("--k applies to --estimator kl only");
            }
            e = new KozachenkoLeonenko(k);
        }
        double h = e.entropy(backend.create().fromRows(PointsCsv.read(in)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("entropy", h);
        json.put("estimator", e.name());
        Output.print(common, json, "entropy (" + e.name() + ") = " + Output.num(h) + " nats");
        return 0;
    }
}
