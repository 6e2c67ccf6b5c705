package org.healthscore.service.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.healthscore.api.metric.Aggregation;
import org.healthscore.api.metric.AggregationFunction;
import org.healthscore.api.metric.Catalog;
import org.healthscore.api.metric.Direction;
import org.healthscore.api.metric.Metric;
import org.healthscore.api.metric.MetricStatus;
import org.healthscore.api.metric.ValueType;
import org.junit.jupiter.api.Test;

class CatalogRendererTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private static Metric metric(String key, String name, String description) {
        return new Metric(key, name, description, "RISK", "Support desk", "count of open P1", "Support", "tickets",
                ValueType.COUNT, Direction.LOWER_IS_BETTER, new Aggregation(AggregationFunction.AVERAGE, 30),
                List.of("prove"), MetricStatus.ACTIVE, 3, AT, "writer", AT, "writer");
    }

    @Test
    void markdownDocumentsEveryField() {
        String md = CatalogRenderer.markdown(new Catalog(AT, List.of(metric("p1", "Open P1 | tickets", "Urgent."))));
        assertThat(md).contains("# Metric catalog", "| `p1` | Open P1 \\| tickets | RISK | tickets | LOWER_IS_BETTER"
                        + " | AVERAGE over 30 days | Support | ACTIVE |", "## Open P1 | tickets (`p1`)", "Urgent.",
                "- **Calculation:** count of open P1", "- **Revision:** 3");
    }

    @Test
    void aNameCannotStartANewMarkdownBlock() {
        String md = CatalogRenderer.markdown(new Catalog(AT, List.of(metric("p1", "A\n# injected", null))));
        assertThat(md).doesNotContain("\n# injected");
    }

    @Test
    void htmlEscapesRawHtmlAndUnsafeLinks() {
        String html = CatalogRenderer.html(new Catalog(AT, List.of(metric("p1", "<b>n</b>",
                "Text <img src=x onerror=alert(1)> [x](javascript:alert)"))));
        assertThat(html).doesNotContain("<img", "<b>n</b>", "href=\"javascript").contains("&lt;img");
    }
}
