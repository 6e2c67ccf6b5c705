package org.healthscore.service.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The writer behind the page: escaped, closed, never self-closing an element an HTML parser would leave open. */
class MarkupTest {

    @Test
    void escapesTextAndAttributes() {
        String out = new Markup().element("p", "a < b & \"c\" > 'd'", "title", "x\"y'<&>").toString();
        assertThat(out).isEqualTo("<p title=\"x&quot;y&#39;&lt;&amp;&gt;\">a &lt; b &amp; \"c\" &gt; 'd'</p>");
    }

    @Test
    void replacesWhatXmlCannotHold() {
        String out = new Markup().element("td", "a\u0000b\u0007c\tok \uD83D\uDE00 lone \uD800").toString();
        assertThat(out).isEqualTo("<td>a\uFFFDb\uFFFDc\tok \uD83D\uDE00 lone \uFFFD</td>");
    }

    @Test
    void writesEndTagsForEmptyContentAndSelfClosesOnlyOnRequest() {
        assertThat(new Markup().element("span", "", "class", "swatch").toString())
                .isEqualTo("<span class=\"swatch\"></span>");
        assertThat(new Markup().empty("meta", "charset", "utf-8").toString()).isEqualTo("<meta charset=\"utf-8\"/>");
        assertThat(new Markup().empty("rect", "x", null, "y", "1").toString()).isEqualTo("<rect y=\"1\"/>");
    }

    @Test
    void refusesUnclosedElements() {
        assertThatThrownBy(() -> new Markup().open("div").toString()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void formatsNumbersForPeople() {
        assertThat(Numbers.count(1234)).isEqualTo("1,234");
        assertThat(Numbers.percent(0.38)).isEqualTo("38%");
        assertThat(Numbers.percent(0.081)).isEqualTo("8.1%");
        assertThat(Numbers.percent(0.05)).isEqualTo("5%");
        assertThat(Numbers.percent(null)).isEqualTo("n/a");
        assertThat(Numbers.aucWithInterval(new org.healthscore.api.evaluation.EvaluationReport.Auc(0.7123, 0.634,
                0.7891))).isEqualTo("0.71 [0.63-0.79]");
        assertThat(Numbers.aucWithInterval(new org.healthscore.api.evaluation.EvaluationReport.Auc(0.7, null, null)))
                .isEqualTo("0.70");
        assertThat(Numbers.number(70.0, 2)).isEqualTo("70");
        assertThat(Numbers.number(62.5, 2)).isEqualTo("62.5");
        assertThat(Numbers.lift(2.06)).isEqualTo("2.1×");
    }
}
