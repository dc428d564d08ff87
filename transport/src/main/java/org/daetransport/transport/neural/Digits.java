package org.daetransport.transport.neural;

import org.daetransport.api.Backend;
import org.daetransport.api.Tensor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * The bundled hand-written digits: 1797 images of 8 x 8 grey levels with labels 0..9 (the test
 * set of the UCI "Optical Recognition of Handwritten Digits" data set, E. Alpaydin and C. Kaynak,
 * CC BY 4.0; see the NOTICE file).
 *
 * @param features 1797 x 64, grey levels 0..16 scaled to [0, 1]
 * @param labels   the digit of each row
 */
public record Digits(Tensor features, int[] labels) {

    /** Rows in the bundled set. */
    public static final int ROWS = 1797;
    /** Pixels per image. */
    public static final int PIXELS = 64;
    /** Number of classes. */
    public static final int CLASSES = 10;
    private static final String RESOURCE = "/org/daetransport/transport/data/digits.csv.gz";

    /** Loads the bundled set onto {@code backend}. */
    public static Digits load(Backend backend) {
        double[] x = new double[ROWS * PIXELS];
        int[] labels = new int[ROWS];
        try (InputStream in = Digits.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the digits resource " + RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.US_ASCII));
            int row = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",");
                if (row >= ROWS || cells.length != PIXELS + 1) {
                    throw new IllegalStateException("the digits resource is malformed at line " + (row + 1));
                }
                for (int j = 0; j < PIXELS; j++) {
                    x[row * PIXELS + j] = Integer.parseInt(cells[j].trim()) / 16.0;
                }
                labels[row] = Integer.parseInt(cells[PIXELS].trim());
                row++;
            }
            if (row != ROWS) {
                throw new IllegalStateException("the digits resource has " + row + " rows, expected " + ROWS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the digits resource: " + e.getMessage(), e);
        }
        return new Digits(backend.create().fromArray(x, ROWS, PIXELS), labels);
    }

    /** Loads the bundled set onto the default backend. */
    public static Digits load() {
        return load(org.daetransport.api.Backends.loadDefault());
    }

    /** The given rows (in the given order), e.g. a train or test split. */
    public Digits rows(int[] indices) {
        double[] all = features.toArray();
        double[] x = new double[indices.length * PIXELS];
        int[] y = new int[indices.length];
        for (int r = 0; r < indices.length; r++) {
            int i = indices[r];
            if (i < 0 || i >= labels.length) {
                throw new IllegalArgumentException("row " + i + " is outside 0.." + (labels.length - 1));
            }
            System.arraycopy(all, i * PIXELS, x, r * PIXELS, PIXELS);
            y[r] = labels[i];
        }
        return new Digits(features.backend().create().fromArray(x, indices.length, PIXELS), y);
    }

    /** The number of rows. */
    public int size() {
        return labels.length;
    }

    /** The label of row {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }
}
