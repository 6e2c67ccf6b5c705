package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.healthscore.service.reports.Dom;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The report as an HTML page (DESIGN.md 3.6) over HTTP: parsed as XML, its numbers equal to the JSON's, behind
 * the same walls (role, workspace) and 409 until the evaluation has SUCCEEDED. With the system property
 * {@value #SAMPLE} set to a file name, the page of the synthetic evaluation is saved there to look at.
 */
class EvaluationReportHtmlIT {

    static final String SAMPLE = "healthscore.reportSample";
    private static final String PAGE = Evaluations.START + "/{id}/report.html";

    @BackendTest
    void thePageShowsTheReportsNumbers(Api api) throws IOException {
        String admin = Evaluations.workspace(api);
        JsonPath report = Evaluations.run(api, admin, Evaluations.request("naive"));
        String id = report.getString("id");
        String reader = api.newKey(admin, "READER");

        Response response = api.as(reader).accept("text/html").get(PAGE, id);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/html").containsIgnoringCase("charset=utf-8");
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'");
        String html = new String(response.asByteArray(), StandardCharsets.UTF_8);
        Document page = Dom.parse(html);

        assertThat(Dom.html(page, "section")).extracting(s -> s.getAttribute("id")).containsExactly("verdict",
                "findings", "charts", "bands", "weights", "measures", "segments", "false-greens");
        String auc = String.format(Locale.ROOT, "%.2f [%.2f-%.2f]", report.getDouble("auc.value"),
                report.getDouble("auc.low"), report.getDouble("auc.high"));
        assertThat(Dom.text(Dom.one(page, "data-figure", "auc"))).isEqualTo(auc);
        Element falseGreens = Dom.one(page, "id", "false-greens");
        long count = report.getLong("falseGreens.count");
        assertThat(Dom.text(Dom.one(falseGreens, "data-figure", "false-green-count")))
                .isEqualTo(String.format(Locale.ROOT, "%,d", count));
        assertThat(Dom.html(Dom.html(falseGreens, "tbody").get(0), "tr")).hasSize((int) Math.min(50, count));
        assertThat(Dom.html(falseGreens, "a")).extracting(a -> a.getAttribute("href"))
                .containsExactly("false-greens.csv");
        assertThat(Dom.text(Dom.one(page, "id", "verdict"))).contains("Not predictive");

        // The charts draw the report's data: the curve has a point per ROC point of the JSON.
        List<Element> charts = Dom.svg(page, "svg");
        assertThat(charts).extracting(s -> s.getAttribute("data-chart")).containsExactly("roc", "band-rates",
                "distribution", "measure-auc", "decile-lift");
        Element curve = Dom.one(Dom.one(page, "data-chart", "roc"), "data-series", "roc");
        assertThat(curve.getAttribute("points").split(" ")).hasSize(report.getList("roc").size());
        assertThat(report.getList("distribution")).hasSize(10);
        // logins points the wrong way: hatched and labelled in the measure chart.
        Element logins = Dom.one(Dom.one(page, "data-chart", "measure-auc"), "data-metric", "logins");
        assertThat(logins.getAttribute("data-wrong-way")).isEqualTo("true");
        assertThat(html).doesNotContain("src=\"http").doesNotContain("href=\"http").doesNotContain("<script");

        String sample = System.getProperty(SAMPLE);
        if (sample != null && !sample.isBlank()) {
            Files.writeString(Path.of(sample), html);
        }

        // Walls: another workspace, an unknown id.
        String other = api.newWorkspace().adminSecret();
        Response foreign = api.as(other).accept("text/html").get(PAGE, id);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(api.as(admin).accept("text/html").get(PAGE, "no-such-id").statusCode()).isEqualTo(404);
        assertThat(api.as(null).accept("text/html").get(PAGE, id).statusCode()).isEqualTo(401);
    }

    @BackendTest
    void aChallengerStandsBesideTheChampionAndThePageSaysWhichIsBetter(Api api) throws IOException {
        String admin = Evaluations.workspace(api);
        Map<String, Object> draft = ScorecardBodies.draft("usage_only", "Usage only", List.of(
                ScorecardBodies.measure("usage", 1, ScorecardBodies.linear(0, 100))));
        api.as(admin).contentType(io.restassured.http.ContentType.JSON).body(draft).post("/api/v1/scorecards")
                .then().statusCode(201);
        api.as(admin).post("/api/v1/scorecards/usage_only/publish").then().statusCode(201);
        Map<String, Object> body = Evaluations.request("naive");
        body.put("challenger", Map.of("scorecard", "usage_only"));
        JsonPath report = Evaluations.run(api, admin, body);
        Response response = api.as(admin).accept("text/html").get(PAGE, report.getString("id"));
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        String html = new String(response.asByteArray(), StandardCharsets.UTF_8);
        Document page = Dom.parse(html);

        Element comparison = Dom.one(page, "id", "comparison");
        String lead = Dom.text(Dom.one(comparison, "data-figure", "comparison"));
        assertThat(lead).startsWith("usage_only v1 ranks better than naive v1 by "
                + String.format(Locale.ROOT, "%.2f", report.getDouble("challenger.difference.auc")));
        Element auc = Dom.one(comparison, "data-row", "auc");
        assertThat(Dom.text(Dom.one(auc, "data-field", "champion"))).isEqualTo(String.format(Locale.ROOT,
                "%.2f [%.2f-%.2f]", report.getDouble("auc.value"), report.getDouble("auc.low"),
                report.getDouble("auc.high")));
        assertThat(Dom.text(Dom.one(auc, "data-field", "challenger"))).isEqualTo(String.format(Locale.ROOT,
                "%.2f [%.2f-%.2f]", report.getDouble("challenger.auc.value"), report.getDouble("challenger.auc.low"),
                report.getDouble("challenger.auc.high")));
        // Both reports in full, each with its five charts, ids kept apart.
        assertThat(Dom.svg(page, "svg")).hasSize(10);
        assertThat(Dom.text(Dom.one(page, "id", "challenger-verdict"))).isNotBlank();
        assertThat(Dom.one(page, "id", "verdict")).isNotNull();
        String sample = System.getProperty(SAMPLE);
        if (sample != null && !sample.isBlank()) {
            Files.writeString(Path.of(sample.replace(".html", "-challenger.html")), html);
        }
    }

    @BackendTest
    void anUnfinishedEvaluationHasNoPageYet(Api api) {
        String admin = Evaluations.workspace(api);
        org.healthscore.service.jobs.ChunkWorkers.pauseAll();
        String id;
        try {
            id = Evaluations.start(api, admin, Evaluations.request("naive"), null).getString("id");
            Response early = api.as(admin).accept("text/html").get(PAGE, id);
            assertThat(early.statusCode()).isEqualTo(409);
            assertThat(early.contentType()).startsWith("application/problem+json");
            assertThat(early.asString()).contains("SUCCEEDED");
            api.as(admin).post("/api/v1/jobs/{id}/cancel", id).then().statusCode(200);
        } finally {
            org.healthscore.service.jobs.ChunkWorkers.resumeAll();
        }
        assertThat(api.as(admin).accept("text/html").get(PAGE, id).statusCode()).isEqualTo(409);
    }
}
