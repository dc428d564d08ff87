package org.daetransport.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.daetransport.api.Backend;
import org.daetransport.api.StepHandler;
import org.daetransport.api.Tensor;
import org.daetransport.flows.Energy;
import org.daetransport.flows.FlowResult;
import org.daetransport.flows.FlowScheme;
import org.daetransport.flows.Functional;
import org.daetransport.flows.StepRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "wgf", description = {
        "Wasserstein gradient flow of an energy from a point cloud: explicit particles, implicit JKO,",
        "or the exact flow of the cloud's Gaussian fit (quadratic potentials, entropy, quadratic interaction)."},
        footerHeading = "%nExamples:%n", footer = {
        "  dae wgf --energy heat.json --scheme gaussian --time 0.5 --steps 5 --in x.csv --out y.csv --json",
        "  dae wgf --energy ou.json --scheme particle --time 1 --steps 100 --in x.csv --out y.csv --bandwidth 0.3",
        "Energy file: {\"terms\":[{\"type\":\"entropy\",\"weight\":1},{\"type\":\"potential\",\"A\":[[1,0],[0,1]],\"b\":[0,0]}]}"})
final class WgfCommand implements Callable<Integer> {

    @Mixin CommonOptions common;

    @Option(names = "--energy", required = true, paramLabel = "E",
            description = "Energy JSON {\"terms\":[..]}: entropy, potential, interaction, renyi, or a plug-in functional by name.")
    Path energy;

    @Option(names = "--scheme", required = true, paramLabel = "particle|jko|gaussian",
            description = "particle (explicit Euler), jko (implicit, L-BFGS per step), gaussian (exact flow of the Gaussian fit);"
                    + " quantile (exact 1-D Lagrangian scheme) too.")
    String scheme;

    @Option(names = "--time", required = true, paramLabel = "T", description = "Total flow time T > 0.")
    double time;

    @Option(names = "--steps", defaultValue = "10", paramLabel = "K", description = "Time steps. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--in", required = true, paramLabel = "X", description = "Initial particles (CSV).")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "Y", description = "Final particles (CSV, written atomically).")
    Path out;

    @Option(names = "--bandwidth", paramLabel = "H",
            description = "Blob bandwidth for the entropy and renyi terms that set none (default: the rule N^(-1/(d+4)) sigma).")
    Double bandwidth;

    @Override
    public Integer call() {
        Backend backend = Wiring.backend(common.backend);
        if (!(time > 0) || !Double.isFinite(time)) {
            throw new InputException("--time must be positive and finite, got " + time);
        }
        if (steps < 1) {
            throw new InputException("--steps must be at least 1, got " + steps);
        }
        if (bandwidth != null && !(bandwidth > 0 && Double.isFinite(bandwidth))) {
            throw new InputException("--bandwidth must be positive and finite, got " + bandwidth);
        }
        FlowScheme flow = FlowScheme.named(scheme);
        Tensor x = backend.create().fromRows(PointsCsv.read(in));
        Functional f = functional(x.cols());
        FlowResult result;
        try (Progress progress = Progress.start("dae wgf", steps)) {
            result = flow.run(f, x, time, steps, new StepHandler() {
                @Override public void handleStep(int step, double t, Tensor points) { progress.stepTo(step); }
            });
        }
        PointsCsv.write(out, result.particles().toRows());
        List<Map<String, Object>> stepList = new ArrayList<>();
        for (StepRecord r : result.steps()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("step", r.step());
            s.put("time", r.time());
            s.put("energy", r.energy());
            stepList.add(s);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("steps", stepList);
        json.put("scheme", result.provenance().scheme());
        json.put("functional", result.provenance().functional());
        double[] e = result.energies();
        Output.print(common, json, String.format("%s WGF of %s: moved %d points over time %s in %d steps into %s; energy %s -> %s",
                flow.name(), result.provenance().functional(), x.rows(), Output.num(time), steps, out,
                Output.num(e[0]), Output.num(e[e.length - 1])));
        return 0;
    }

    /** The energy file's functional; {@code --bandwidth} fills the entropy and renyi terms that set no bandwidth. */
    @SuppressWarnings("unchecked")
    private Functional functional(int dim) {
        Map<String, Object> spec = Output.JSON.convertValue(JsonFiles.read(energy), Map.class);
        if (bandwidth != null && spec.get("terms") instanceof List<?> terms) {
            for (Object t : terms) {
                if (t instanceof Map<?, ?> term && ("entropy".equals(term.get("type")) || "renyi".equals(term.get("type")))
                        && !term.containsKey("bandwidth") && !term.containsKey("bandwidthFactor")) {
                    ((Map<String, Object>) term).put("bandwidth", bandwidth);
                }
            }
        }
        try {
            return Energy.parse(spec, Wiring.functionals(), dim);
        } catch (IllegalArgumentException e) {
            throw new InputException(energy + ": " + e.getMessage(), e);
        }
    }
}
