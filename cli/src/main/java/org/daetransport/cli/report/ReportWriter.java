package org.daetransport.cli.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes {@code index.html}: self-contained apart from its PNG figures, readable in any browser. */
public final class ReportWriter {

    private ReportWriter() {
    }

    public static void writeHtml(Path dir, String title, String intro, List<Section> sections) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>").append(esc(title)).append("</title>\n")
                .append("<style>body{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:3px 8px;text-align:right}")
                .append("th{background:#eee}caption{font-weight:bold;text-align:left;padding:4px 0}")
                .append("figure{margin:1em 0}img{max-width:100%;border:1px solid #ddd}figcaption{font-size:90%;color:#555}")
                .append("nav li{margin:2px 0}</style></head><body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n<p>").append(esc(intro)).append("</p>\n<nav><ol>\n");
        for (Section s : sections) {
            h.append("<li><a href=\"#").append(esc(s.name())).append("\">").append(esc(s.title())).append("</a></li>\n");
        }
        h.append("</ol></nav>\n");
        for (Section s : sections) {
            h.append("<section id=\"").append(esc(s.name())).append("\"><h2>").append(esc(s.title())).append("</h2>\n<p>")
                    .append(esc(s.paragraph())).append("</p>\n");
            for (Section.Figure f : s.figures()) {
                h.append("<figure><img src=\"").append(esc(f.file())).append("\" alt=\"").append(esc(f.caption()))
                        .append("\"><figcaption>").append(esc(f.caption())).append("</figcaption></figure>\n");
            }
            for (Table t : s.tables()) {
                h.append("<table><caption>").append(esc(t.caption())).append("</caption><tr>");
                for (String c : t.columns()) {
                    h.append("<th>").append(esc(c)).append("</th>");
                }
                h.append("</tr>\n");
                for (List<Object> row : t.rows()) {
                    h.append("<tr>");
                    for (Object cell : row) {
                        h.append("<td>").append(esc(format(cell))).append("</td>");
                    }
                    h.append("</tr>\n");
                }
                h.append("</table>\n");
            }
            h.append("</section>\n");
        }
        h.append("</body></html>\n");
        try {
            Files.writeString(dir.resolve("index.html"), h, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write index.html: " + e.getMessage(), e);
        }
    }

    /** A cell as text: numbers with 6 significant digits, plain decimals where readable. */
    static String format(Object cell) {
        if (cell instanceof Double d) {
            double v = d;
            if (v == 0 || (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e6)) {
                return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
            }
            return String.format(Locale.ROOT, "%.4e", v);
        }
        return String.valueOf(cell);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
