package org.daetransport.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.daetransport.api.Backend;
import org.daetransport.api.Tensor;
import org.daetransport.transport.analysis.LayerReport;
import org.daetransport.transport.analysis.NetworkAnalysis;
import org.daetransport.transport.analysis.NetworkTransport;
import org.daetransport.transport.entropy.EntropyEstimator;
import org.daetransport.transport.entropy.EntropyEstimators;
import org.daetransport.transport.entropy.GaussianEntropy;
import org.daetransport.transport.entropy.KozachenkoLeonenko;
import org.daetransport.transport.neural.Mlp;
import org.daetransport.transport.neural.ModelIo;
import org.daetransport.transport.ot.ExactW2;
import org.daetransport.transport.ot.W2Distance;
import org.daetransport.transport.ot.W2Distances;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "analyze", description = {
        "Transport analysis of a saved feed-forward network (a model written by 'dae train' or any saved MLP) on a",
        "point cloud: every layer space is embedded in R^max(width) by zero padding, and for each layer the mean",
        "displacement of the points, the W2 distance to the previous layer's cloud and the entropy of its output."},
        footerHeading = "%nExamples:%n", footer = {
        "  dae analyze --model dae.model --in x.csv",
        "  dae analyze --model dae.model --in big.csv --w2 sliced --entropy gaussian --json"})
final class AnalyzeCommand implements Callable<Integer> {

    /** Above this many points the exact W2 (an N x N transport problem per layer) is refused as too slow. */
    static final int EXACT_LIMIT = 3000;

    @Mixin CommonOptions common;

    @Option(names = "--model", required = true, paramLabel = "M", description = "Model file (from 'dae train').")
    Path model;

    @Option(names = "--in", required = true, paramLabel = "X", description = "Input points (CSV).")
    Path in;

    @Option(names = "--w2", defaultValue = "exact", paramLabel = "exact|sinkhorn|sliced|bures",
            description = "W2 method between consecutive layers (exact only up to " + EXACT_LIMIT + " points). Default: ${DEFAULT-VALUE}.")
    String w2;

    @Option(names = "--entropy", defaultValue = "kl", paramLabel = "kl|gaussian",
            description = "Entropy estimator of each layer's cloud. Default: ${DEFAULT-VALUE}.")
    String entropy;

    @Override
    public Integer call() {
        Backend backend = Wiring.backend(common.backend);
        W2Distance distance = W2Distances.byName(w2);
        EntropyEstimator estimator = EntropyEstimators.byName(entropy);
        Mlp network = ModelIo.loadMlp(model, backend);
        Tensor x = backend.create().fromRows(PointsCsv.read(in));
        if (x.cols() != network.inputDim()) {
            throw new InputException(in + ": points of dimension " + x.cols() + " but the network " + model
                    + " takes dimension " + network.inputDim());
        }
        int widest = 0;
        for (int d : network.dims()) {
            widest = Math.max(widest, d);
        }
        if (distance instanceof ExactW2 && x.rows() > EXACT_LIMIT && widest > 1) {
            throw new InputException(in + ": " + x.rows() + " points are too many for the exact W2 (at most " + EXACT_LIMIT
                    + "); use --w2 sliced or --w2 sinkhorn");
        }
        int needed = estimator instanceof GaussianEntropy ? widest + 1 : KozachenkoLeonenko.DEFAULT_K + 1;
        if (x.rows() < needed) {
            throw new InputException(in + ": " + x.rows() + " points are too few for the " + estimator.name()
                    + " entropy estimator here (at least " + needed + ")");
        }
        NetworkTransport result = new NetworkAnalysis(distance, EntropyEstimators.minusInfinityWhenDegenerate(estimator)).analyze(network, x);

        List<Map<String, Object>> layers = new ArrayList<>();
        StringBuilder human = new StringBuilder();
        human.append(String.format("network %s on %d points; W2 %s, entropy %s (nats); input entropy %s%n",
                java.util.Arrays.toString(network.dims()), x.rows(), distance.method(), estimator.name(),
                entropyText(result.inputEntropy())));
        human.append(String.format("%5s %6s %6s %14s %14s %14s%n", "layer", "dimIn", "dimOut", "displacement", "W2 to prev", "entropy"));
        for (LayerReport r : result.layers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("layer", r.layer());
            m.put("dimIn", r.dimIn());
            m.put("dimOut", r.dimOut());
            m.put("meanDisplacement", r.meanDisplacement());
            m.put("w2ToPrevious", r.w2ToPrevious());
            m.put("entropy", Double.isFinite(r.entropy()) ? r.entropy() : null);
            layers.add(m);
            human.append(String.format("%5d %6d %6d %14s %14s %14s%n", r.layer(), r.dimIn(), r.dimOut(),
                    Output.num(r.meanDisplacement()), Output.num(r.w2ToPrevious()), entropyText(r.entropy())));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("n", x.rows());
        json.put("w2Method", distance.method());
        json.put("entropyEstimator", estimator.name());
        json.put("inputEntropy", Double.isFinite(result.inputEntropy()) ? result.inputEntropy() : null);
        json.put("layers", layers);
        Output.print(common, json, human.toString().stripTrailing());
        return 0;
    }

    private static String entropyText(double h) {
        return Double.isFinite(h) ? Output.num(h) : "degenerate";
    }
}
