package org.daetransport.cli.study;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.daetransport.api.Activation;
import org.daetransport.api.Tensor;
import org.daetransport.cli.report.Plots;
import org.daetransport.cli.report.Section;
import org.daetransport.cli.report.Table;
import org.daetransport.transport.analysis.LayerReport;
import org.daetransport.transport.analysis.NetworkAnalysis;
import org.daetransport.transport.analysis.NetworkTransport;
import org.daetransport.transport.entropy.KozachenkoLeonenko;
import org.daetransport.transport.neural.DaeTrainer;
import org.daetransport.transport.neural.Digits;
import org.daetransport.transport.neural.Mlp;
import org.daetransport.transport.neural.MlpTrainer;
import org.daetransport.transport.neural.SoftmaxCrossEntropy;
import org.daetransport.transport.neural.TrainedDae;
import org.daetransport.transport.neural.TrainingConfig;
import org.daetransport.transport.ot.ExactW2;
import org.knowm.xchart.XYChart;

/**
 * Experiment 6: the hand-written digits (64 pixels). A small classifier 64-32-16-10 and a DAE
 * 64-32-64 are trained, then analysed as transport maps layer by layer on held-out images:
 * displacement, W2 to the previous layer, entropy, and how well the classes separate at each layer
 * (held-out accuracy of the nearest class mean computed on the training images).
 */
final class DigitsExperiment implements Experiment {

    private static final int[] CLASSIFIER = {64, 32, 16, Digits.CLASSES};
    private static final double DAE_NOISE = 0.05;

    @Override public String name() { return "digits"; }
    @Override public String title() { return "Digits: a classifier and a DAE as transport maps"; }

    @Override
    public Section run(Context ctx) {
        Digits all = Digits.load(ctx.backend());
        int testSize = ctx.size(500, 300);
        int trainSize = ctx.size(Digits.ROWS - testSize, 800);
        int epochs = ctx.size(40, 25);
        int[] order = permutation(Digits.ROWS, ctx.seed());
        int[] trainRows = java.util.Arrays.copyOfRange(order, 0, trainSize);
        int[] testRows = java.util.Arrays.copyOfRange(order, Digits.ROWS - testSize, Digits.ROWS);
        Digits train = all.rows(trainRows);
        Digits test = all.rows(testRows);

        long t0 = System.nanoTime();
        Mlp initial = Mlp.create(ctx.backend(), CLASSIFIER, Activation.TANH, Activation.IDENTITY, ctx.seed());
        Mlp classifier = new MlpTrainer(TrainingConfig.adam(epochs, 32, 3e-3, ctx.seed()), null).fit(initial, train.features(),
                SoftmaxCrossEntropy.oneHot(ctx.backend(), train.labels(), Digits.CLASSES), new SoftmaxCrossEntropy()).model();
        double accuracy = SoftmaxCrossEntropy.accuracy(classifier.forward(test.features()), test.labels());
        TrainedDae dae = DaeTrainer.builder().hidden(32).activation(Activation.TANH).epochs(epochs).batchSize(32)
                .learningRate(3e-3).seed(ctx.seed()).noise(DAE_NOISE).build().train(train.features());
        double trainSeconds = (System.nanoTime() - t0) / 1e9;

        // exact W2 on the held-out cloud: at most 500 points, a 500 x 500 transport problem per layer
        NetworkAnalysis analysis = new NetworkAnalysis(new ExactW2(), new KozachenkoLeonenko());
        NetworkTransport classifierTransport = analysis.analyze(classifier, test.features());
        NetworkTransport daeTransport = analysis.analyze(dae.model(), test.features());
        double[] classifierSeparation = nearestMeanAccuracy(classifier, train, test);
        double[] daeSeparation = nearestMeanAccuracy(dae.model(), train, test);

        Table table = new Table("per layer on " + testSize + " held-out images (W2 exact; entropy: Kozachenko-Leonenko estimate, k = 5)",
                "network", "layer", "dimIn", "dimOut", "mean displacement", "W2 to previous", "entropy",
                "held-out nearest-mean accuracy");
        addRows(table, "classifier", classifierTransport, classifierSeparation);
        addRows(table, "DAE", daeTransport, daeSeparation);
        figures(ctx, classifierTransport, daeTransport);

        Section s = new Section(name(), "6. Digits: a classifier and a DAE as transport maps")
                .paragraph("The 1797 bundled 8 x 8 digit images (64 grey levels in [0, 1]) are split at random into " + trainSize
                        + " training and " + testSize + " held-out images. A classifier 64-32-16-10 (tanh, linear output, softmax "
                        + "cross-entropy) and a DAE 64-32-64 of noise t = " + DAE_NOISE + " are trained by Adam (" + epochs
                        + " epochs each); the classifier reaches a held-out accuracy of " + String.format("%.3f", accuracy)
                        + ". Each network is then read as a transport map on the held-out images: every layer space is embedded in "
                        + "R^64 by zero padding, and each layer's mean displacement and the exact W2 distance between consecutive "
                        + "clouds are measured there. The last column is the held-out accuracy of the nearest class mean (class "
                        + "means of the training images at that layer): how separated the classes are along the trajectory. "
                        + "The entropies are Kozachenko-Leonenko estimates in each layer's own dimension; with a few hundred points "
                        + "in up to 64 dimensions, and pixel clouds that lie near a lower-dimensional set (several pixels are "
                        + "almost always blank), they are rough and strongly biased, so only their trend along a network is "
                        + "meaningful, not their values or a comparison across dimensions."
                        + String.format(java.util.Locale.ROOT, " Here the classifier's layers make the classes more separable "
                                + "(nearest-mean accuracy %.3f on the pixels, %.3f after its last layer), while the DAE, trained only "
                                + "to denoise, leaves it about where it was (%.3f after its reconstruction). The DAE's output lies on the "
                                + "image of its 32-unit bottleneck, a 32-dimensional set in R^64, so its 64-dimensional entropy estimate "
                                + "is very negative (%.1f nats): a sign of that degeneracy, not a density.",
                                classifierSeparation[0], classifierSeparation[classifierSeparation.length - 1],
                                daeSeparation[daeSeparation.length - 1], daeTransport.layers().get(1).entropy()))
                .figure("digits-displacement.png", "Mean displacement and W2 to the previous layer, layer by layer, for the classifier and the DAE.")
                .figure("digits-entropy.png", "Entropy estimate (Kozachenko-Leonenko) of the cloud after each layer (layer 0: the input images).")
                .number("trainSize", trainSize).number("testSize", testSize).number("epochs", epochs)
                .number("heldOutAccuracy", accuracy)
                .number("daeFinalLoss", dae.finalLoss())
                .number("inputNearestMeanAccuracy", classifierSeparation[0])
                .number("classifierFinalNearestMeanAccuracy", classifierSeparation[classifierSeparation.length - 1])
                .number("trainingSeconds", trainSeconds);
        s.table(table);
        return s;
    }

    private static void addRows(Table t, String network, NetworkTransport tr, double[] separation) {
        t.row(network, 0, "-", tr.layers().get(0).dimIn(), "-", "-", tr.inputEntropy(), separation[0]);
        for (LayerReport r : tr.layers()) {
            t.row(network, r.layer(), r.dimIn(), r.dimOut(), r.meanDisplacement(), r.w2ToPrevious(), r.entropy(),
                    separation[r.layer()]);
        }
    }

    /**
     * For the input and every layer's output: the fraction of test images whose nearest class mean
     * (the means of the training images' representations at that layer) is their own class's.
     */
    static double[] nearestMeanAccuracy(Mlp network, Digits train, Digits test) {
        List<Tensor> trainStates = new ArrayList<>();
        trainStates.add(train.features());
        trainStates.addAll(network.forwardAll(train.features()));
        List<Tensor> testStates = new ArrayList<>();
        testStates.add(test.features());
        testStates.addAll(network.forwardAll(test.features()));
        double[] out = new double[trainStates.size()];
        for (int l = 0; l < out.length; l++) {
            double[][] means = classMeans(trainStates.get(l).toRows(), train.labels());
            double[][] points = testStates.get(l).toRows();
            int hits = 0;
            for (int i = 0; i < points.length; i++) {
                int best = 0;
                double bestD = Double.POSITIVE_INFINITY;
                for (int c = 0; c < means.length; c++) {
                    double dist = 0;
                    for (int j = 0; j < points[i].length; j++) {
                        double diff = points[i][j] - means[c][j];
                        dist += diff * diff;
                    }
                    if (dist < bestD) {
                        bestD = dist;
                        best = c;
                    }
                }
                hits += best == test.label(i) ? 1 : 0;
            }
            out[l] = hits / (double) points.length;
        }
        return out;
    }

    private static double[][] classMeans(double[][] points, int[] labels) {
        int d = points[0].length;
        double[][] means = new double[Digits.CLASSES][d];
        int[] count = new int[Digits.CLASSES];
        for (int i = 0; i < points.length; i++) {
            count[labels[i]]++;
            for (int j = 0; j < d; j++) {
                means[labels[i]][j] += points[i][j];
            }
        }
        for (int c = 0; c < means.length; c++) {
            for (int j = 0; j < d; j++) {
                means[c][j] /= Math.max(1, count[c]);
            }
        }
        return means;
    }

    /** A seeded Fisher-Yates permutation of 0..n-1. */
    private static int[] permutation(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }

    private static void figures(Context ctx, NetworkTransport classifier, NetworkTransport dae) {
        XYChart c = Plots.chart("Digits: transport per layer", "layer", "distance");
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        Plots.line(c, "classifier: mean displacement", layers(classifier, false), displacement(classifier));
        Plots.reference(c, "classifier: W2 to previous", layers(classifier, false), w2(classifier));
        Plots.line(c, "DAE: mean displacement", layers(dae, false), displacement(dae));
        Plots.reference(c, "DAE: W2 to previous", layers(dae, false), w2(dae));
        Plots.save(c, ctx.figures(), "digits-displacement.png");
        XYChart h = Plots.chart("Digits: entropy along the network", "layer (0 = input)", "entropy (nats, KL estimate)");
        h.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        Plots.line(h, "classifier", layers(classifier, true), entropies(classifier));
        Plots.line(h, "DAE", layers(dae, true), entropies(dae));
        Plots.save(h, ctx.figures(), "digits-entropy.png");
    }

    private static double[] layers(NetworkTransport t, boolean withInput) {
        int n = t.layers().size();
        double[] x = new double[withInput ? n + 1 : n];
        for (int i = 0; i < x.length; i++) {
            x[i] = withInput ? i : i + 1;
        }
        return x;
    }

    private static double[] displacement(NetworkTransport t) {
        return t.layers().stream().mapToDouble(LayerReport::meanDisplacement).toArray();
    }

    private static double[] w2(NetworkTransport t) {
        return t.layers().stream().mapToDouble(LayerReport::w2ToPrevious).toArray();
    }

    private static double[] entropies(NetworkTransport t) {
        double[] h = new double[t.layers().size() + 1];
        h[0] = t.inputEntropy();
        for (int i = 0; i < t.layers().size(); i++) {
            h[i + 1] = t.layers().get(i).entropy();
        }
        return h;
    }
}
