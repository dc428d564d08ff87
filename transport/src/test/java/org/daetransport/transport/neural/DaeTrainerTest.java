package org.daetransport.transport.neural;

import org.daetransport.api.Activation;
import org.daetransport.api.Backend;
import org.daetransport.api.NumericalFailureException;
import org.daetransport.api.Tensor;
import org.daetransport.backend.ejml.EjmlBackend;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DaeTrainerTest {

    private final Backend b = new EjmlBackend();
    private final Tensor data = ToyData.rings(b, 60, 2, 0.05, 4);

    private DaeTrainer.Builder small() {
        return DaeTrainer.builder().hidden(8).activation(Activation.TANH).epochs(4).batchSize(16)
                .learningRate(1e-2).seed(5).noise(0.1);
    }

    @Test
    void trainingIsReproducibleAndReportsEveryEpoch() {
        List<double[]> seen = new ArrayList<>();
        TrainedDae first = small().listener((epoch, loss) -> seen.add(new double[] {epoch, loss})).build().train(data);
        TrainedDae again = small().build().train(data);
        TrainedDae otherSeed = small().seed(6).build().train(data);

        for (int k = 0; k < 2; k++) {
            assertThat(again.model().layers().get(k).weights().toArray())
                    .containsExactly(first.model().layers().get(k).weights().toArray());
        }
        assertThat(otherSeed.model().layers().get(0).weights().get(0, 0))
                .isNotEqualTo(first.model().layers().get(0).weights().get(0, 0));
        assertThat(seen).hasSize(4);
        for (int e = 0; e < 4; e++) {
            assertThat(seen.get(e)[0]).isEqualTo(e + 1);
            assertThat(seen.get(e)[1]).isEqualTo(first.provenance().lossHistory().get(e));
        }
        Provenance p = first.provenance();
        assertThat(p.seed()).isEqualTo(5);
        assertThat(p.backend()).isEqualTo("ejml");
        assertThat(p.dataRows()).isEqualTo(60);
        assertThat(p.dataCols()).isEqualTo(2);
        assertThat(p.hyperparameters().hidden()).containsExactly(8);
        assertThat(p.hyperparameters().activation()).isEqualTo("TANH");
        assertThat(first.t()).isEqualTo(0.1);
        assertThat(first.model().dims()).containsExactly(2, 8, 2);
    }

    @Test
    void rejectsNonPositiveLearningRateAndNoise() {
        assertThatThrownBy(() -> small().learningRate(0).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("learning rate");
        assertThatThrownBy(() -> small().learningRate(-1e-3).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("learning rate");
        assertThatThrownBy(() -> small().noise(0).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("noise variance t");
        assertThatThrownBy(() -> small().noise(-0.5).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("noise variance t");
        assertThatThrownBy(() -> DaeTrainer.builder().build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("noise variance t");
        assertThatThrownBy(() -> small().hidden(4, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> small().epochs(0).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("epochs");
    }

    @Test
    void aNanLossStopsTrainingNamingTheEpochAndKeepsTheLastGoodModel() {
        // A loss that turns NaN in the third epoch (4 batches of 16 per epoch over 60 rows).
        Loss poisoned = new Loss() {
            private final DenoisingLoss inner = new DenoisingLoss(0.1);
            private int calls;

            @Override public String name() { return "poisoned"; }
            @Override public Tensor input(Tensor f, SplittableRandom r) { return inner.input(f, r); }
            @Override public Evaluation evaluate(Tensor out, Tensor target) {
                Evaluation e = inner.evaluate(out, target);
                return ++calls == 10 ? new Evaluation(Double.NaN, e.gradient()) : e;
            }
        };
        Mlp initial = Mlp.create(b, new int[] {2, 8, 2}, Activation.TANH, Activation.IDENTITY, 5);
        MlpTrainer trainer = new MlpTrainer(TrainingConfig.adam(6, 16, 1e-2, 5), null);
        TrainingFailedException e = catchThrowableOfType(TrainingFailedException.class,
                () -> trainer.fit(initial, data, data, poisoned));

        assertThat(e).isInstanceOf(NumericalFailureException.class);
        assertThat(e.getMessage()).contains("epoch 3").contains("batch 2").contains("NaN");
        assertThat(e.epoch()).isEqualTo(3);
        // the checkpoint is the model after epoch 2: the same as training 2 epochs from scratch
        Mlp twoEpochs = new MlpTrainer(TrainingConfig.adam(2, 16, 1e-2, 5), null)
                .fit(initial, data, data, new DenoisingLoss(0.1)).model();
        assertThat(trainer.lastGoodModel()).isSameAs(e.lastGoodModel());
        for (int k = 0; k < 2; k++) {
            assertThat(e.lastGoodModel().layers().get(k).weights().toArray())
                    .containsExactly(twoEpochs.layers().get(k).weights().toArray());
        }
    }

    @Test
    void divergingTrainingIsReportedInsteadOfReturningNonFiniteWeights() {
        // Adam moves each weight by about lr per step: lr = 1e200 drives ReLU activations past
        // the float64 range in the second batch, so the loss overflows during epoch 1.
        DaeTrainer trainer = small().activation(Activation.RELU).hidden(16, 16).learningRate(1e200).build();
        assertThatThrownBy(() -> trainer.train(data))
                .isInstanceOf(TrainingFailedException.class)
                .hasMessageContaining("epoch 1");
        Mlp kept = trainer.lastGoodModel();
        Mlp initial = Mlp.create(b, new int[] {2, 16, 16, 2}, Activation.RELU, Activation.IDENTITY, 5);
        assertThat(kept.layers().get(0).weights().toArray()).containsExactly(initial.layers().get(0).weights().toArray());
    }
}
