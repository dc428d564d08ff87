package org.daetransport.transport.flow;

import org.daetransport.api.Checks;
import org.daetransport.api.StepHandler;
import org.daetransport.api.Tensor;
import org.daetransport.transport.dae.GaussianDae;
import org.daetransport.transport.dae.OptimalDae;
import org.daetransport.transport.law.GaussianLaw;
import org.daetransport.transport.law.Law;

import java.util.ArrayList;
import java.util.List;

/**
 * One fixed optimal DAE {@code g_{T/L}} of the original law applied {@code L} times (mean-shift-like;
 * for an empirical law this is Gaussian mean shift: the law stays the original sample). For a
 * Gaussian, {@code lambda_L = lambda_0 (lambda_0/(lambda_0 + T/L))^(2L)}, and the law after every step
 * is tracked in closed form.
 */
public final class IteratedDae implements DaeScheme {

    @Override
    public String name() {
        return "iterated";
    }

    @Override
    public FlowResult run(Law law, Tensor points, double totalTime, int layers, StepHandler handler) {
        Checks.requirePositive(totalTime, "total time");
        Schedule.requireLayers(layers);
        DeepDae.requirePoints(law, points);
        OptimalDae g = OptimalDae.of(law, totalTime / layers);
        double[] times = Schedule.uniform(totalTime, layers).times();
        List<Law> laws = new ArrayList<>();
        GaussianLaw current = law instanceof GaussianLaw gaussian ? gaussian : null;
        if (current != null) {
            laws.add(current);
        }
        handler.init(0.0, points);
        Tensor x = points;
        for (int k = 1; k <= layers; k++) {
            x = g.apply(x);
            if (current != null) {
                current = ((GaussianDae) g).pushforward(current);
                laws.add(current);
            }
            handler.handleStep(k, times[k], x);
        }
        handler.finish(totalTime, x);
        return new FlowResult(x, times, laws);
    }
}
