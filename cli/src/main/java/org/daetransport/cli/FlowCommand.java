package org.daetransport.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.daetransport.api.Backend;
import org.daetransport.api.StepHandler;
import org.daetransport.api.Tensor;
import org.daetransport.transport.entropy.EntropyEstimator;
import org.daetransport.transport.entropy.GaussianEntropy;
import org.daetransport.transport.entropy.KozachenkoLeonenko;
import org.daetransport.transport.flow.ContinuousDae;
import org.daetransport.transport.flow.DaeScheme;
import org.daetransport.transport.flow.DeepDae;
import org.daetransport.transport.flow.FlowResult;
import org.daetransport.transport.flow.IteratedDae;
import org.daetransport.transport.law.EmpiricalLaw;
import org.daetransport.transport.law.GaussianLaw;
import org.daetransport.transport.law.Law;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "flow", description = {
        "Moves points by a deep DAE (retrained on each pushforward), the same DAE iterated, or the continuous DAE,",
        "over total time (noise variance) T. For an empirical law the moving cloud itself is the law."},
        footerHeading = "%nExamples:%n", footer = {
        "  dae flow --law gauss.json --scheme continuous --time 0.4 --layers 20 --in x.csv --out y.csv --json",
        "  dae flow --law sample.json --scheme deep --time 0.1 --layers 10 --in x.csv --out y.csv --trajectory traj.csv"})
final class FlowCommand implements Callable<Integer> {

    @Mixin CommonOptions common;

    @Option(names = "--law", required = true, paramLabel = "L", description = "Law JSON file (gaussian, mixture or empirical).")
    Path law;

    @Option(names = "--scheme", required = true, paramLabel = "deep|iterated|continuous", description = "The dynamics.")
    String scheme;

    @Option(names = "--time", required = true, paramLabel = "T", description = "Total time (cumulative noise variance) T > 0.")
    double time;

    @Option(names = "--layers", defaultValue = "10", paramLabel = "K", description = "Layers / steps. Default: ${DEFAULT-VALUE}.")
    int layers;

    @Option(names = "--in", required = true, paramLabel = "X", description = "Input points (CSV).")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "Y", description = "Final points (CSV, written atomically).")
    Path out;

    @Option(names = "--trajectory", paramLabel = "F", description = "Writes every step as rows step,time,index,x1..xd (CSV).")
    Path trajectoryFile;

    @Option(names = "--bandwidth", paramLabel = "H", description = "Kernel bandwidth of the continuous scheme on an empirical law (default: Silverman's rule).")
    Double bandwidth;

    @Override
    public Integer call() {
        Backend backend = Wiring.backend(common.backend);
        if (!(time > 0) || !Double.isFinite(time)) {
            throw new InputException("--time must be positive and finite, got " + time);
        }
        if (layers < 1) {
            throw new InputException("--layers must be at least 1, got " + layers);
        }
        DaeScheme dynamics = scheme(backend);
        Law l = LawFiles.read(law, backend);
        Tensor x = backend.create().fromRows(PointsCsv.read(in));
        if (x.cols() != l.dim()) {
            throw new InputException(in + ": points of dimension " + x.cols() + " for a law of dimension " + l.dim());
        }
        EntropyEstimator estimator = new KozachenkoLeonenko();
        List<double[]> trajectoryRows = new ArrayList<>();
        List<Map<String, Object>> steps = new ArrayList<>();
        List<Double> cloudEntropies = new ArrayList<>();
        StepHandler recorder = new StepHandler() {
            @Override public void init(double t0, Tensor points) { record(0, t0, points); }
            @Override public void handleStep(int step, double t, Tensor points) { record(step, t, points); }
            private void record(int step, double t, Tensor points) {
                cloudEntropies.add(l instanceof GaussianLaw ? Double.NaN : estimator.entropy(points));
                if (trajectoryFile != null) {
                    double[][] rows = points.toRows();
                    for (int i = 0; i < rows.length; i++) {
                        double[] r = new double[rows[i].length + 3];
                        r[0] = step;
                        r[1] = t;
                        r[2] = i;
                        System.arraycopy(rows[i], 0, r, 3, rows[i].length);
                        trajectoryRows.add(r);
                    }
                }
            }
        };
        FlowResult result;
        try (Progress progress = Progress.start("dae flow", layers)) {
            result = dynamics.run(l, x, time, layers, StepHandler.all(recorder, new StepHandler() {
                @Override public void handleStep(int step, double t, Tensor points) { progress.stepTo(step); }
            }));
        }
        double[] times = result.times();
        for (int k = 0; k < times.length; k++) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("step", k);
            s.put("time", times[k]);
            // exact entropy when the law is a known Gaussian, else the estimate from the moving cloud
            s.put("entropy", k < result.laws().size() && result.laws().get(k) instanceof GaussianLaw g
                    ? GaussianEntropy.of(g) : cloudEntropies.get(k));
            steps.add(s);
        }
        PointsCsv.write(out, result.points().toRows());
        if (trajectoryFile != null) {
            PointsCsv.write(trajectoryFile, trajectoryRows.toArray(new double[0][]));
        }
        OptionalDouble collapse = l instanceof EmpiricalLaw ? OptionalDouble.empty() : ContinuousDae.collapseTime(l);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("steps", steps);
        json.put("collapseTime", collapse.isPresent() ? collapse.getAsDouble() : null);
        Object last = steps.get(steps.size() - 1).get("entropy");
        Output.print(common, json, String.format("%s DAE: moved %d points over time %s in %d steps into %s; entropy %s -> %s%s",
                dynamics.name(), x.rows(), Output.num(time), layers, out, Output.num((Double) steps.get(0).get("entropy")),
                Output.num((Double) last), collapse.isPresent() ? "; collapse time t* = " + Output.num(collapse.getAsDouble()) : ""));
        return 0;
    }

    private DaeScheme scheme(Backend backend) {
        return switch (scheme) {
            case "deep" -> new DeepDae();
            case "iterated" -> new IteratedDae();
            case "continuous" -> bandwidth == null ? new ContinuousDae() : new ContinuousDae().withBandwidth(positiveBandwidth());
            default -> throw new InputException("unknown scheme '" + scheme + "'; known: deep, iterated, continuous");
        };
    }

    private double positiveBandwidth() {
        if (!(bandwidth > 0)) {
            throw new InputException("--bandwidth must be positive, got " + bandwidth);
        }
        return bandwidth;
    }
}
