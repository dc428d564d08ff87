package org.daetransport.transport.neural;

import static org.assertj.core.api.Assertions.assertThat;

import org.daetransport.api.Activation;
import org.daetransport.api.Backend;
import org.daetransport.api.Backends;
import org.daetransport.api.DenseLayer;
import org.daetransport.api.Tensor;
import org.daetransport.testkit.TensorAssert;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The same architecture and seed give the same weights on both backends. All randomness is drawn
 * in Java, so the two runs differ only by floating-point rounding of the backends' products
 * (different summation orders): a few ulps per operation, amplified by a few epochs of Adam to far
 * below 1e-8.
 */
@Tag("native")
class CrossBackendTrainingTest {

    @Test
    void ejmlAndNd4jTrainTheSameWeights() {
        Backend ejml = Backends.load("ejml");
        Backend nd4j = Backends.load("nd4j");
        Tensor data = ToyData.twoMoons(ejml, 300, 0.05, 11);
        DaeTrainer trainer = DaeTrainer.builder().hidden(32, 32).activation(Activation.TANH).epochs(4).batchSize(64)
                .learningRate(1e-2).seed(5).noise(0.05).build();
        TrainedDae onEjml = trainer.train(data);
        TrainedDae onNd4j = trainer.train(nd4j.create().copyOf(data));
        assertThat(onNd4j.provenance().backend()).isEqualTo("nd4j");
        assertThat(onNd4j.provenance().lossHistory()).hasSameSizeAs(onEjml.provenance().lossHistory());
        for (int l = 0; l < onEjml.model().layers().size(); l++) {
            DenseLayer a = onEjml.model().layers().get(l);
            DenseLayer b = onNd4j.model().layers().get(l);
            TensorAssert.assertThat(b.weights()).within(1e-8, 0).isCloseTo(a.weights());
            TensorAssert.assertThat(b.bias()).within(1e-8, 0).isCloseTo(a.bias());
        }
        // and the trained maps agree on new points
        Tensor probe = ToyData.twoMoons(ejml, 50, 0.05, 12);
        TensorAssert.assertThat(onNd4j.apply(nd4j.create().copyOf(probe))).within(1e-8, 0).isCloseTo(onEjml.apply(probe));
        nd4j.close();
    }
}
