package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluations end to end (DESIGN.md 3.6, 4.1): a BACKTEST of a scorecard against churn whose AUC
 * equals a brute-force count over the service's own live scores, the wrong-way measure flagged and
 * dropped, suggestions applied and evaluated again, false greens as pages and CSV, no look-ahead,
 * drafts, censoring, EXPANSION, SNAPSHOTS, INCONCLUSIVE, bad requests, roles and workspace walls.
 */
class EvaluationIT {

    @BackendTest
    void aBacktestsAucEqualsTheBruteForceCountOverTheServicesOwnScores(Api api) {
        String admin = Evaluations.workspace(api);
        JsonPath report = Evaluations.run(api, admin, Evaluations.request("naive"));

        // The rows by hand: every account active at each asOf, scored live, labelled from the outcomes.
        List<double[]> rows = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < Evaluations.ACCOUNTS; i++) {
            accounts.add(Evaluations.account(i));
        }
        int positives = 0;
        for (LocalDate asOf : Evaluations.dates()) {
            List<String> active = new ArrayList<>();
            for (int i = 0; i < Evaluations.ACCOUNTS; i++) {
                if (!Evaluations.churner(i) || Evaluations.churnDate(i).isAfter(asOf)) {
                    active.add(Evaluations.account(i));
                }
            }
            Map<String, Object> body = Map.of("scorecard", "naive", "version", 1, "asOf", asOf.toString(),
                    "accounts", active);
            JsonPath scores = Jobs.json(api.as(admin).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/scores/compute").then().statusCode(200).extract().response());
            for (int k = 0; k < active.size(); k++) {
                int i = accounts.indexOf(active.get(k));
                boolean y = Evaluations.churner(i) && Evaluations.churnDate(i).isAfter(asOf)
                        && !Evaluations.churnDate(i).isAfter(asOf.plusDays(90));
                positives += y ? 1 : 0;
                rows.add(new double[] {scores.getDouble("results[" + k + "].score"), y ? 1 : 0});
            }
        }
        assertThat(report.getLong("counts.rows")).isEqualTo(rows.size());
        assertThat(report.getLong("counts.positives")).isEqualTo(positives);
        assertThat(report.getLong("counts.accounts")).isEqualTo(Evaluations.ACCOUNTS);
        assertThat(report.getLong("counts.insufficient")).isZero();
        assertThat(report.getList("counts.censoredAsOfDates")).isEmpty();
        assertThat(report.getList("asOfDates", String.class))
                .containsExactlyElementsOf(Evaluations.dates().stream().map(LocalDate::toString).toList());
        double auc = Evaluations.bruteForceAuc(rows, true);
        assertThat(report.getDouble("auc.value")).isCloseTo(auc, within(1e-9));
        assertThat(auc).as("the naive scorecard ranks backwards").isLessThan(0.5);
        assertThat(report.getDouble("auc.low")).isLessThanOrEqualTo(auc);
        assertThat(report.getDouble("auc.high")).isGreaterThanOrEqualTo(auc);
        assertThat(report.getString("verdict")).isEqualTo("NOT_PREDICTIVE");
        assertThat(report.getString("scorecard.key")).isEqualTo("naive");
        assertThat(report.getInt("scorecard.version")).isEqualTo(1);
        assertThat(report.getBoolean("scorecard.draft")).isFalse();
        assertThat(report.getString("outcome")).isEqualTo("CHURN");
        assertThat(report.getString("source")).isEqualTo("BACKTEST");
        assertThat(report.getList("bands.band")).containsExactly("RED", "YELLOW", "GREEN");
        assertThat(report.getList("deciles")).hasSize(10);
        assertThat(report.getList("findings", String.class)).isNotEmpty();
        // What the HTML report draws: the curve's area is the AUC; the bins hold every scored row.
        List<Map<String, Object>> roc = report.getList("roc");
        assertThat(roc.get(0)).isEqualTo(Map.of("falsePositiveRate", 0.0, "truePositiveRate", 0.0));
        assertThat(roc.get(roc.size() - 1)).isEqualTo(Map.of("falsePositiveRate", 1.0, "truePositiveRate", 1.0));
        double area = 0;
        for (int k = 1; k < roc.size(); k++) {
            area += (rate(roc.get(k), "falsePositiveRate") - rate(roc.get(k - 1), "falsePositiveRate"))
                    * (rate(roc.get(k), "truePositiveRate") + rate(roc.get(k - 1), "truePositiveRate")) / 2;
        }
        // Exact unless the curve was thinned to its 200 points.
        assertThat(area).isCloseTo(auc, within(roc.size() < 200 ? 1e-9 : 0.01));
        assertThat(report.getList("distribution.from")).containsExactly(0, 10, 20, 30, 40, 50, 60, 70, 80, 90);
        assertThat(report.getList("distribution.positives", Long.class).stream().mapToLong(Long::longValue).sum()
                + report.getList("distribution.negatives", Long.class).stream().mapToLong(Long::longValue).sum())
                .isEqualTo(rows.size());

        // logins points the wrong way: flagged, and its suggested weight is 0.
        Map<String, Map<String, Object>> measures = byMetric(report.getList("measures"));
        assertThat(measures.get("logins").get("wrongWay")).isEqualTo(true);
        assertThat(measures.get("usage").get("wrongWay")).isEqualTo(false);
        assertThat(((Number) measures.get("logins").get("weightShare")).doubleValue()).isCloseTo(0.75, within(1e-12));
        Map<String, Map<String, Object>> weights = byMetric(report.getList("suggestedWeights.weights"));
        assertThat(((Number) weights.get("logins").get("suggested")).doubleValue()).isZero();
        assertThat(((Number) weights.get("usage").get("suggested")).doubleValue()).isCloseTo(100, within(1e-9));
        assertThat(report.getDouble("suggestedWeights.cvAuc.suggested"))
                .isGreaterThan(report.getDouble("suggestedWeights.cvAuc.current"));
        assertThat(report.getDouble("suggestedWeights.forwardAuc.suggested")).isNotNull();

        // Candidates: the unused metrics, tickets (fewer is better, churners have more) ranked first.
        assertThat(report.getList("candidates.metric")).containsExactly("tickets", "noise");
        assertThat(report.getDouble("candidates[0].auc")).isGreaterThan(0.8);

        // False greens: pages and CSV agree with the count.
        long count = report.getLong("falseGreens.count");
        assertThat(count).isPositive();
        String id = report.getString("id");
        List<Map<String, Object>> paged = new ArrayList<>();
        String cursor = null;
        do {
            var request = api.as(admin).queryParam("limit", 3);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = Jobs.json(request.get(Evaluations.START + "/{id}/false-greens", id).then().statusCode(200)
                    .extract().response());
            paged.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(paged).hasSize((int) count);
        for (Map<String, Object> row : paged) {
            assertThat(((Number) row.get("score")).doubleValue()).isGreaterThanOrEqualTo(70);
            LocalDate asOf = LocalDate.parse((String) row.get("asOf"));
            LocalDate churned = LocalDate.parse((String) row.get("outcomeDate"));
            assertThat(churned).isAfter(asOf).isBeforeOrEqualTo(asOf.plusDays(90));
        }
        Response csv = api.as(admin).accept("text/csv").get(Evaluations.START + "/{id}/false-greens.csv", id);
        assertThat(csv.statusCode()).isEqualTo(200);
        String[] lines = csv.asString().split("\n");
        assertThat(lines[0]).isEqualTo("account,asOf,score,outcomeDate");
        assertThat(lines).hasSize((int) count + 1);
        assertThat(lines[1]).startsWith(paged.get(0).get("account") + "," + paged.get(0).get("asOf") + ",");

        // The evaluation is listed, newest first, and by scorecard.
        assertThat(api.as(admin).queryParam("scorecard", "naive").get(Evaluations.START).then().statusCode(200)
                .extract().jsonPath().getList("items.id")).containsExactly(id);
        assertThat(api.as(admin).queryParam("scorecard", "other").get(Evaluations.START).then().statusCode(200)
                .extract().jsonPath().getList("items")).isEmpty();
    }

    @BackendTest
    void applyingTheSuggestionsThenPublishingRaisesTheCrossValidatedAucOnTheSameRows(Api api) {
        String admin = Evaluations.workspace(api);
        JsonPath first = Evaluations.run(api, admin, Evaluations.request("naive"));
        Response applied = api.as(admin).post(Evaluations.START + "/{id}/apply", first.getString("id"));
        assertThat(applied.statusCode()).as(applied.asString()).isEqualTo(200);
        JsonPath draft = Jobs.json(applied);
        assertThat(draft.getList("measures.metric")).containsExactly("usage");
        assertThat(draft.getDouble("measures[0].weight")).isCloseTo(100, within(1e-9));
        assertThat(applied.header("ETag")).isEqualTo("\"" + draft.getInt("draftRevision") + "\"");
        // Suggested bands come along only when they would not put more of the churned rows in GREEN.
        double greenNow = first.getDouble("falseGreens.shareOfPositives");
        double greenThen = first.getDouble("suggestedBands.bands[2].shareOfPositives");
        boolean moved = greenThen <= greenNow;
        boolean defaults = draft.get("bands") == null;
        assertThat(defaults ? 70.0 : draft.getDouble("bands.greenFrom"))
                .isEqualTo(moved ? first.getDouble("suggestedBands.greenFrom") : 70.0);
        assertThat(defaults ? 40.0 : draft.getDouble("bands.redBelow"))
                .isEqualTo(moved ? first.getDouble("suggestedBands.redBelow") : 40.0);

        // The draft can be evaluated before it is published ...
        Map<String, Object> body = Evaluations.request("naive");
        body.put("draft", true);
        JsonPath ofDraft = Evaluations.run(api, admin, body);
        assertThat(ofDraft.getBoolean("scorecard.draft")).isTrue();
        assertThat((Object) ofDraft.get("scorecard.version")).isNull();

        // ... and once published as version 2, on the same rows, it does better.
        api.as(admin).post("/api/v1/scorecards/naive/publish").then().statusCode(201);
        JsonPath second = Evaluations.run(api, admin, Evaluations.request("naive"));
        assertThat(second.getInt("scorecard.version")).isEqualTo(2);
        assertThat(second.getLong("counts.rows")).isEqualTo(first.getLong("counts.rows"));
        assertThat(second.getDouble("suggestedWeights.cvAuc.current"))
                .isGreaterThan(first.getDouble("suggestedWeights.cvAuc.current") + 0.3);
        assertThat(second.getDouble("auc.value")).isEqualTo(ofDraft.getDouble("auc.value"));
        assertThat(second.getString("verdict")).isIn("PREDICTIVE", "WEAK");
    }

    @BackendTest
    void nothingObservedAfterAnAsOfChangesTheReport(Api api) {
        String admin = Evaluations.workspace(api);
        Map<String, Object> body = Evaluations.request("naive");
        body.put("asOfTo", "2025-06-01"); // asOf dates 03-01, 03-31, 04-30, 05-30
        JsonPath before = Evaluations.run(api, admin, body);
        assertThat(before.getList("asOfDates")).containsExactly("2025-03-01", "2025-03-31", "2025-04-30",
                "2025-05-30");
        // Extreme values from the first instant after the last asOf's day: none may reach any row.
        StringBuilder late = new StringBuilder("account,metric,observedAt,value\n");
        for (int i = 0; i < Evaluations.ACCOUNTS; i++) {
            late.append(Evaluations.account(i)).append(",usage,2025-05-31T00:00:00Z,").append(i % 2 == 0 ? 0 : 100)
                    .append('\n');
            late.append(Evaluations.account(i)).append(",logins,2025-05-31T00:00:00Z,").append(i % 3 == 0 ? 0 : 100)
                    .append('\n');
            late.append(Evaluations.account(i)).append(",tickets,2025-05-31T00:00:00Z,").append(i % 5)
                    .append('\n');
        }
        Ingest.observations(api, admin, Ingest.CSV, late.toString()).then().statusCode(200);
        JsonPath after = Evaluations.run(api, admin, body);
        for (String field : List.of("asOfDates", "counts", "auc", "bands", "falseGreens", "red", "deciles", "measures",
                "redundantPairs", "candidates", "suggestedWeights", "suggestedBands", "segments", "verdict",
                "findings", "roc", "distribution")) {
            assertThat((Object) after.get(field)).as(field).isEqualTo(before.get(field));
        }
    }

    private static double rate(Map<String, Object> point, String field) {
        return ((Number) point.get(field)).doubleValue();
    }

    private static Map<String, Map<String, Object>> byMetric(List<Map<String, Object>> items) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        items.forEach(m -> out.put((String) m.get("metric"), m));
        return out;
    }

}
