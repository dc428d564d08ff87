package org.daetransport.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one experiment contributes to the report: a title, a paragraph saying what it shows,
 * tables, figures (PNG files written into the report folder) and headline numbers.
 */
public final class Section {

    /** A figure file in the report folder and its caption. */
    public record Figure(String file, String caption) {
    }

    private final String name;
    private final String title;
    private String paragraph = "";
    private final List<Table> tables = new ArrayList<>();
    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> numbers = new LinkedHashMap<>();

    public Section(String name, String title) {
        this.name = name;
        this.title = title;
    }

    public Section paragraph(String text) {
        this.paragraph = text;
        return this;
    }

    public Table table(Table t) {
        tables.add(t);
        return t;
    }

    public Section figure(String file, String caption) {
        figures.add(new Figure(file, caption));
        return this;
    }

    public Section number(String key, Object value) {
        numbers.put(key, value);
        return this;
    }

    public String name() { return name; }
    public String title() { return title; }
    public String paragraph() { return paragraph; }
    public List<Table> tables() { return tables; }
    public List<Figure> figures() { return figures; }

    /** Every number of this section for summary.json: headline numbers, then each table's rows. */
    public Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>(numbers);
        Map<String, Object> t = new LinkedHashMap<>();
        for (Table table : tables) {
            t.put(table.caption(), table.records());
        }
        out.put("tables", t);
        return out;
    }
}
