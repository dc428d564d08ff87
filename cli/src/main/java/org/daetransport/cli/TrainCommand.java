package org.daetransport.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.daetransport.api.Activation;
import org.daetransport.api.Backend;
import org.daetransport.api.Tensor;
import org.daetransport.transport.neural.DaeTrainer;
import org.daetransport.transport.neural.ModelIo;
import org.daetransport.transport.neural.TrainedDae;
import org.daetransport.transport.neural.TrainingFailedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", description = {
        "Trains a neural DAE (an MLP d -> hidden... -> d) of noise variance T on the points of X by mini-batch Adam",
        "on the denoising loss, and saves it (written atomically; nothing is written if training fails)."},
        footerHeading = "%nExamples:%n", footer = {
        "  dae train --data x.csv --t 0.05 --out dae.model",
        "  dae train --data x.csv --t 0.05 --out dae.model --hidden 32,32 --activation relu --epochs 300 --json"})
final class TrainCommand implements Callable<Integer> {

    @Mixin CommonOptions common;

    @Option(names = "--data", required = true, paramLabel = "X", description = "Training points (CSV).")
    Path data;

    @Option(names = "--t", required = true, paramLabel = "T", description = "Noise variance T > 0 of the DAE.")
    double t;

    @Option(names = "--out", required = true, paramLabel = "M", description = "Model file to write (atomically).")
    Path out;

    @Option(names = "--hidden", defaultValue = "64,64", paramLabel = "W1,W2,..",
            description = "Hidden layer widths, comma-separated (empty: one affine layer). Default: ${DEFAULT-VALUE}.")
    String hidden;

    @Option(names = "--activation", defaultValue = "tanh", paramLabel = "NAME",
            description = "Hidden activation: tanh, relu, softplus, sigmoid or identity. Default: ${DEFAULT-VALUE}.")
    String activation;

    @Option(names = "--epochs", defaultValue = "100", paramLabel = "E", description = "Passes over the data. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--batch", defaultValue = "64", paramLabel = "B", description = "Mini-batch size. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--lr", defaultValue = "0.001", paramLabel = "LR", description = "Adam learning rate. Default: ${DEFAULT-VALUE}.")
    double lr;

    @Override
    public Integer call() {
        Backend backend = Wiring.backend(common.backend);
        DenoiseCommand.positive(t);
        DaeTrainer.Builder builder = DaeTrainer.builder().hidden(widths(hidden)).activation(activation(activation))
                .epochs(epochs).batchSize(batch).learningRate(lr).seed(common.seed).noise(t);
        requireWritable(out);
        Tensor x = backend.create().fromRows(PointsCsv.read(data));
        long t0 = System.nanoTime();
        TrainedDae dae;
        try (Progress progress = Progress.start("dae train", epochs)) {
            dae = builder.listener((epoch, loss) -> {
                progress.stepTo(epoch);
                progress.message("loss " + Output.num(loss));
            }).build().train(x);
        } catch (TrainingFailedException e) {
            throw new TrainingFailedException(e.getMessage() + "; no model file written", e.epoch(), e.lastGoodModel());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        ModelIo.save(dae, out);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("finalLoss", dae.finalLoss());
        result.put("epochs", epochs);
        result.put("seconds", seconds);
        result.put("n", x.rows());
        result.put("dim", x.cols());
        result.put("t", t);
        result.put("model", out.toString());
        Output.print(common, result, "trained a DAE " + Arrays.toString(dae.model().dims()) + " (" + activation
                + ", t = " + Output.num(t) + ") on " + x.rows() + " points for " + epochs + " epochs in "
                + String.format("%.1f", seconds) + " s; final loss " + Output.num(dae.finalLoss()) + "; saved " + out);
        return 0;
    }

    /** Parses "64,64" into widths; an empty spec means no hidden layer. */
    static int[] widths(String spec) {
        String s = spec.trim();
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(",", -1);
        int[] w = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                w[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InputException("--hidden \"" + spec + "\": \"" + parts[i].trim()
                        + "\" is not a width; expected positive integers separated by commas, e.g. 64,64");
            }
            if (w[i] <= 0) {
                throw new InputException("--hidden \"" + spec + "\": widths must be positive, got " + w[i]);
            }
        }
        return w;
    }

    static Activation activation(String name) {
        try {
            return Activation.parse(name);
        } catch (IllegalArgumentException e) {
            throw new InputException("--activation: " + e.getMessage(), e);
        }
    }

    /** Fails before training when the model could not be written afterwards. */
    static void requireWritable(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) {
            throw new InputException("cannot write " + file + ": it is a directory");
        }
        if (dir != null && !Files.isDirectory(dir)) {
            throw new InputException("cannot write " + file + ": folder " + dir + " does not exist");
        }
    }
}
