package org.daetransport.transport.flow;

import org.daetransport.api.Backend;
import org.daetransport.api.Tensor;
import org.daetransport.api.Trajectory;
import org.daetransport.backend.ejml.EjmlBackend;
import org.daetransport.transport.law.EmpiricalLaw;
import org.daetransport.transport.law.GaussianLaw;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.daetransport.testkit.TensorAssert.assertThat;

class IteratedDaeTest {

    private final Backend backend = new EjmlBackend();
    private final IteratedDae iterated = new IteratedDae();

    @Test
    void gaussianVarianceFollowsTheIteratedFormula() {
        double lambda0 = 2;
        double total = 0.5;
        for (int layers : new int[] {1, 3, 10, 100}) {
            FlowResult r = iterated.run(GaussianLaw.univariate(1, lambda0), backend.create().column(3), total, layers, new Trajectory());
            double gain = lambda0 / (lambda0 + total / layers);
            double expected = lambda0 * Math.pow(gain, 2 * layers);
            assertThat(r.finalGaussianLaw().orElseThrow().covariance()[0][0]).isCloseTo(expected, within(1e-13));
            // the fixed affine map applied L times: x_L - m = gain^L (x_0 - m)
            assertThat(r.points().get(0, 0)).isCloseTo(1 + 2 * Math.pow(gain, layers), within(1e-13));
        }
        // L -> infinity: lambda_0 exp(-2T/lambda_0), a different limit from the deep DAE's lambda_0 - 2T
        FlowResult many = iterated.run(GaussianLaw.univariate(1, lambda0), backend.create().column(3), total, 20000, new Trajectory());
        assertThat(many.finalGaussianLaw().orElseThrow().covariance()[0][0])
                .isCloseTo(lambda0 * Math.exp(-2 * total / lambda0), within(1e-4));
    }

    @Test
    void empiricalIteratedDaeIsGaussianMeanShiftOnTheOriginalSample() {
        double[][] cloud = {{0, 0}, {1, 0}, {0, 1}, {3, 3}, {3.5, 2.5}, {-1, 0.4}};
        double[][] expected = cloud;
        for (int k = 0; k < 5; k++) {
            expected = NaiveKernel.average(expected, cloud, 0.1);
        }
        Tensor points = backend.create().fromRows(cloud);
        Trajectory trajectory = new Trajectory();
        FlowResult r = iterated.run(new EmpiricalLaw(points), points, 0.5, 5, trajectory);
        assertThat(r.points()).within(1e-13, 0).isCloseTo(expected);
        assertThat(trajectory.size()).isEqualTo(6);
        assertThat(trajectory.last().time()).isCloseTo(0.5, within(1e-15));
    }
}
