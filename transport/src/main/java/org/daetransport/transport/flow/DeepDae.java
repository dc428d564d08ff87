package org.daetransport.transport.flow;

import org.daetransport.api.Checks;
import org.daetransport.api.StepHandler;
import org.daetransport.api.Tensor;
import org.daetransport.transport.dae.GaussianDae;
import org.daetransport.transport.dae.OptimalDae;
import org.daetransport.transport.law.EmpiricalLaw;
import org.daetransport.transport.law.GaussianLaw;
import org.daetransport.transport.law.Law;
import org.daetransport.transport.law.MixtureLaw;

import java.util.ArrayList;
import java.util.List;

/**
 * The deep DAE (greedy layer-wise stacking): layer {@code k} is the optimal DAE of noise
 * {@code dt_k} for the <em>current</em> law {@code mu_{k-1}}, and {@code mu_k = g_k # mu_{k-1}}.
 *
 * <ul>
 *   <li>Gaussian: exact. The law is tracked in closed form (per eigenvalue
 *       {@code lambda -> lambda^3/(lambda+dt)^2}) and the points are moved by each layer's affine map.</li>
 *   <li>Empirical: the moving cloud is the law, so the deep DAE is Gaussian blurring mean shift,
 *       {@code y <- kernelWeightedAverage(y, y, dt)}; points other than the sample are moved by the
 *       same layer maps, {@code x <- kernelWeightedAverage(x, y, dt)} with the cloud before the step.</li>
 *   <li>Mixture: the pushforward of a mixture by its DAE is not a mixture, so only the first layer is
 *       exact (the optimal DAE of the mixture itself); from layer 2 on the moving points are taken as
 *       the law (an empirical law of the given points, which should therefore be a sample of the
 *       mixture), exactly as for an empirical law.</li>
 * </ul>
 */
public final class DeepDae implements DaeScheme {

    @Override
    public String name() {
        return "deep";
    }

    /** Runs the uniform schedule {@code Schedule.uniform(totalTime, layers)}; see {@link #run(Law, Tensor, Schedule, StepHandler)}. */
    @Override
    public FlowResult run(Law law, Tensor points, double totalTime, int layers, StepHandler handler) {
        return run(law, points, Schedule.uniform(totalTime, layers), handler);
    }

    /**
     * Moves {@code points} (not modified) through the deep DAE of {@code law} with {@code schedule},
     * reporting every layer to {@code handler}.
     */
    public FlowResult run(Law law, Tensor points, Schedule schedule, StepHandler handler) {
        requirePoints(law, points);
        double[] times = schedule.times();
        List<Law> laws = new ArrayList<>();
        handler.init(0.0, points);
        Tensor x = points;
        if (law instanceof GaussianLaw gaussian) {
            GaussianLaw current = gaussian;
            laws.add(current);
            for (int k = 1; k <= schedule.layers(); k++) {
                GaussianDae layer = (GaussianDae) OptimalDae.of(current, schedule.step(k));
                x = layer.apply(x);
                current = layer.pushforward();
                laws.add(current);
                handler.handleStep(k, times[k], x);
            }
        } else if (law instanceof MixtureLaw mixture) {
            x = OptimalDae.of(mixture, schedule.step(1)).apply(x);
            handler.handleStep(1, times[1], x);
            for (int k = 2; k <= schedule.layers(); k++) {
                x = x.backend().kernels().kernelWeightedAverage(x, x, schedule.step(k));
                handler.handleStep(k, times[k], x);
            }
        } else {
            Tensor cloud = ((EmpiricalLaw) law).sampleOn(points.backend());
            boolean pointsAreCloud = Clouds.sameContents(points, cloud);
            laws.add(law);
            for (int k = 1; k <= schedule.layers(); k++) {
                double dt = schedule.step(k);
                Tensor next = cloud.backend().kernels().kernelWeightedAverage(cloud, cloud, dt);
                x = pointsAreCloud ? next : x.backend().kernels().kernelWeightedAverage(x, cloud, dt);
                cloud = next;
                laws.add(new EmpiricalLaw(cloud));
                handler.handleStep(k, times[k], x);
            }
        }
        handler.finish(times[times.length - 1], x);
        return new FlowResult(x, times, laws);
    }

    static void requirePoints(Law law, Tensor points) {
        law.requireDim(points.cols(), "points");
        if (points.rows() == 0) {
            throw new IllegalArgumentException("no points to move: the point cloud is empty");
        }
        Checks.requireFinite(points.toArray(), "points");
    }
}
