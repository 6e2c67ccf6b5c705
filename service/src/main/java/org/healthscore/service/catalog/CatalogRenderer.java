package org.healthscore.service.catalog;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.healthscore.api.metric.Catalog;
import org.healthscore.api.metric.Metric;

/**
 * The catalog as documentation a CS team can read and publish: Markdown, and HTML made from it.
 * Descriptions are the users' own Markdown; their raw HTML is escaped and unsafe link schemes
 * dropped, so a catalog page cannot carry a script.
 */
public final class CatalogRenderer {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private CatalogRenderer() {
    }

    public static String markdown(Catalog catalog) {
        StringBuilder md = new StringBuilder("# Metric catalog\n\n");
        md.append("Generated ").append(catalog.generatedAt()).append(" · ").append(catalog.metrics().size())
                .append(catalog.metrics().size() == 1 ? " metric" : " metrics").append("\n\n");
        if (!catalog.metrics().isEmpty()) {
            md.append("| Key | Name | Dimension | Unit | Direction | Aggregation | Owner | Status |\n");
            md.append("|---|---|---|---|---|---|---|---|\n");
            for (Metric m : catalog.metrics()) {
                md.append("| `").append(m.key()).append("` | ")
                        .append(cell(m.name())).append(" | ").append(cell(m.dimension())).append(" | ")
                        .append(cell(m.unit())).append(" | ").append(m.direction()).append(" | ")
                        .append(aggregation(m)).append(" | ").append(cell(m.owner())).append(" | ")
                        .append(m.status()).append(" |\n");
            }
            md.append('\n');
        }
        for (Metric m : catalog.metrics()) {
            md.append("## ").append(inline(m.name())).append(" (`").append(m.key()).append("`)\n\n");
            if (m.description() != null && !m.description().isBlank()) {
                md.append(m.description().strip()).append("\n\n");
            }
            field(md, "Dimension", m.dimension());
            field(md, "Data source", m.dataSource());
            field(md, "Calculation", m.calculation());
            field(md, "Owner", m.owner());
            field(md, "Unit", m.unit());
            field(md, "Value type", m.valueType().name());
            field(md, "Direction", m.direction().name());
            field(md, "Aggregation", aggregation(m));
            field(md, "Tags", m.tags().isEmpty() ? null : String.join(", ", m.tags()));
            field(md, "Status", m.status().name());
            field(md, "Revision", m.revision() + " (updated " + m.updatedAt() + " by " + inline(m.updatedBy()) + ")");
            md.append('\n');
        }
        return md.toString();
    }

    public static String html(Catalog catalog) {
        String body = HTML.render(PARSER.parse(markdown(catalog)));
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Metric catalog</title><style>"
                + "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}"
                + "code{background:#f3f3f3;padding:0 .2rem}section{border-top:1px solid #ddd;margin-top:1.5rem}"
                + "@media print{section{page-break-inside:avoid}}"
                + "</style></head><body>\n" + body + "</body></html>\n";
    }

    private static void field(StringBuilder md, String label, String value) {
        if (value != null && !value.isBlank()) {
            md.append("- **").append(label).append(":** ").append(inline(value)).append('\n');
        }
    }

    private static String aggregation(Metric m) {
        return m.aggregation().function() + " over " + m.aggregation().windowDays() + " days";
    }

    /** A value inside one Markdown line: line breaks folded so it cannot start a new block. */
    private static String inline(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    private static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }
}
