package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-scoring jobs (DESIGN.md 4.1) on one instance: start (202 + Location), poll to SUCCEEDED with
 * progress that never goes backwards, the history the job stored (the same numbers as the live
 * health at each asOf, and the trend of DESIGN.md 3.4), idempotent re-runs and Idempotency-Key,
 * bad requests, cancel, roles and workspace walls.
 */
class JobsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String FROM = "2026-09-01";
    private static final String TO = "2026-11-30";
    /** FROM..TO every 15 days. */
    private static final List<String> DATES = List.of("2026-09-01", "2026-09-16", "2026-10-01", "2026-10-16",
            "2026-10-31", "2026-11-15", "2026-11-30");

    private static Map<String, Object> range() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scorecard", "prove");
        body.put("asOfFrom", FROM);
        body.put("asOfTo", TO);
        body.put("stepDays", 15);
        return body;
    }

    /** A PROVE workspace with five accounts with data and one ("empty") with none. */
    private static String workspace(Api api) {
        String writer = Jobs.proveWorkspace(api);
        Jobs.accountsWithObservations(api, writer, "acct-", 5);
        Ingest.accounts(api, writer, Ingest.CSV, "externalId,segment\nempty,MID\n").then().statusCode(200);
        return writer;
    }

    @BackendTest
    void aRangeJobStoresOneScorePerAsOfThatTheHistoryShowsWithItsTrend(Api api) {
        String writer = workspace(api);
        JsonPath started = Jobs.start(api, writer, range(), null);
        String id = started.getString("id");
        assertThat(started.getString("kind")).isEqualTo("RECOMPUTE");
        assertThat(started.getString("status")).isIn("QUEUED", "RUNNING", "SUCCEEDED");
        assertThat(started.getLong("progress.total")).isEqualTo(6L * DATES.size());
        assertThat(started.getString("request.scorecard")).isEqualTo("prove");
        assertThat(started.getString("createdBy")).isNotBlank();

        JsonPath done = Jobs.awaitEnd(api, writer, id, TIMEOUT);
        assertThat(done.getString("status")).as(done.prettify()).isEqualTo("SUCCEEDED");
        assertThat(done.getLong("progress.done")).isEqualTo(done.getLong("progress.total"));
        assertThat(done.getDouble("progress.percent")).isCloseTo(100.0, within(1e-9));
        assertThat(done.getString("error")).isNull();
        assertThat(done.getString("startedAt")).isNotNull();
        assertThat(done.getString("finishedAt")).isNotNull();
        List<String> listed = api.as(writer).get("/api/v1/jobs").then().statusCode(200).extract().jsonPath()
                .getList("items.id");
        assertThat(listed).contains(id);

        // One stored score per asOf, equal to the live health at that asOf.
        Map<String, Map<String, Double>> scores = new HashMap<>();
        for (String account : List.of("acct-0", "acct-1", "acct-2", "acct-3", "acct-4", "empty")) {
            List<Map<String, Object>> history = Jobs.history(api, writer, account, "prove", FROM, TO);
            assertThat(history).extracting(h -> h.get("asOf")).as("asOf dates of %s", account)
                    .containsExactlyElementsOf(DATES);
            Map<String, Double> byDate = new LinkedHashMap<>();
            for (Map<String, Object> stored : history) {
                String asOf = (String) stored.get("asOf");
                JsonPath live = Jobs.live(api, writer, account, "prove", asOf);
                assertThat(stored.get("band")).as("band of %s at %s", account, asOf).isEqualTo(live.getString("band"));
                Map<?, ?> ref = (Map<?, ?>) stored.get("scorecard");
                assertThat(ref.get("key")).isEqualTo("prove");
                assertThat(((Number) ref.get("version")).intValue()).isEqualTo(1);
                Double score = num(stored.get("score"));
                if (live.get("score") == null) {
                    assertThat(score).as("score of %s at %s", account, asOf).isNull();
                } else {
                    assertThat(score).as("score of %s at %s", account, asOf)
                            .isCloseTo(live.getDouble("score"), within(1e-9));
                }
                assertThat(stored.get("trend")).as("trend of %s at %s, live and stored", account, asOf)
                        .isEqualTo(live.get("trend"));
                assertThat((List<?>) stored.get("measures")).hasSize(5);
                byDate.put(asOf, score);
            }
            scores.put(account, byDate);
        }
        assertThat(scores.get("empty").values()).containsOnlyNulls();

        // The trend by hand (DESIGN.md 3.4): minus the newest stored score 30-45 days before.
        Map<String, Double> a0 = scores.get("acct-0");
        assertThat(a0.values()).doesNotContainNull();
        List<Map<String, Object>> history = Jobs.history(api, writer, "acct-0", "prove", FROM, TO);
        Map<String, Object> trends = new HashMap<>();
        history.forEach(h -> trends.put((String) h.get("asOf"), h.get("trend")));
        // 2026-11-30: the window is 10-16..10-31; both are stored, the newest (10-31) counts.
        assertThat(num(trends.get("2026-11-30")))
                .isCloseTo(a0.get("2026-11-30") - a0.get("2026-10-31"), within(1e-9));
        assertThat(a0.get("2026-10-16")).as("the older score in the window differs, so the check tells them apart")
                .isNotEqualTo(a0.get("2026-10-31"));
        // 2026-10-01: the window is 08-17..09-01; only 09-01 is stored.
        assertThat(num(trends.get("2026-10-01")))
                .isCloseTo(a0.get("2026-10-01") - a0.get("2026-09-01"), within(1e-9));
        // The first two dates have nothing stored 30-45 days before them.
        assertThat(trends.get("2026-09-01")).isNull();
        assertThat(trends.get("2026-09-16")).isNull();
        // A window that starts later still finds the reference scores before it.
        List<Map<String, Object>> tail = Jobs.history(api, writer, "acct-0", "prove", "2026-11-30", "2026-11-30");
        assertThat(tail).hasSize(1);
        assertThat(tail.get(0).get("trend")).isEqualTo(trends.get("2026-11-30"));

        // Running the same job again replaces, never adds: one snapshot per (account, version, asOf).
        JsonPath again = Jobs.awaitEnd(api, writer, Jobs.start(api, writer, range(), null).getString("id"), TIMEOUT);
        assertThat(again.getString("status")).isEqualTo("SUCCEEDED");
        for (String account : List.of("acct-0", "acct-3", "empty")) {
            List<Map<String, Object>> after = Jobs.history(api, writer, account, "prove", FROM, TO);
            assertThat(after).extracting(h -> h.get("asOf")).containsExactlyElementsOf(DATES);
            List<Double> afterScores = new ArrayList<>();
            after.forEach(h -> afterScores.add(num(h.get("score"))));
            assertThat(afterScores).containsExactlyElementsOf(scores.get(account).values());
        }

        // A job that ended cannot be cancelled.
        Response cancel = api.as(writer).post("/api/v1/jobs/{id}/cancel", id);
        cancel.then().statusCode(409).contentType("application/problem+json");
    }

    @BackendTest
    void anIdempotencyKeyReturnsTheSameJobForTheSameBodyOnly(Api api) {
        String writer = workspace(api);
        Map<String, Object> body = new LinkedHashMap<>(Map.of("scorecard", "prove", "asOf", "2026-11-30"));
        String first = Jobs.start(api, writer, body, "nightly-2026-11-30").getString("id");
        String retried = Jobs.start(api, writer, body, "nightly-2026-11-30").getString("id");
        assertThat(retried).isEqualTo(first);
        JsonPath ended = Jobs.awaitEnd(api, writer, first, TIMEOUT);
        assertThat(ended.getString("status")).isEqualTo("SUCCEEDED");
        // Even after the job ended, the same key and body answer that job.
        assertThat(Jobs.start(api, writer, body, "nightly-2026-11-30").getString("id")).isEqualTo(first);

        Map<String, Object> other = new LinkedHashMap<>(Map.of("scorecard", "prove", "asOf", "2026-11-29"));
        Response refused = api.as(writer).contentType(ContentType.JSON).header("Idempotency-Key", "nightly-2026-11-30")
                .body(other).post(Jobs.RECOMPUTE);
        assertFieldError(refused, 422, "Idempotency-Key");
        // A new key starts a new job; no key at all always does.
        assertThat(Jobs.start(api, writer, other, "nightly-2026-11-29").getString("id")).isNotEqualTo(first);
        assertThat(Jobs.start(api, writer, body, null).getString("id")).isNotEqualTo(first);

        // The key belongs to its workspace: another workspace may use the same one.
        String stranger = workspace(api);
        assertThat(Jobs.start(api, stranger, body, "nightly-2026-11-30").getString("id")).isNotEqualTo(first);
    }

    @BackendTest
    void invalidRequestsAreRefused(Api api) {
        String writer = workspace(api);
        Map<String, Object> both = range();
        both.put("asOf", "2026-11-30");
        assertFieldError(post(api, writer, both), 422, "asOf");

        Map<String, Object> backwards = range();
        backwards.put("asOfFrom", "2026-12-01");
        assertFieldError(post(api, writer, backwards), 422, "asOfFrom");

        Map<String, Object> halfRange = new LinkedHashMap<>(Map.of("scorecard", "prove", "asOfFrom", FROM));
        assertFieldError(post(api, writer, halfRange), 422, "asOfTo");

        Map<String, Object> unknown = range();
        unknown.put("scorecard", "nope");
        Response noScorecard = post(api, writer, unknown);
        assertFieldError(noScorecard, 422, "scorecard");
        assertThat(noScorecard.asString()).contains("nope");

        Map<String, Object> noVersion = range();
        noVersion.put("version", 7);
        assertFieldError(post(api, writer, noVersion), 422, "version");

        Map<String, Object> zeroStep = range();
        zeroStep.put("stepDays", 0);
        Response zero = api.bad(writer).contentType(ContentType.JSON).body(zeroStep).post(Jobs.RECOMPUTE);
        assertFieldError(zero, 422, "stepDays");

        Map<String, Object> extra = range();
        extra.put("priority", "high");
        Response unknownField = api.bad(writer).contentType(ContentType.JSON).body(extra).post(Jobs.RECOMPUTE);
        unknownField.then().statusCode(400).contentType("application/problem+json");
        assertThat(unknownField.asString()).contains("priority");

        api.bad(writer).contentType(ContentType.JSON).body("{\"asOf\": \"yesterday\"}").post(Jobs.RECOMPUTE).then()
                .statusCode(400);
        api.bad(writer).contentType("text/plain").body("scorecard=prove").post(Jobs.RECOMPUTE).then().statusCode(415);
        api.bad(null).contentType(ContentType.JSON).body(range()).post(Jobs.RECOMPUTE).then().statusCode(401);

        // None of these started a job.
        assertThat(api.as(writer).get("/api/v1/jobs").then().statusCode(200).extract().jsonPath()
                .getList("items")).isEmpty();
        api.as(writer).get("/api/v1/jobs/{id}", "no-such-job").then().statusCode(404);
        api.as(writer).post("/api/v1/jobs/{id}/cancel", "no-such-job").then().statusCode(404);

        // History: bad dates and unknown references.
        api.bad(writer).queryParam("from", "last-year").get("/api/v1/accounts/acct-0/health/history").then()
                .statusCode(400);
        assertFieldError(api.as(writer).queryParam("from", "2026-11-30").queryParam("to", "2026-11-01")
                .get("/api/v1/accounts/acct-0/health/history"), 422, "from");
        assertFieldError(api.as(writer).queryParam("scorecard", "nope")
                .get("/api/v1/accounts/acct-0/health/history"), 422, "scorecard");
        api.as(writer).get("/api/v1/accounts/nobody/health/history").then().statusCode(404);
        // Nothing stored yet: an empty history.
        assertThat(Jobs.history(api, writer, "acct-0", "prove", FROM, TO)).isEmpty();
    }

    @BackendTest
    void readersCannotStartJobsAndOtherWorkspacesSeeNothing(Api api) {
        String writer = workspace(api);
        String reader = api.newKey(writer, "READER");
        api.as(reader).contentType(ContentType.JSON).body(range()).post(Jobs.RECOMPUTE).then().statusCode(403);

        String id = Jobs.start(api, writer, range(), null).getString("id");
        // A reader may follow it and read the history it fills.
        assertThat(Jobs.awaitEnd(api, reader, id, TIMEOUT).getString("status")).isEqualTo("SUCCEEDED");
        api.as(reader).post("/api/v1/jobs/{id}/cancel", id).then().statusCode(403);
        assertThat(Jobs.history(api, reader, "acct-1", "prove", FROM, TO)).hasSize(DATES.size());

        String stranger = api.newWorkspace().adminSecret();
        api.as(stranger).get("/api/v1/jobs/{id}", id).then().statusCode(404);
        api.as(stranger).post("/api/v1/jobs/{id}/cancel", id).then().statusCode(404);
        assertThat(api.as(stranger).get("/api/v1/jobs").then().statusCode(200).extract().jsonPath()
                .getList("items.id")).doesNotContain(id);
        api.as(stranger).get("/api/v1/accounts/acct-1/health/history").then().statusCode(404);
        // The bootstrap admin belongs to no workspace.
        api.as(Backend.BOOTSTRAP).get("/api/v1/jobs/{id}", id).then().statusCode(403);
    }

    private static Response post(Api api, String secret, Map<String, Object> body) {
        return api.as(secret).contentType(ContentType.JSON).body(body).post(Jobs.RECOMPUTE);
    }

    static Double num(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    static void assertFieldError(Response response, int status, String field) {
        assertThat(response.statusCode()).as("status; body %s", response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        List<String> fields = response.jsonPath().getList("errors.field");
        assertThat(fields).as("fields named by %s", response.asString()).contains(field);
    }
}
