package org.daetransport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.daetransport.api.Backend;
import org.daetransport.transport.law.EmpiricalLaw;
import org.daetransport.transport.law.GaussianLaw;
import org.daetransport.transport.law.Law;
import org.daetransport.transport.law.MixtureLaw;

/** Reads the law JSON files of CLI.md; every error names the file and the cause. */
final class LawFiles {

    private LawFiles() {
    }

    static Law read(Path file, Backend backend) {
        JsonNode node = JsonFiles.read(file);
        String type = JsonFiles.text(node, "type", file);
        try {
            return switch (type) {
                case "gaussian" -> gaussian(node, file);
                case "mixture" -> mixture(node, file);
                case "empirical" -> new EmpiricalLaw(backend.create().fromRows(
                        PointsCsv.read(resolve(file, JsonFiles.text(node, "sample", file)))));
                case "neural" -> throw new InputException(file + ": a neural law (a trained DAE) is only accepted by 'dae denoise'");
                default -> throw new InputException(file + ": unknown law type \"" + type
                        + "\"; known: gaussian, mixture, empirical, neural");
            };
        } catch (InputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": " + e.getMessage(), e);
        }
    }

    /** A path written in a JSON file, relative to that file's folder. */
    static Path resolve(Path jsonFile, String relative) {
        Path parent = jsonFile.toAbsolutePath().getParent();
        return parent == null ? Path.of(relative) : parent.resolve(relative);
    }

    private static GaussianLaw gaussian(JsonNode node, Path file) {
        return new GaussianLaw(JsonFiles.vector(node, "mean", file), JsonFiles.matrix(node, "cov", file));
    }

    private static MixtureLaw mixture(JsonNode node, Path file) {
        JsonNode comps = JsonFiles.field(node, "components", file);
        if (!comps.isArray() || comps.isEmpty()) {
            throw new InputException(file + ": \"components\" must be a non-empty array");
        }
        List<MixtureLaw.Component> out = new ArrayList<>();
        for (int k = 0; k < comps.size(); k++) {
            JsonNode c = comps.get(k);
            try {
                out.add(new MixtureLaw.Component(JsonFiles.number(c, "weight", file), gaussian(c, file)));
            } catch (IllegalArgumentException e) {
                throw new InputException(file + ": component " + k + ": " + e.getMessage(), e);
            }
        }
        return new MixtureLaw(out);
    }
}
