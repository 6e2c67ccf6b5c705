package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** EXPANSION, SNAPSHOTS, censoring and the INCONCLUSIVE verdict, through the API. */
class EvaluationKindsIT {

    @BackendTest
    void expansionCountsExpandedOutcomesAndAHigherScoreShouldMeanMoreLikely(Api api) {
        String admin = Evaluations.workspace(api);
        Map<String, Object> body = Evaluations.request("naive");
        body.put("outcome", "EXPANSION");
        JsonPath report = Evaluations.run(api, admin, body);
        assertThat(report.getString("outcome")).isEqualTo("EXPANSION");
        // Expanded accounts (i % 4 == 1, not churners), each within 90 days of some asOf.
        assertThat(report.getLong("counts.positives")).isPositive();
        assertThat((Object) report.get("suggestedBands")).as("suggested bands are for CHURN").isNull();
        assertThat(report.getDouble("auc.value")).isBetween(0.0, 1.0);
    }

    @BackendTest
    void censoredAsOfDatesAreLeftOutAndListed(Api api) {
        String admin = Evaluations.workspace(api);
        Map<String, Object> body = Evaluations.request("naive");
        body.put("outcomesKnownThrough", "2025-10-15"); // 90-day horizons past it: from 2025-07-18 on
        JsonPath report = Evaluations.run(api, admin, body);
        assertThat(report.getList("counts.censoredAsOfDates")).containsExactly("2025-07-29", "2025-08-28",
                "2025-09-27", "2025-10-27", "2025-11-26");
        assertThat(report.getList("asOfDates")).containsExactly("2025-03-01", "2025-03-31", "2025-04-30",
                "2025-05-30", "2025-06-29");
        assertThat(report.getString("outcomesKnownThrough")).isEqualTo("2025-10-15");
    }

    @BackendTest
    void snapshotsGiveTheSameReportAsABacktestOfTheSameScores(Api api) {
        String admin = Evaluations.workspace(api);
        Map<String, Object> recompute = Map.of("scorecard", "naive", "asOfFrom", "2025-03-01", "asOfTo", "2025-11-26",
                "stepDays", 30);
        String job = Jobs.start(api, admin, recompute, null).getString("id");
        assertThat(Jobs.awaitEnd(api, admin, job, Duration.ofSeconds(60)).getString("status")).isEqualTo("SUCCEEDED");
        JsonPath backtest = Evaluations.run(api, admin, Evaluations.request("naive"));
        Map<String, Object> body = Evaluations.request("naive");
        body.put("source", "SNAPSHOTS");
        JsonPath snapshots = Evaluations.run(api, admin, body);
        assertThat(snapshots.getString("source")).isEqualTo("SNAPSHOTS");
        assertThat(snapshots.getLong("counts.rows")).isEqualTo(backtest.getLong("counts.rows"));
        assertThat(snapshots.getDouble("auc.value")).isCloseTo(backtest.getDouble("auc.value"), within(1e-12));
        assertThat((Object) snapshots.get("bands")).isEqualTo(backtest.get("bands"));
        assertThat((Object) snapshots.get("measures")).isEqualTo(backtest.get("measures"));
    }

    @BackendTest
    void fewOutcomesAreInconclusiveAndSaySo(Api api) {
        String admin = Evaluations.workspace(api);
        Map<String, Object> body = Evaluations.request("naive");
        body.put("asOfFrom", "2025-03-01");
        body.put("asOfTo", "2025-03-01");
        body.put("segment", "ENT");
        JsonPath report = Evaluations.run(api, admin, body);
        assertThat(report.getLong("counts.positives")).isLessThan(20);
        assertThat(report.getString("verdict")).isEqualTo("INCONCLUSIVE");
        assertThat(report.getString("segment")).isEqualTo("ENT");
        assertThat(report.getList("segments.segment")).containsExactly("ENT");
        assertThat(String.join(" ", report.getList("findings", String.class))).containsIgnoringCase("inconclusive");
    }

    @BackendTest
    void aSegmentWithOneClassOnlyLeavesItsStatisticsNull(Api api) {
        String admin = Evaluations.workspace(api);
        Map<String, Object> body = Evaluations.request("naive");
        // The last churn is on 2025-12-11: nobody churns within 90 days after 12-12.
        body.put("asOfFrom", "2025-12-12");
        body.put("asOfTo", "2025-12-12");
        body.put("outcomesKnownThrough", "2026-06-01");
        JsonPath report = Evaluations.run(api, admin, body);
        assertThat(report.getLong("counts.positives")).isZero();
        assertThat((Object) report.get("auc.value")).isNull();
        assertThat((Object) report.get("counts.baseRate")).isEqualTo(0.0);
        assertThat(report.getString("verdict")).isEqualTo("INCONCLUSIVE");
        List<Object> lifts = report.getList("bands.lift");
        assertThat(lifts).containsOnlyNulls();
    }

    @BackendTest
    void theSameIdempotencyKeyAndBodyAnswerTheSameEvaluation(Api api) {
        String admin = Evaluations.workspace(api);
        String first = Evaluations.start(api, admin, Evaluations.request("naive"), "eval-1").getString("id");
        String again = Evaluations.start(api, admin, Evaluations.request("naive"), "eval-1").getString("id");
        assertThat(again).isEqualTo(first);
        Map<String, Object> other = Evaluations.request("naive");
        other.put("horizonDays", 60);
        var refused = api.as(admin).contentType(ContentType.JSON).header("Idempotency-Key", "eval-1").body(other)
                .post(Evaluations.START);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("Idempotency-Key");
        Jobs.awaitEnd(api, admin, first, Duration.ofSeconds(60));
    }
}
