package org.daetransport.cli.study;

import java.util.ArrayList;
import java.util.List;
import org.daetransport.api.StepHandler;
import org.daetransport.api.Tensor;
import org.daetransport.api.Trajectory;
import org.daetransport.cli.report.Plots;
import org.daetransport.cli.report.Section;
import org.daetransport.cli.report.Table;
import org.daetransport.transport.dae.OptimalDae;
import org.daetransport.transport.flow.ContinuousDae;
import org.daetransport.transport.flow.DeepDae;
import org.daetransport.transport.law.GaussianLaw;
import org.daetransport.transport.law.MixtureLaw;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Experiment 2: a 2-D Gaussian mixture moved by a shallow DAE of large t, a deep DAE and the
 * continuous DAE; the deep and continuous ones carry points to their own component's mode.
 */
final class MixtureExperiment implements Experiment {

    private static final double[][] MEANS = {{-2.0, 0.0}, {1.5, 1.5}, {1.0, -2.0}};
    private static final double[] WEIGHTS = {0.3, 0.4, 0.3};
    private static final double VARIANCE = 0.35;

    @Override public String name() { return "mixture"; }
    @Override public String title() { return "Gaussian mixture: deep DAEs separate clusters"; }

    @Override
    public Section run(Context ctx) {
        List<MixtureLaw.Component> comps = new ArrayList<>();
        for (int k = 0; k < MEANS.length; k++) {
            comps.add(new MixtureLaw.Component(WEIGHTS[k], new GaussianLaw(MEANS[k], new double[][] {{VARIANCE, 0}, {0, VARIANCE}})));
        }
        MixtureLaw law = new MixtureLaw(comps);
        int n = ctx.size(1500, 240);
        // a stratified sample, so that every point knows its component
        double[][] rows = new double[n][];
        int[] label = new int[n];
        int filled = 0;
        for (int k = 0; k < MEANS.length; k++) {
            int nk = k == MEANS.length - 1 ? n - filled : (int) Math.round(WEIGHTS[k] * n);
            double[][] s = comps.get(k).law().sample(nk, ctx.seed() + k, ctx.backend()).toRows();
            for (double[] r : s) {
                label[filled] = k;
                rows[filled++] = r;
            }
        }
        Tensor x0 = ctx.backend().create().fromRows(rows);
        double tStar = ContinuousDae.collapseTime(law).orElseThrow();
        double total = 0.9 * tStar;
        double largeT = 10.0;
        int layers = ctx.size(20, 10);
        Tensor shallowSmall = OptimalDae.of(law, total).apply(x0);
        Tensor shallowLarge = OptimalDae.of(law, largeT).apply(x0);
        Trajectory deepPath = new Trajectory();
        Tensor deep = new DeepDae().run(law, x0, total, layers, deepPath).points();
        Trajectory contPath = new Trajectory();
        Tensor cont = new ContinuousDae().run(law, x0, total, layers, contPath).points();

        Table table = new Table("cluster separation (T = 0.9 t*, t* = lambda_min/2 = " + String.format("%.4f", tStar) + ")",
                "dynamics", "noise / time", "layers", "own-mode accuracy", "label-explained variance", "mean distance to own mean");
        addRow(table, "input sample", 0.0, 0, x0, label);
        addRow(table, "shallow DAE", total, 1, shallowSmall, label);
        addRow(table, "shallow DAE, large t", largeT, 1, shallowLarge, label);
        addRow(table, "deep DAE", total, layers, deep, label);
        addRow(table, "continuous DAE", total, layers, cont, label);

        scatter(ctx, "mixture-shallow-large-t.png", "Shallow DAE, t = " + largeT, x0, shallowLarge, label);
        scatter(ctx, "mixture-deep.png", "Deep DAE, L = " + layers + ", T = " + String.format("%.3f", total), x0, deep, label);
        paths(ctx, "mixture-continuous-trajectories.png", "Continuous DAE trajectories, T = " + String.format("%.3f", total), contPath, label);
        paths(ctx, "mixture-deep-trajectories.png", "Deep DAE trajectories (each layer a step)", deepPath, label);
        Section s = new Section(name(), "2. Gaussian mixture: deep DAEs separate clusters")
                .paragraph("Three Gaussian clusters in 2-D (variance " + VARIANCE + "). The figure of merit is the mean "
                        + "distance of a point to its own component's mode (smaller: clusters separated and contracted). A shallow "
                        + "DAE with a large noise (t = " + largeT + ") pulls every point towards the global mean, further from its own "
                        + "mode than it started. The continuous DAE, run for T = 0.9 t* (just before the first component collapses), "
                        + "follows the exact mixture law N(m_k, S_k - 2tI) and carries each point to its own mode. The deep DAE "
                        + "retrains each layer on the moving sample (the empirical law, kernel bandwidth sqrt(T/L)), so it "
                        + "contracts the clusters too, more slowly than the exact flow. Own-mode accuracy (nearest mode is one's "
                        + "own) and the share of variance explained by the labels are given for completeness.")
                .figure("mixture-continuous-trajectories.png", "Continuous DAE: trajectories of the particles, coloured by component.")
                .figure("mixture-deep-trajectories.png", "Deep DAE: trajectories layer by layer.")
                .figure("mixture-deep.png", "Deep DAE: start (grey) and end points.")
                .figure("mixture-shallow-large-t.png", "Shallow DAE with a large t: every point goes to the global mean.")
                .number("collapseTime", tStar).number("totalTime", total)
                .number("distanceToOwnModeInput", meanDistanceToOwnMean(x0, label))
                .number("distanceToOwnModeShallowLargeT", meanDistanceToOwnMean(shallowLarge, label))
                .number("distanceToOwnModeDeep", meanDistanceToOwnMean(deep, label))
                .number("distanceToOwnModeContinuous", meanDistanceToOwnMean(cont, label));
        s.table(table);
        return s;
    }

    private static void addRow(Table t, String name, double time, int layers, Tensor x, int[] label) {
        t.row(name, time, layers, accuracy(x, label), explainedVariance(x, label), meanDistanceToOwnMean(x, label));
    }

    /** The fraction of points whose nearest component mean is their own component's. */
    static double accuracy(Tensor x, int[] label) {
        double[][] p = x.toRows();
        int ok = 0;
        for (int i = 0; i < p.length; i++) {
            int best = 0;
            for (int k = 1; k < MEANS.length; k++) {
                if (dist2(p[i], MEANS[k]) < dist2(p[i], MEANS[best])) {
                    best = k;
                }
            }
            ok += best == label[i] ? 1 : 0;
        }
        return ok / (double) p.length;
    }

    /** 1 - (within-label sum of squares) / (total sum of squares). */
    static double explainedVariance(Tensor x, int[] label) {
        double[][] p = x.toRows();
        int d = p[0].length;
        double[] mean = new double[d];
        double[][] labelMean = new double[MEANS.length][d];
        int[] count = new int[MEANS.length];
        for (int i = 0; i < p.length; i++) {
            count[label[i]]++;
            for (int c = 0; c < d; c++) {
                mean[c] += p[i][c] / p.length;
                labelMean[label[i]][c] += p[i][c];
            }
        }
        for (int k = 0; k < MEANS.length; k++) {
            for (int c = 0; c < d; c++) {
                labelMean[k][c] /= Math.max(count[k], 1);
            }
        }
        double within = 0;
        double totalSs = 0;
        for (int i = 0; i < p.length; i++) {
            within += dist2(p[i], labelMean[label[i]]);
            totalSs += dist2(p[i], mean);
        }
        return totalSs == 0 ? 0 : 1 - within / totalSs;
    }

    static double meanDistanceToOwnMean(Tensor x, int[] label) {
        double[][] p = x.toRows();
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            s += Math.sqrt(dist2(p[i], MEANS[label[i]]));
        }
        return s / p.length;
    }

    private static double dist2(double[] a, double[] b) {
        double s = 0;
        for (int c = 0; c < a.length; c++) {
            s += (a[c] - b[c]) * (a[c] - b[c]);
        }
        return s;
    }

    private static void scatter(Context ctx, String file, String title, Tensor start, Tensor end, int[] label) {
        XYChart c = Plots.chart(title, "x1", "x2");
        double[][] s = start.toRows();
        XYSeries grey = Plots.scatter(c, "start", Plots.column(s, 0), Plots.column(s, 1));
        grey.setMarkerColor(new java.awt.Color(190, 190, 190));
        double[][] e = end.toRows();
        for (int k = 0; k < MEANS.length; k++) {
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < e.length; i++) {
                if (label[i] == k) {
                    pts.add(e[i]);
                }
            }
            double[][] a = pts.toArray(new double[0][]);
            Plots.scatter(c, "end, component " + (k + 1), Plots.column(a, 0), Plots.column(a, 1));
        }
        Plots.save(c, ctx.figures(), file);
    }

    private static void paths(Context ctx, String file, String title, Trajectory path, int[] label) {
        XYChart c = Plots.chart(title, "x1", "x2");
        c.getStyler().setLegendVisible(false);
        java.awt.Color[] colors = {new java.awt.Color(31, 119, 180), new java.awt.Color(255, 127, 14), new java.awt.Color(44, 160, 44)};
        int n = path.get(0).points().rows();
        int stride = Math.max(1, n / 60);
        List<double[][]> states = new ArrayList<>();
        for (Trajectory.State st : path.states()) {
            states.add(st.points().toRows());
        }
        for (int i = 0; i < n; i += stride) {
            double[] xs = new double[states.size()];
            double[] ys = new double[states.size()];
            for (int k = 0; k < states.size(); k++) {
                xs[k] = states.get(k)[i][0];
                ys[k] = states.get(k)[i][1];
            }
            XYSeries s = Plots.line(c, "p" + i, xs, ys);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(colors[label[i]]);
        }
        Plots.save(c, ctx.figures(), file);
    }
}
