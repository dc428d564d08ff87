package org.daetransport.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading the JSON input files of CLI.md (laws, energies) with errors that name the file and field. */
final class JsonFiles {

    private JsonFiles() {
    }

    static JsonNode read(Path file) {
        try {
            JsonNode node = Output.JSON.readTree(Files.readString(file));
            if (node == null || !node.isObject()) {
                throw new InputException(file + ": expected a JSON object");
            }
            return node;
        } catch (NoSuchFileException e) {
            throw new InputException("cannot read " + file + ": no such file");
        } catch (JsonProcessingException e) {
            throw new InputException(file + " line " + e.getLocation().getLineNr() + ": invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static JsonNode field(JsonNode node, String name, Path file) {
        JsonNode f = node.get(name);
        if (f == null || f.isNull()) {
            throw new InputException(file + ": missing field \"" + name + "\"");
        }
        return f;
    }

    static String text(JsonNode node, String name, Path file) {
        JsonNode f = field(node, name, file);
        if (!f.isTextual()) {
            throw new InputException(file + ": field \"" + name + "\" must be a string");
        }
        return f.asText();
    }

    static double number(JsonNode node, String name, Path file) {
        JsonNode f = field(node, name, file);
        if (!f.isNumber()) {
            throw new InputException(file + ": field \"" + name + "\" must be a number, got " + f);
        }
        return f.asDouble();
    }

    static double[] vector(JsonNode node, String name, Path file) {
        JsonNode f = field(node, name, file);
        if (!f.isArray()) {
            throw new InputException(file + ": field \"" + name + "\" must be an array of numbers");
        }
        double[] v = new double[f.size()];
        for (int i = 0; i < v.length; i++) {
            if (!f.get(i).isNumber()) {
                throw new InputException(file + ": field \"" + name + "\" entry " + i + " is not a number: " + f.get(i));
            }
            v[i] = f.get(i).asDouble();
        }
        return v;
    }

    static double[][] matrix(JsonNode node, String name, Path file) {
        JsonNode f = field(node, name, file);
        if (!f.isArray()) {
            throw new InputException(file + ": field \"" + name + "\" must be an array of rows");
        }
        double[][] m = new double[f.size()][];
        for (int i = 0; i < m.length; i++) {
            JsonNode row = f.get(i);
            if (!row.isArray()) {
                throw new InputException(file + ": field \"" + name + "\" row " + i + " is not an array");
            }
            m[i] = new double[row.size()];
            for (int j = 0; j < m[i].length; j++) {
                if (!row.get(j).isNumber()) {
                    throw new InputException(file + ": field \"" + name + "\" entry (" + i + "," + j + ") is not a number");
                }
                m[i][j] = row.get(j).asDouble();
            }
            if (m[i].length != m[0].length) {
                throw new InputException(file + ": field \"" + name + "\" row " + i + " has " + m[i].length
                        + " entries, row 0 has " + m[0].length);
            }
        }
        return m;
    }
}
