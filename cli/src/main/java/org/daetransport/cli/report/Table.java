package org.daetransport.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A table of a report: a caption, column names and rows of numbers or words. */
public final class Table {

    private final String caption;
    private final List<String> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    public Table(String caption, String... columns) {
        this.caption = caption;
        this.columns = List.of(columns);
    }

    /** Adds a row; it must have one cell per column. */
    public Table row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("table '" + caption + "': row of " + cells.length + " cells for "
                    + columns.size() + " columns");
        }
        rows.add(List.of(cells));
        return this;
    }

    public String caption() {
        return caption;
    }

    public List<String> columns() {
        return columns;
    }

    public List<List<Object>> rows() {
        return rows;
    }

    /** The rows as JSON-ready objects keyed by column name (for summary.json). */
    public List<Map<String, Object>> records() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (List<Object> r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                m.put(columns.get(c), r.get(c));
            }
            out.add(m);
        }
        return out;
    }
}
