package org.daetransport.cli.study;

import org.daetransport.api.Backend;
import org.daetransport.api.StepHandler;
import org.daetransport.api.Tensor;
import org.daetransport.cli.report.Plots;
import org.daetransport.cli.report.Section;
import org.daetransport.cli.report.Table;
import org.daetransport.transport.flow.ContinuousDae;
import org.daetransport.transport.law.EmpiricalLaw;
import org.daetransport.transport.law.GaussianLaw;
import org.daetransport.transport.law.SampleMoments;
import org.daetransport.transport.ot.BuresW2;
import org.daetransport.transport.ot.ExactW2;
import org.knowm.xchart.XYChart;

/**
 * Experiment 5 (PAPER.md section 4, time reversal): noise a Gaussian sample by the heat flow for
 * time s, then run the continuous DAE for time s; the original law comes back.
 */
final class TimeReversalExperiment implements Experiment {

    private static final double[] MEAN = {0.5, -0.5};
    private static final double[][] COV = {{1.0, 0.5}, {0.5, 0.8}};
    private static final double HEAT_TIME = 0.3;

    @Override public String name() { return "timeReversal"; }
    @Override public String title() { return "Time reversal: heat flow forward, continuous DAE back"; }

    @Override
    public Section run(Context ctx) {
        Backend b = ctx.backend();
        int n = ctx.size(3000, 400);
        int layers = ctx.size(100, 30);
        GaussianLaw original = new GaussianLaw(MEAN, COV);
        Tensor x = original.sample(n, ctx.seed(), b);
        // the heat flow for time s: Y = X + sqrt(2 s) Z, whose law is N(m, S0 + 2 s I)
        Tensor y = b.linalg().addScaled(x, Math.sqrt(2 * HEAT_TIME), b.create().normal(n, 2, ctx.seed() + 1));
        GaussianLaw noised = new GaussianLaw(MEAN, new double[][] {{COV[0][0] + 2 * HEAT_TIME, COV[0][1]},
                {COV[1][0], COV[1][1] + 2 * HEAT_TIME}});
        Tensor exactBack = new ContinuousDae().run(noised, y, HEAT_TIME, layers, new StepHandler() { }).points();
        Tensor particleBack = new ContinuousDae().run(new EmpiricalLaw(y), y, HEAT_TIME, layers, new StepHandler() { }).points();
        Tensor fresh = original.sample(n, ctx.seed() + 2, b);

        ExactW2 w2 = new ExactW2();
        double floor = w2.distance(fresh, x).w2();
        Table table = new Table("W2 to the original law (N = " + n + ", s = " + HEAT_TIME + ")",
                "cloud", "exact W2 to a fresh sample of the original law", "Bures W2 of its Gaussian fit to the original law",
                "variance x1", "covariance x1x2", "variance x2");
        row(table, "original sample X", x, fresh, original, w2);
        row(table, "heat-noised Y", y, fresh, original, w2);
        row(table, "continuous DAE back (exact law of Y)", exactBack, fresh, original, w2);
        row(table, "continuous DAE back (particles, kernel score)", particleBack, fresh, original, w2);

        XYChart c = Plots.chart("Time reversal: X, heat-noised Y, and the continuous DAE back", "x1", "x2");
        double[][] yr = y.toRows();
        Plots.scatter(c, "heat-noised Y", Plots.column(yr, 0), Plots.column(yr, 1)).setMarkerColor(new java.awt.Color(200, 200, 200));
        double[][] xr = x.toRows();
        Plots.scatter(c, "original X", Plots.column(xr, 0), Plots.column(xr, 1));
        double[][] er = exactBack.toRows();
        Plots.scatter(c, "back, exact law", Plots.column(er, 0), Plots.column(er, 1));
        c.getStyler().setMarkerSize(3);
        Plots.save(c, ctx.figures(), "time-reversal.png");
        Section s = new Section(name(), "5. Time reversal: heat flow forward, continuous DAE back")
                .paragraph("A sample X of N(m, S0) is noised by the heat flow for time s = " + HEAT_TIME + " (Y = X + sqrt(2s) Z). "
                        + "Running the continuous DAE for the same time s from Y returns the original law: the W2 distance to "
                        + "a fresh sample of N(m, S0) falls back to the sampling floor (the distance between two samples of the "
                        + "same law, " + String.format("%.4f", floor) + "), and the covariance of the Gaussian fit returns to S0. "
                        + "With the exact law of Y the flow is the closed-form Gaussian path; the particle scheme, which knows "
                        + "only the cloud Y and uses the score of its kernel density estimate, comes back too, with the "
                        + "O(h^2) bias of the kernel bandwidth.")
                .figure("time-reversal.png", "Original sample, heat-noised sample, and the continuous DAE run back.")
                .number("heatTime", HEAT_TIME).number("samplingFloorW2", floor)
                .number("w2NoisedToOriginal", w2.distance(y, fresh).w2())
                .number("w2ExactBackToOriginal", w2.distance(exactBack, fresh).w2())
                .number("w2ParticleBackToOriginal", w2.distance(particleBack, fresh).w2());
        s.table(table);
        return s;
    }

    private static void row(Table t, String name, Tensor cloud, Tensor fresh, GaussianLaw original, ExactW2 w2) {
        double[] flat = cloud.toArray();
        double[] mean = SampleMoments.mean(flat, cloud.rows(), 2);
        double[][] cov = SampleMoments.covariance(flat, cloud.rows(), 2, mean, false);
        t.row(name, w2.distance(cloud, fresh).w2(), BuresW2.between(mean, cov, original.mean(), original.covariance()),
                cov[0][0], cov[0][1], cov[1][1]);
    }
}
