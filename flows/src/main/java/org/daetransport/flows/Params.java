package org.daetransport.flows;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reading the JSON fields of an energy term, with errors naming the field. For factories and plug-ins. */
public final class Params {

    private Params() {
    }

    /** Fails if a field other than {@code "type"}, {@code "weight"} and {@code allowed} is present. */
    public static void requireOnly(Map<String, Object> params, String... allowed) {
        Set<String> ok = new java.util.HashSet<>(List.of(allowed));
        ok.add("type");
        ok.add("weight");
        for (String key : params.keySet()) {
            if (!ok.contains(key)) {
                throw new IllegalArgumentException("unknown field \"" + key + "\"; allowed fields: "
                        + String.join(", ", new java.util.TreeSet<>(ok)));
            }
        }
    }

    /** A finite number; fails if it is missing. */
    public static double number(Map<String, Object> params, String field) {
        if (!params.containsKey(field)) {
            throw new IllegalArgumentException("missing field \"" + field + "\"");
        }
        return toNumber(params.get(field), field);
    }

    /** A finite number, or {@code fallback} if absent. */
    public static double number(Map<String, Object> params, String field, double fallback) {
        return params.containsKey(field) ? toNumber(params.get(field), field) : fallback;
    }

    /** A string, or {@code fallback} if absent. */
    public static String string(Map<String, Object> params, String field, String fallback) {
        Object o = params.get(field);
        if (o == null) {
            return fallback;
        }
        if (!(o instanceof String s)) {
            throw new IllegalArgumentException("field \"" + field + "\" must be a string, got " + o);
        }
        return s;
    }

    /** A vector of length {@code dim}. */
    public static double[] vector(Map<String, Object> params, String field, int dim) {
        Object o = params.get(field);
        if (o == null) {
            throw new IllegalArgumentException("missing field \"" + field + "\"");
        }
        double[] v = toVector(o, field);
        if (v.length != dim) {
            throw new IllegalArgumentException("field \"" + field + "\" has " + v.length + " entries, the dimension is " + dim);
        }
        return v;
    }

    /** A {@code dim x dim} matrix given as a list of rows. */
    public static double[][] matrix(Map<String, Object> params, String field, int dim) {
        Object o = params.get(field);
        if (o == null) {
            throw new IllegalArgumentException("missing field \"" + field + "\"");
        }
        if (!(o instanceof List<?> rows)) {
            throw new IllegalArgumentException("field \"" + field + "\" must be a list of rows, got " + o);
        }
        if (rows.size() != dim) {
            throw new IllegalArgumentException("field \"" + field + "\" has " + rows.size() + " rows, the dimension is " + dim);
        }
        double[][] m = new double[dim][];
        for (int i = 0; i < dim; i++) {
            m[i] = toVector(rows.get(i), field + "[" + i + "]");
            if (m[i].length != dim) {
                throw new IllegalArgumentException("row " + i + " of field \"" + field + "\" has " + m[i].length
                        + " entries, the dimension is " + dim);
            }
        }
        return m;
    }

    private static double[] toVector(Object o, String field) {
        if (!(o instanceof List<?> list)) {
            throw new IllegalArgumentException("field \"" + field + "\" must be a list of numbers, got " + o);
        }
        double[] v = new double[list.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = toNumber(list.get(i), field + "[" + i + "]");
        }
        return v;
    }

    private static double toNumber(Object o, String field) {
        if (!(o instanceof Number n)) {
            throw new IllegalArgumentException("field \"" + field + "\" must be a number, got " + o);
        }
        double v = n.doubleValue();
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("field \"" + field + "\" must be finite, got " + v);
        }
        return v;
    }
}
