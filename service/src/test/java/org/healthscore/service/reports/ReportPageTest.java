package org.healthscore.service.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.healthscore.api.evaluation.EvaluationReport;
import org.healthscore.api.evaluation.EvaluationReport.BandStat;
import org.healthscore.api.evaluation.EvaluationReport.Weight;
import org.healthscore.api.evaluation.FalseGreen;
import org.healthscore.api.evaluation.OutcomeKind;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The report page over reports made by the real core, parsed as XML and read, not grepped. */
class ReportPageTest {

    private static final List<String> SECTIONS = List.of("verdict", "findings", "charts", "bands", "weights",
            "measures", "segments", "false-greens");
    private static final List<String> CHARTS = List.of("roc", "band-rates", "distribution", "measure-auc",
            "decile-lift");

    private static final ReportData CHURN = SampleReports.data(OutcomeKind.CHURN, false);
    private static final String PAGE = ReportPage.render(CHURN);
    private static final Document DOC = Dom.parse(PAGE);

    @Test
    void isAnXhtmlDocumentWithEverySection() {
        assertThat(PAGE).startsWith("<!DOCTYPE html>");
        Element html = DOC.getDocumentElement();
        assertThat(html.getLocalName()).isEqualTo("html");
        assertThat(html.getNamespaceURI()).isEqualTo(Dom.XHTML);
        List<String> ids = Dom.html(DOC, "section").stream().map(s -> s.getAttribute("id")).toList();
        assertThat(ids).containsExactlyElementsOf(SECTIONS);
        // The verdict and findings come first.
        assertThat(Dom.text(Dom.html(DOC, "title").get(0))).isEqualTo("Does scorecard health<&> v3 predict churn?");
    }

    @Test
    void drawsFiveChartsEachWithATitleAndItsData() {
        EvaluationReport r = CHURN.evaluation().report();
        List<Element> svgs = Dom.svg(DOC, "svg");
        assertThat(svgs).extracting(s -> s.getAttribute("data-chart")).containsExactlyElementsOf(CHARTS);
        for (Element svg : svgs) {
            assertThat(Dom.svg(svg, "title")).as(svg.getAttribute("data-chart")).isNotEmpty()
                    .allSatisfy(t -> assertThat(Dom.text(t)).isNotBlank());
            assertThat(svg.getAttribute("role")).isEqualTo("img");
        }
        Element roc = chart("roc");
        List<Element> curve = Dom.with(roc, "data-series", "roc");
        assertThat(curve).hasSize(1);
        assertThat(curve.get(0).getLocalName()).isEqualTo("polyline");
        assertThat(curve.get(0).getAttribute("points").split(" ")).hasSize(r.roc().size());
        assertThat(r.roc()).hasSizeGreaterThan(10);
        assertThat(Dom.with(roc, "data-series", "reference")).as("the diagonal").hasSize(1);

        Element bands = chart("band-rates");
        assertThat(Dom.with(bands, "data-series", "band")).extracting(e -> e.getAttribute("data-band"))
                .containsExactly("RED", "YELLOW", "GREEN");
        assertThat(Dom.with(bands, "data-series", "reference")).as("the base rate").hasSize(1);
        assertThat(Dom.text(bands)).contains("base rate " + percent(r.counts().baseRate()));

        Element distribution = chart("distribution");
        assertThat(Dom.with(distribution, "data-series", "positives")).hasSize(10);
        assertThat(Dom.with(distribution, "data-series", "negatives")).hasSize(10);

        Element measures = chart("measure-auc");
        List<Element> bars = Dom.with(measures, "data-series", "measure");
        assertThat(bars).extracting(e -> e.getAttribute("data-metric"))
                .containsExactly("usage", SampleReports.WRONG_WAY, "nps");
        // The wrong-way measure: another fill (a pattern) and a label, not colour alone.
        Element wrong = bars.get(1);
        assertThat(wrong.getAttribute("data-wrong-way")).isEqualTo("true");
        assertThat(wrong.getAttribute("fill")).startsWith("url(#").isNotEqualTo(bars.get(0).getAttribute("fill"));
        assertThat(Dom.text(measures)).contains(auc(r.measures().get(1).auc()) + " wrong way");
        assertThat(Dom.with(measures, "data-series", "reference")).as("the 0.5 line").hasSize(1);

        Element deciles = chart("decile-lift");
        assertThat(Dom.with(deciles, "data-series", "decile"))
                .hasSize((int) r.deciles().stream().filter(d -> d.lift() != null).count());
    }

    @Test
    void showsTheReportsNumbersFormattedForPeople() {
        EvaluationReport r = CHURN.evaluation().report();
        String expected = String.format(Locale.ROOT, "%.2f [%.2f-%.2f]", r.auc().value(), r.auc().low(),
                r.auc().high());
        assertThat(Dom.text(Dom.one(section("verdict"), "data-figure", "auc"))).isEqualTo(expected);
        assertThat(Dom.text(Dom.one(section("verdict"), "data-figure", "false-green-share")))
                .isEqualTo(percent(r.falseGreens().shareOfPositives()));
        assertThat(Dom.text(Dom.one(section("verdict"), "data-figure", "rows")))
                .isEqualTo(String.format(Locale.ROOT, "%,d", r.counts().rows())).contains(",");
        assertThat(Dom.text(Dom.one(section("false-greens"), "data-figure", "false-green-count")))
                .isEqualTo(String.format(Locale.ROOT, "%,d", r.falseGreens().count()));

        Element table = section("bands");
        for (BandStat b : r.bands()) {
            Element row = Dom.one(table, "data-band", b.band().name());
            assertThat(cell(row, "current-rows")).isEqualTo(String.format(Locale.ROOT, "%,d", b.rows()));
            assertThat(cell(row, "current-positives")).isEqualTo(String.format(Locale.ROOT, "%,d", b.positives()));
            assertThat(cell(row, "current-rate")).isEqualTo(percent(b.rate()));
            BandStat s = r.suggestedBands().bands().get(b.band().ordinal());
            assertThat(cell(row, "suggested-rows")).isEqualTo(String.format(Locale.ROOT, "%,d", s.rows()));
            assertThat(cell(row, "suggested-rate")).isEqualTo(percent(s.rate()));
        }
        assertThat(Dom.text(table)).contains("Current: red below 40, green from 70")
                .contains("Suggested: red below " + number(r.suggestedBands().redBelow()) + ", green from "
                        + number(r.suggestedBands().greenFrom()));

        Element weights = section("weights");
        for (Weight w : r.suggestedWeights().weights()) {
            Element row = Dom.one(weights, "data-metric", w.metric());
            assertThat(cell(row, "current")).isEqualTo(number(w.current()));
            assertThat(cell(row, "suggested")).isEqualTo(String.format(Locale.ROOT, "%.1f", w.suggested())
                    .replaceAll("\\.0$", ""));
        }
        Element cv = Dom.one(weights, "data-check", "cv");
        assertThat(cell(cv, "current")).isEqualTo(String.format(Locale.ROOT, "%.3f", r.suggestedWeights().cvAuc().current()));
        assertThat(cell(cv, "suggested"))
                .isEqualTo(String.format(Locale.ROOT, "%.3f", r.suggestedWeights().cvAuc().suggested()));
        Element forward = Dom.one(weights, "data-check", "forward");
        assertThat(cell(forward, "current"))
                .isEqualTo(String.format(Locale.ROOT, "%.3f", r.suggestedWeights().forwardAuc().current()));

        // Findings are the core's sentences, one item each.
        assertThat(Dom.html(section("findings"), "li")).extracting(Dom::text)
                .containsExactlyElementsOf(r.findings().stream().map(f -> f.replaceAll("\\s+", " ").trim()).toList());
    }

    @Test
    void listsTheFirstFalseGreensAndLinksTheCsv() {
        Element section = section("false-greens");
        List<FalseGreen> listed = CHURN.falseGreens();
        assertThat(listed).isNotEmpty();
        List<Element> rows = Dom.html(Dom.html(section, "tbody").get(0), "tr");
        assertThat(rows).hasSize(listed.size());
        for (int i = 0; i < listed.size(); i++) {
            assertThat(cell(rows.get(i), "account")).isEqualTo(listed.get(i).account().replace('\u0001', '\uFFFD'));
            assertThat(cell(rows.get(i), "as-of")).isEqualTo(listed.get(i).asOf().toString());
        }
        List<Element> links = Dom.html(section, "a");
        assertThat(links).extracting(a -> a.getAttribute("href")).containsExactly("false-greens.csv");
    }

    @Test
    void requestsNothingFromAnywhere() {
        assertSelfContained(DOC);
    }

    @Test
    void escapesWhatTheDataHolds() {
        // Parsed text equals the raw values: escaped on the way out, not mangled.
        assertThat(Dom.with(DOC, "data-metric", SampleReports.WRONG_WAY)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(Dom.text(Dom.one(section("segments"), "data-segment", SampleReports.ODD_SEGMENT)))
                .startsWith(SampleReports.ODD_SEGMENT);
        assertThat(PAGE).doesNotContain("<b>").doesNotContain("<Co>").doesNotContain("\u0001");
        String raw = ReportPage.render(new ReportData(CHURN.evaluation(), 40, 70, List.of(new FalseGreen(
                SampleReports.ODD_ACCOUNT, SampleReports.FIRST, 80.5, SampleReports.FIRST.plusDays(10)),
                new FalseGreen(SampleReports.CONTROL_ACCOUNT, SampleReports.FIRST, 71, SampleReports.FIRST.plusDays(3)))));
        List<Element> accounts = Dom.with(Dom.parse(raw), "data-field", "account");
        assertThat(accounts).extracting(Dom::text).containsExactly(SampleReports.ODD_ACCOUNT, "bad\uFFFDid");
    }

    @Test
    void aOneClassReportSaysNotApplicableAndWhy() {
        ReportData data = SampleReports.data(OutcomeKind.CHURN, true);
        assertThat(data.evaluation().report().auc().value()).isNull();
        Document doc = Dom.parse(ReportPage.render(data));
        Element verdict = Dom.one(doc, "id", "verdict");
        assertThat(Dom.text(Dom.one(verdict, "data-figure", "auc")))
                .isEqualTo("n/a (no churned rows in these dates, so the AUC is undefined)");
        assertThat(Dom.text(Dom.one(verdict, "data-figure", "base-rate"))).isEqualTo("0%");
        assertThat(Dom.text(verdict)).contains("Inconclusive");
        Element roc = Dom.one(doc, "data-chart", "roc");
        assertThat(Dom.with(roc, "data-series", "roc")).isEmpty();
        assertThat(Dom.text(roc)).contains("n/a").contains("no churned rows in these dates");
        assertThat(Dom.text(Dom.one(doc, "data-chart", "decile-lift"))).contains("n/a");
        assertThat(Dom.text(Dom.one(doc, "id", "weights"))).contains("n/a (no churned rows in these dates");
        assertThat(Dom.text(Dom.one(doc, "id", "measures"))).contains("n/a (no churned rows in these dates");
        // Every n/a says why (in brackets after it, or in the sentence that follows it).
        String text = Dom.text(doc.getDocumentElement());
        assertThat(text.split("n/a", -1).length - 1).isPositive();
        assertThat(text).doesNotContain("n/a n/a").doesNotContain("NaN").doesNotContain("null");
        assertSelfContained(doc);
    }

    @Test
    void anExpansionReportRendersWithoutBandSuggestions() {
        ReportData data = SampleReports.data(OutcomeKind.EXPANSION, false);
        assertThat(data.evaluation().report().suggestedBands()).isNull();
        Document doc = Dom.parse(ReportPage.render(data));
        assertThat(Dom.html(doc, "section")).hasSize(SECTIONS.size());
        assertThat(Dom.text(Dom.one(doc, "id", "bands"))).contains("Suggested thresholds: n/a (bands are suggested"
                + " for churn only");
        assertThat(Dom.text(Dom.one(doc, "id", "verdict"))).doesNotContain("churn");
    }

    @Test
    void aReportStoredBeforeTheChartDataRendersToo() {
        EvaluationReport r = CHURN.evaluation().report();
        EvaluationReport old = new EvaluationReport(r.asOfDates(), r.counts(), r.auc(), r.bands(), r.falseGreens(),
                r.red(), r.deciles(), r.measures(), r.redundantPairs(), r.candidates(), r.suggestedWeights(),
                r.suggestedBands(), r.segments(), r.verdict(), r.findings(), null, null);
        Document doc = Dom.parse(ReportPage.render(new ReportData(SampleReports.evaluation(OutcomeKind.CHURN, old),
                40, 70, List.of())));
        assertThat(Dom.text(Dom.one(doc, "data-chart", "roc"))).contains("n/a");
        assertThat(Dom.text(Dom.one(doc, "data-chart", "distribution"))).contains("n/a");
    }

    @Test
    void printsOnA4WithoutBreakingCharts() {
        String css = Dom.text(Dom.html(DOC, "style").get(0));
        assertThat(css).contains("@page { size: A4;").contains("@media print")
                .containsPattern("figure\\.chart[^{]*\\{ break-inside: avoid");
        assertThat(Styles.CSS).doesNotContain("<").doesNotContain(">").doesNotContain("&");
    }

    @Test
    void refusesAnUnfinishedEvaluation() {
        assertThatThrownBy(() -> new ReportData(SampleReports.evaluation(OutcomeKind.CHURN, null), 40, 70, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** No script, no external resource of any kind: src, href and CSS url() point nowhere but into the page. */
    static void assertSelfContained(Document doc) {
        assertThat(Dom.html(doc, "script")).isEmpty();
        assertThat(Dom.html(doc, "link")).isEmpty();
        assertThat(Dom.html(doc, "img")).isEmpty();
        assertThat(Dom.svg(doc, "image")).isEmpty();
        assertThat(Dom.svg(doc, "use")).isEmpty();
        for (Element e : Dom.all(doc)) {
            for (String name : List.of("src", "href", "xlink:href", "action", "srcset", "poster", "data")) {
                String value = e.getAttribute(name).trim().toLowerCase(Locale.ROOT);
                assertThat(value).as("%s of <%s>", name, e.getLocalName())
                        .doesNotStartWith("http:").doesNotStartWith("https:").doesNotStartWith("//")
                        .doesNotContain("://");
            }
            for (int i = 0; i < e.getAttributes().getLength(); i++) {
                Node attribute = e.getAttributes().item(i);
                String value = attribute.getNodeValue();
                if (value.contains("url(")) {
                    assertThat(value).as(attribute.getNodeName()).startsWith("url(#");
                }
                assertThat(attribute.getNodeName()).as("no event handlers").doesNotStartWith("on");
            }
        }
        for (Element style : Dom.html(doc, "style")) {
            assertThat(style.getTextContent()).doesNotContain("url(").doesNotContain("@import");
        }
    }

    private static Element section(String id) {
        return Dom.one(DOC, "id", id);
    }

    private static Element chart(String name) {
        return Dom.one(DOC, "data-chart", name);
    }

    private static String cell(Element row, String field) {
        return Dom.text(Dom.one(row, "data-field", field));
    }

    /** Whole percents, one decimal below 10% where it is not whole. */
    private static String percent(double share) {
        double p = share * 100;
        return p != 0 && p < 10 && Math.round(p) != p ? String.format(Locale.ROOT, "%.1f%%", p)
                : String.format(Locale.ROOT, "%.0f%%", p);
    }

    private static String auc(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value).replaceAll("\\.?0+$", "");
    }
}
