package org.daetransport.transport.flow;

import org.daetransport.api.StepHandler;
import org.daetransport.api.Tensor;
import org.daetransport.transport.entropy.EntropyEstimator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A step handler that records the estimated entropy of the cloud at the start and after every step. */
public final class EntropyCurve implements StepHandler {

    /** One point of the curve. */
    public record Point(int step, double time, double entropy) {
    }

    private final EntropyEstimator estimator;
    private final List<Point> points = new ArrayList<>();

    public EntropyCurve(EntropyEstimator estimator) {
        this.estimator = estimator;
    }

    @Override
    public void init(double t0, Tensor cloud) {
        points.clear();
        points.add(new Point(0, t0, estimator.entropy(cloud)));
    }

    @Override
    public void handleStep(int step, double t, Tensor cloud) {
        points.add(new Point(step, t, estimator.entropy(cloud)));
    }

    public List<Point> points() {
        return Collections.unmodifiableList(points);
    }
}
