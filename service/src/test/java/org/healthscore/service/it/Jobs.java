package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the job tests share: starting a re-scoring job, polling it to its end, reading history. */
final class Jobs {

    static final String RECOMPUTE = "/api/v1/jobs/recompute";
    static final Set<String> ENDED = Set.of("SUCCEEDED", "FAILED", "CANCELLED");
    private static final JsonPathConfig DOUBLES = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);

    private Jobs() {
    }

    /** Starts a job; 202 with a Location naming it asserted. Returns the job. */
    static JsonPath start(Api api, String secret, Map<String, Object> body, String idempotencyKey) {
        RequestSpecification request = api.as(secret).contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        Response response = request.post(RECOMPUTE);
        assertThat(response.statusCode()).as("start a job; body %s", response.asString()).isEqualTo(202);
        JsonPath job = json(response);
        assertThat(response.header("Location")).endsWith("/api/v1/jobs/" + job.getString("id"));
        return job;
    }

    /** A re-scoring request for the "prove" scorecard over a range of asOf dates. */
    static Map<String, Object> proveRange(String from, String to, int stepDays) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("scorecard", "prove");
        body.put("asOfFrom", from);
        body.put("asOfTo", to);
        body.put("stepDays", stepDays);
        return body;
    }

    static JsonPath get(Api api, String secret, String id) {
        Response response = api.as(secret).get("/api/v1/jobs/{id}", id);
        assertThat(response.statusCode()).as("job %s; body %s", id, response.asString()).isEqualTo(200);
        return json(response);
    }

    /**
     * Polls the job every 200 ms until it ends (or {@code timeout} passes), checking on every poll that
     * progress never goes backwards and never passes the total. Returns the ended job.
     */
    static JsonPath awaitEnd(Api api, String secret, String id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastDone = -1;
        while (true) {
            JsonPath job = get(api, secret, id);
            long done = job.getLong("progress.done");
            long total = job.getLong("progress.total");
            assertThat(done).as("progress.done of %s never goes backwards", id).isGreaterThanOrEqualTo(lastDone);
            assertThat(done).as("progress.done of %s is at most its total", id).isLessThanOrEqualTo(total);
            lastDone = done;
            if (ENDED.contains(job.getString("status"))) {
                return job;
            }
            assertThat(System.nanoTime()).as("job %s ended within %s; last seen %s", id, timeout,
                    job.prettify()).isLessThan(deadline);
            sleep(200);
        }
    }

    /** Polls until {@code progress.done > 0} while the job is still RUNNING; false when it ended first. */
    static boolean awaitSomeProgress(Api api, String secret, String id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath job = get(api, secret, id);
            if (ENDED.contains(job.getString("status"))) {
                return false;
            }
            if (job.getLong("progress.done") > 0) {
                return true;
            }
            sleep(20);
        }
        throw new AssertionError("job " + id + " made no progress within " + timeout);
    }

    /** One account's stored scores under {@code scorecard} with from <= asOf <= to (200 asserted). */
    static List<Map<String, Object>> history(Api api, String secret, String account, String scorecard, String from,
                                             String to) {
        Response response = api.as(secret).queryParam("scorecard", scorecard).queryParam("from", from)
                .queryParam("to", to).get("/api/v1/accounts/{id}/health/history", account);
        assertThat(response.statusCode()).as("history of %s; body %s", account, response.asString()).isEqualTo(200);
        return json(response).getList("");
    }

    /** The live health of an account at asOf (200 asserted). */
    static JsonPath live(Api api, String secret, String account, String scorecard, String asOf) {
        Response response = api.as(secret).queryParam("scorecard", scorecard).queryParam("asOf", asOf)
                .get("/api/v1/accounts/{id}/health", account);
        assertThat(response.statusCode()).as("health of %s at %s; body %s", account, asOf, response.asString())
                .isEqualTo(200);
        return json(response);
    }

    static JsonPath json(Response response) {
        return JsonPath.from(response.asString()).using(DOUBLES);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** A PROVE workspace: the template published as "prove" v1. Returns the admin secret. */
    static String proveWorkspace(Api api) {
        String writer = api.newWorkspace().adminSecret();
        api.raw(writer).contentType(ContentType.JSON).body(Map.of("key", "prove", "fromFramework", "PROVE"))
                .post("/api/v1/scorecards").then().statusCode(201);
        api.raw(writer).post("/api/v1/scorecards/prove/publish").then().statusCode(201);
        return writer;
    }

    /**
     * {@code n} accounts {@code prefix0..} with engagement, P1 tickets and NPS every 10 days from 2026-08-01 to
     * 2026-11-30, values varying by account and day, so scores differ from date to date.
     */
    static void accountsWithObservations(Api api, String secret, String prefix, int n) {
        StringBuilder accounts = new StringBuilder("externalId,segment\n");
        StringBuilder rows = new StringBuilder("account,metric,observedAt,value\n");
        java.time.LocalDate first = java.time.LocalDate.parse("2026-08-01");
        for (int i = 0; i < n; i++) {
            String id = prefix + i;
            accounts.append(id).append(i % 2 == 0 ? ",ENT\n" : ",SMB\n");
            for (int k = 0; k <= 12; k++) {
                String day = first.plusDays(10L * k).toString();
                rows.append(id).append(",user_engagement_pct,").append(day).append(',')
                        .append(30 + (i * 13 + k * 7) % 60).append('\n');
                rows.append(id).append(",open_p1_tickets,").append(day).append(',').append((i + k) % 5).append('\n');
                rows.append(id).append(",nps,").append(day).append(',').append(-40 + (i * 17 + k * 11) % 80)
                        .append('\n');
            }
        }
        Ingest.accounts(api, secret, Ingest.CSV, accounts.toString()).then().statusCode(200);
        Ingest.observations(api, secret, Ingest.CSV, rows.toString()).then().statusCode(200);
    }
}
