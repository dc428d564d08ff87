package org.daetransport.cli.study;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.daetransport.api.Activation;
import org.daetransport.api.Tensor;
import org.daetransport.api.Trajectory;
import org.daetransport.cli.report.Plots;
import org.daetransport.cli.report.Section;
import org.daetransport.cli.report.Table;
import org.daetransport.transport.entropy.EntropyEstimator;
import org.daetransport.transport.entropy.EntropyEstimators;
import org.daetransport.transport.entropy.KozachenkoLeonenko;
import org.daetransport.transport.flow.DeepDae;
import org.daetransport.transport.law.EmpiricalLaw;
import org.daetransport.transport.neural.DaeTrainer;
import org.daetransport.transport.neural.StackedDae;
import org.daetransport.transport.neural.StackedDaeTrainer;
import org.daetransport.transport.neural.ToyData;
import org.daetransport.transport.ot.ExactW2;
import org.daetransport.transport.ot.W2Distance;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Experiment 3: 2-D toy data (two moons, a Swiss roll, concentric rings). The optimal empirical
 * deep DAE (Gaussian blurring mean shift, each layer the optimal DAE of the current cloud) against a
 * neural deep DAE trained greedily layer by layer on the same schedule; trajectories, entropy
 * against depth, and the W2 distance between the two clouds at every layer.
 */
final class ToyDataExperiment implements Experiment {

    private static final Color GREY = new Color(190, 190, 190);
    private static final Color OPTIMAL = new Color(31, 119, 180);
    private static final Color NEURAL = new Color(255, 127, 14);

    /** One toy data set and the total noise variance T of its deep DAEs. */
    private record DataSet(String key, String label, double totalTime, Tensor points) {
    }

    /** The outcome on one data set. */
    private record Outcome(DataSet data, Trajectory optimal, Trajectory neural, double[] entropyOptimal,
                           double[] entropyNeural, double[] w2NeuralOptimal, double[] w2OptimalInput, double[] w2NeuralContinuous,
                           double trainSeconds) {
    }

    @Override public String name() { return "toyData"; }
    @Override public String title() { return "2-D toy data: optimal and neural deep DAEs"; }

    @Override
    public Section run(Context ctx) {
        int n = ctx.size(400, 200);
        int layers = ctx.size(5, 3);
        int epochs = ctx.size(60, 30);
        List<DataSet> sets = List.of(
                new DataSet("twoMoons", "two moons", 0.05, ToyData.twoMoons(ctx.backend(), n, 0.08, ctx.seed())),
                new DataSet("swissRoll", "Swiss roll", 0.03, ToyData.swissRoll2d(ctx.backend(), n, 0.05, ctx.seed() + 1)),
                new DataSet("rings", "concentric rings", 0.08, ToyData.rings(ctx.backend(), n, 2, 0.12, ctx.seed() + 2)));
        DaeTrainer base = DaeTrainer.builder().hidden(32, 32).activation(Activation.TANH).epochs(epochs).batchSize(32)
                .learningRate(5e-3).seed(ctx.seed()).noise(1.0).build();
        W2Distance w2 = new ExactW2();
        // the optimal deep DAE merges points: a cloud with exact duplicates has entropy -infinity
        EntropyEstimator kl = EntropyEstimators.minusInfinityWhenDegenerate(new KozachenkoLeonenko());

        Section s = new Section(name(), "3. 2-D toy data: the optimal and a trained deep DAE");
        List<Outcome> outcomes = new ArrayList<>();
        for (DataSet d : sets) {
            Outcome o = run(d, layers, base, w2, kl);
            outcomes.add(o);
            Table t = new Table(d.label() + ": per layer, optimal (blurring mean shift) and neural deep DAE, T = "
                    + d.totalTime() + ", L = " + layers + ", N = " + n,
                    "layer", "time", "entropy optimal", "entropy neural", "W2(neural, optimal)", "W2(optimal, input)",
                    "W2(neural, continuous DAE)");
            for (int k = 0; k <= layers; k++) {
                t.row(k, o.optimal().get(k).time(), o.entropyOptimal()[k], o.entropyNeural()[k], o.w2NeuralOptimal()[k],
                        o.w2OptimalInput()[k], o.w2NeuralContinuous()[k]);
            }
            s.table(t);
            scatter(ctx, o);
            s.number(d.key() + "TotalTime", d.totalTime())
                    .number(d.key() + "W2NeuralOptimalFinal", o.w2NeuralOptimal()[layers])
                    .number(d.key() + "W2OptimalInputFinal", o.w2OptimalInput()[layers])
                    .number(d.key() + "W2NeuralContinuousFinal", o.w2NeuralContinuous()[layers])
                    .number(d.key() + "EntropyInput", o.entropyOptimal()[0])
                    .number(d.key() + "EntropyOptimalFinal", o.entropyOptimal()[layers])
                    .number(d.key() + "EntropyNeuralFinal", o.entropyNeural()[layers])
                    .number(d.key() + "TrainingSeconds", o.trainSeconds());
        }
        entropyFigure(ctx, outcomes, layers);
        StringBuilder findings = new StringBuilder();
        for (Outcome o : outcomes) {
            findings.append(String.format(Locale.ROOT, " %s: entropy %.3f -> %.3f (optimal) and %.3f (neural) nats; "
                    + "W2(neural, optimal) = %.4f against W2(optimal, input) = %.4f.", o.data().label(), o.entropyOptimal()[0],
                    o.entropyOptimal()[layers], o.entropyNeural()[layers], o.w2NeuralOptimal()[layers], o.w2OptimalInput()[layers]));
        }
        s.paragraph("Three 2-D toy clouds of N = " + n + " points are moved by two deep DAEs with the same uniform schedule "
                + "(L = " + layers + " layers of noise T/L each). The optimal empirical deep DAE retrains each layer exactly: layer k "
                + "is the optimal DAE of the current cloud, which is Gaussian blurring mean shift with bandwidth sqrt(T/L). The neural "
                + "deep DAE stacks small tanh networks (2-32-32-2, " + epochs + " epochs of Adam per layer), each trained on the "
                + "denoising loss with the same noise on the pushforward of the previous layers. The two do not agree, and the "
                + "disagreement is the point: the optimal empirical DAE minimises the denoising loss of the finite sample over all "
                + "maps, so with a bandwidth comparable to the spacing of the points it memorises the sample, pulling the points "
                + "into short clumps along the curves, and its entropy falls fast. The small network cannot represent that "
                + "sample-specific map; it learns a smooth denoiser that contracts the noise only slightly and, like a DAE of the "
                + "smoothed law, pulls points towards the inside of curved arcs, and its entropy falls slowly. By the last layer "
                + "the neural cloud is further (in exact W2) from the optimal cloud than the optimal cloud is from the input, so "
                + "the network is not a good approximation of the empirical optimum here; more epochs do not change this (tried "
                + "up to 200 per layer). The last column compares the neural stack with the continuous DAE of the input cloud "
                + "(the particle scheme with a kernel-density score at the same times). Entropies are Kozachenko-Leonenko "
                + "estimates (k = 5)." + findings);
        for (Outcome o : outcomes) {
            s.figure("toy-" + o.data().key() + ".png", o.data().label() + ": input (grey), end of the optimal deep DAE (blue) "
                    + "and of the neural deep DAE (orange), with a few optimal trajectories.");
        }
        s.figure("toy-entropy.png", "Entropy (Kozachenko-Leonenko) against depth, optimal (solid) and neural (dashed) deep DAEs.");
        return s;
    }

    private static Outcome run(DataSet d, int layers, DaeTrainer base, W2Distance w2, EntropyEstimator kl) {
        Tensor x = d.points();
        Trajectory optimal = new Trajectory();
        new DeepDae().run(new EmpiricalLaw(x), x, d.totalTime(), layers, optimal);
        long t0 = System.nanoTime();
        StackedDae stacked = new StackedDaeTrainer(base, layers, d.totalTime()).train(x);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Trajectory neural = stacked.trajectory();
        double[] hOpt = new double[layers + 1];
        double[] hNeural = new double[layers + 1];
        double[] w2No = new double[layers + 1];
        double[] w2Oi = new double[layers + 1];
        for (int k = 0; k <= layers; k++) {
            Tensor o = optimal.get(k).points();
            Tensor nk = neural.get(k).points();
            hOpt[k] = kl.entropy(o);
            hNeural[k] = kl.entropy(nk);
            w2No[k] = w2.distance(nk, o).w2();
            w2Oi[k] = w2.distance(o, x).w2();
        }
        double[] w2Nc = new double[layers + 1];
        for (StackedDae.LayerComparison c : stacked.compareWithContinuous(w2)) {
            w2Nc[c.layer()] = c.w2();
        }
        return new Outcome(d, optimal, neural, hOpt, hNeural, w2No, w2Oi, w2Nc, seconds);
    }

    private static void scatter(Context ctx, Outcome o) {
        XYChart c = Plots.chart(o.data().label() + ": deep DAEs, T = " + o.data().totalTime(), "x1", "x2");
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        c.getStyler().setMarkerSize(4);
        double[][] start = o.optimal().get(0).points().toRows();
        double[][] endOpt = o.optimal().last().points().toRows();
        double[][] endNeural = o.neural().last().points().toRows();
        Plots.scatter(c, "input", Plots.column(start, 0), Plots.column(start, 1)).setMarkerColor(GREY);
        int stride = Math.max(1, start.length / 40);
        for (int i = 0; i < start.length; i += stride) {
            double[] xs = new double[o.optimal().size()];
            double[] ys = new double[o.optimal().size()];
            for (int k = 0; k < xs.length; k++) {
                xs[k] = o.optimal().get(k).points().get(i, 0);
                ys[k] = o.optimal().get(k).points().get(i, 1);
            }
            XYSeries path = Plots.line(c, "path " + i, xs, ys);
            path.setMarker(SeriesMarkers.NONE);
            path.setLineColor(new Color(120, 120, 120));
            path.setShowInLegend(false);
        }
        Plots.scatter(c, "optimal deep DAE (end)", Plots.column(endOpt, 0), Plots.column(endOpt, 1)).setMarkerColor(OPTIMAL);
        Plots.scatter(c, "neural deep DAE (end)", Plots.column(endNeural, 0), Plots.column(endNeural, 1)).setMarkerColor(NEURAL);
        Plots.save(c, ctx.figures(), "toy-" + o.data().key() + ".png");
    }

    private static void entropyFigure(Context ctx, List<Outcome> outcomes, int layers) {
        XYChart c = Plots.chart("Entropy against depth", "layer", "entropy (nats, KL estimate)");
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        double[] depth = new double[layers + 1];
        for (int k = 0; k <= layers; k++) {
            depth[k] = k;
        }
        Color[] colors = {new Color(31, 119, 180), new Color(44, 160, 44), new Color(214, 39, 40)};
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            Plots.line(c, o.data().label() + ", optimal", depth, finiteOrGap(o.entropyOptimal())).setLineColor(colors[i]);
            XYSeries neural = Plots.reference(c, o.data().label() + ", neural", depth, finiteOrGap(o.entropyNeural()));
            neural.setLineColor(colors[i]);
        }
        Plots.save(c, ctx.figures(), "toy-entropy.png");
    }

    /** A curve with its infinite values (merged points) left out of the plot as gaps. */
    private static double[] finiteOrGap(double[] values) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            if (!Double.isFinite(out[i])) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }
}
