package org.daetransport.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.daetransport.api.Backend;
import org.daetransport.api.Tensor;
import org.daetransport.transport.ot.SinkhornW2;
import org.daetransport.transport.ot.SlicedW2;
import org.daetransport.transport.ot.W2Distance;
import org.daetransport.transport.ot.W2Distances;
import org.daetransport.transport.ot.W2Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "w2", description = "Wasserstein-2 distance between two point clouds with uniform weights (any sizes for exact).",
        footerHeading = "%nExamples:%n", footer = {
        "  dae w2 a.csv b.csv --method exact",
        "  dae w2 a.csv b.csv --method sinkhorn --epsilon 0.001 --json",
        "  dae w2 a.csv b.csv --method sliced --projections 500"})
final class W2Command implements Callable<Integer> {

    @Mixin CommonOptions common;

    @Parameters(index = "0", paramLabel = "A", description = "First cloud (CSV).")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "Second cloud (CSV).")
    Path b;

    @Option(names = "--method", defaultValue = "exact", paramLabel = "exact|sinkhorn|sliced|bures",
            description = "exact (network simplex), sinkhorn (entropic plan's cost), sliced, bures (Gaussian fits). Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--epsilon", paramLabel = "E", description = "Sinkhorn regularisation (default 0.01 times the mean squared distance).")
    Double epsilon;

    @Option(names = "--projections", paramLabel = "K", description = "Sliced: number of random directions (default 200).")
    Integer projections;

    @Override
    public Integer call() {
        Backend backend = Wiring.backend(common.backend);
        W2Distance distance = distance();
        Tensor x = backend.create().fromRows(PointsCsv.read(a));
        Tensor y = backend.create().fromRows(PointsCsv.read(b));
        if (x.cols() != y.cols()) {
            throw new InputException(a + " has points of dimension " + x.cols() + " but " + b + " of dimension " + y.cols());
        }
        W2Result r = distance.distance(x, y);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("w2", r.w2());
        json.put("method", r.method());
        if (r.iterations() != null) {
            json.put("iterations", r.iterations());
        }
        if (r.converged() != null) {
            json.put("converged", r.converged());
        }
        Output.print(common, json, "W2 (" + r.method() + ") = " + Output.num(r.w2())
                + (r.iterations() == null ? "" : " after " + r.iterations() + " iterations")
                + (Boolean.FALSE.equals(r.converged()) ? " (NOT converged)" : ""));
        return 0;
    }

    private W2Distance distance() {
        if (epsilon != null && !method.equals(SinkhornW2.METHOD)) {
            throw new InputException("--epsilon applies to --method sinkhorn only");
        }
        if (projections != null && !method.equals(SlicedW2.METHOD)) {
            throw new InputException("--projections applies to --method sliced only");
        }
        if (epsilon != null) {
            return SinkhornW2.withEpsilon(epsilon);
        }
        if (projections != null) {
            return new SlicedW2(projections, common.seed);
        }
        return method.equals(SlicedW2.METHOD) ? new SlicedW2(SlicedW2.DEFAULT_PROJECTIONS, common.seed) : W2Distances.byName(method);
    }
}
