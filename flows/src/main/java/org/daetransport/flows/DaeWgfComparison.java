package org.daetransport.flows;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The curves of {@link DaeVersusWgf#compare}: one {@link Point} per step (step 0 is the initial
 * cloud, where every gap is 0), and how they were produced.
 *
 * @param points    steps 0..L
 * @param smoothing the kernel variance {@code h^2} shared by the smoothed deep DAE and the WGF
 * @param layers    L
 * @param totalTime T
 * @param settings  a one-line description (bandwidth, W2 method, entropy estimator)
 */
public record DaeWgfComparison(List<Point> points, double smoothing, int layers, double totalTime, String settings) {

    public DaeWgfComparison {
        points = List.copyOf(points);
    }

    /** The last point (time T). */
    public Point last() {
        return points.get(points.size() - 1);
    }

    /**
     * One step of the comparison.
     *
     * @param step              0..L
     * @param time              {@code step * T / L}
     * @param w2Gap             exact W2 between the smoothed deep DAE cloud and the WGF cloud
     * @param plainW2Gap        exact W2 between the plain deep DAE cloud (Gaussian blurring mean shift,
     *                          smoothing = the step {@code dt} itself) and the WGF cloud
     * @param daeEntropy        entropy estimate of the smoothed deep DAE cloud
     * @param wgfEntropy        entropy estimate of the WGF cloud
     * @param daeFitEntropy     entropy of the Gaussian fitted to the smoothed deep DAE cloud
     * @param wgfFitEntropy     entropy of the Gaussian fitted to the WGF cloud
     * @param exactEntropy      for Gaussian data, {@code 1/2 log det(2 pi e (S_0 - 2tI))} with S_0 the
     *                          initial cloud's sample covariance; empty otherwise
     */
    public record Point(int step, double time, double w2Gap, double plainW2Gap, double daeEntropy,
                        double wgfEntropy, double daeFitEntropy, double wgfFitEntropy, OptionalDouble exactEntropy) {
    }
}
