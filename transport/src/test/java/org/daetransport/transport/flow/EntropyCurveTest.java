package org.daetransport.transport.flow;

import org.daetransport.api.Backend;
import org.daetransport.api.StepHandler;
import org.daetransport.api.Trajectory;
import org.daetransport.backend.ejml.EjmlBackend;
import org.daetransport.transport.entropy.GaussianEntropy;
import org.daetransport.transport.law.GaussianLaw;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EntropyCurveTest {

    @Test
    void recordsTheEntropyOfTheMovingCloudAtEveryStep() {
        Backend backend = new EjmlBackend();
        GaussianLaw law = GaussianLaw.univariate(0, 2);
        EntropyCurve curve = new EntropyCurve(new GaussianEntropy());
        Trajectory trajectory = new Trajectory();
        FlowResult r = new ContinuousDae().run(law, law.sample(5000, 9, backend), 0.8, 4, StepHandler.all(curve, trajectory));
        assertThat(curve.points()).hasSize(5);
        assertThat(trajectory.size()).isEqualTo(5);
        for (int k = 0; k <= 4; k++) {
            double t = 0.2 * k;
            assertThat(curve.points().get(k).time()).isCloseTo(t, within(1e-15));
            // the cloud stays Gaussian with variance 2 - 2t; standard error of the estimate sqrt(1/(2n)) = 0.01
            assertThat(curve.points().get(k).entropy()).isCloseTo(0.5 * Math.log(2 * Math.PI * Math.E * (2 - 2 * t)), within(0.04));
            assertThat(GaussianEntropy.of((GaussianLaw) r.laws().get(k))).isCloseTo(0.5 * Math.log(2 * Math.PI * Math.E * (2 - 2 * t)), within(1e-13));
        }
    }
}
