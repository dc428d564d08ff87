package org.daetransport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.daetransport.api.Backend;
import org.daetransport.api.TransportMap;
import org.daetransport.transport.neural.ModelIo;
import org.daetransport.transport.neural.TrainedDae;

/** The neural law of CLI.md, {@code {"type":"neural","model":"path"}}: a DAE saved by 'dae train'. */
final class NeuralLaws {

    /** Relative difference up to which a given --t counts as the model's own noise (decimal round trip). */
    private static final double SAME_T_RTOL = 1e-9;

    private NeuralLaws() {
    }

    /** Whether the law file is a neural law (reads the file; errors name it). */
    static boolean isNeural(Path lawJson) {
        return "neural".equals(JsonFiles.read(lawJson).path("type").asText(null));
    }

    /**
     * The trained DAE a neural law names, its model path taken relative to the law file.
     *
     * @param t the --t given on the command line, or null; if given it must equal the model's noise
     * @throws InputException naming the law file for a missing or damaged model, or naming both noise
     *                        variances when {@code t} differs from the model's
     */
    static TransportMap dae(Path lawJson, Backend backend, Double t) {
        JsonNode node = JsonFiles.read(lawJson);
        Path modelFile = LawFiles.resolve(lawJson, JsonFiles.text(node, "model", lawJson));
        TrainedDae dae;
        try {
            dae = ModelIo.load(modelFile, backend);
        } catch (IllegalArgumentException e) {
            throw new InputException(lawJson + ": " + e.getMessage(), e);
        }
        if (t != null) {
            DenoiseCommand.positive(t);
            if (Math.abs(t - dae.t()) > SAME_T_RTOL * dae.t()) {
                throw new InputException(String.format("--t = %s differs from the noise variance t = %s the neural DAE %s"
                        + " was trained for; omit --t for a neural law", Output.num(t), Output.num(dae.t()), modelFile));
            }
        }
        return dae;
    }
}
