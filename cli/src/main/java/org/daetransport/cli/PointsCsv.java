package org.daetransport.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Point clouds as CSV: one point per line, comma-separated decimals, all lines the same length;
 * blank lines and lines starting with {@code #} are skipped. Errors name the file and line.
 */
public final class PointsCsv {

    private PointsCsv() {
    }

    /** Reads the rows of a CSV file (gzip if the name ends in .gz). */
    public static double[][] read(Path file) {
        List<double[]> rows = new ArrayList<>();
        int width = -1;
        try (BufferedReader in = open(file)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#")) {
                    continue;
                }
                String[] fields = s.split(",", -1);
                if (width >= 0 && fields.length != width) {
                    throw new InputException(file + " line " + lineNo + ": " + fields.length
                            + " values, but earlier lines have " + width + " (ragged rows)");
                }
                width = fields.length;
                double[] row = new double[width];
                for (int c = 0; c < width; c++) {
                    row[c] = parse(fields[c].strip(), file, lineNo, c + 1);
                }
                rows.add(row);
            }
        } catch (NoSuchFileException e) {
            throw new InputException("cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new InputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new InputException(file + ": no points (the file is empty)");
        }
        return rows.toArray(new double[0][]);
    }

    private static BufferedReader open(Path file) throws IOException {
        var in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            return new BufferedReader(new java.io.InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
        }
        return new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static double parse(String field, Path file, int line, int column) {
        double v;
        try {
            v = Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw new InputException(file + " line " + line + " column " + column + ": '" + field + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new InputException(file + " line " + line + " column " + column + ": " + field
                    + " is not a finite number (NaN and infinity are not allowed)");
        }
        return v;
    }

    /** Integers (steps, indices) without a fraction; everything else with round-trip precision. */
    static void appendNumber(StringBuilder sb, double v) {
        boolean integral = v == Math.rint(v) && Math.abs(v) < 1e15 && (v != 0 || 1 / v > 0);
        if (integral) {
            sb.append((long) v);
        } else {
            sb.append(v);
        }
    }

    /** Writes rows with full round-trip precision, atomically. */
    public static void write(Path file, double[][] rows) {
        AtomicFiles.writeText(file, out -> {
            StringBuilder sb = new StringBuilder(64);
            for (double[] row : rows) {
                sb.setLength(0);
                for (int c = 0; c < row.length; c++) {
                    if (c > 0) {
                        sb.append(',');
                    }
                    appendNumber(sb, row[c]);
                }
                sb.append('\n');
                out.write(sb.toString());
            }
        });
    }
}
