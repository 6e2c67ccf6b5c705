package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A workspace whose data has a known story, and helpers to evaluate it. 60 accounts observed monthly
 * through 2025: {@code usage} predicts churn (churners use less), {@code logins} points the wrong way
 * (churners log in more, though the catalog says higher is better), {@code tickets} (lower is better,
 * unused by the scorecard) is a good candidate and {@code noise} a useless one. The "naive" scorecard
 * weights logins 3 and usage 1, so it ranks accounts backwards.
 */
final class Evaluations {

    static final String START = "/api/v1/evaluations";
    static final int ACCOUNTS = 60;
    static final LocalDate FIRST_MONTH = LocalDate.parse("2025-01-01");
    static final String KNOWN_THROUGH = "2026-03-01";

    private Evaluations() {
    }

    static boolean churner(int i) {
        return base(i) < 50;
    }

    static int base(int i) {
        return 20 + (i * 37) % 70;
    }

    static LocalDate churnDate(int i) {
        return LocalDate.parse("2025-04-10").plusDays(35L * (i % 8));
    }

    static String account(int i) {
        return String.format("a%02d", i);
    }

    /** The workspace with the naive scorecard published as version 1; returns its admin secret. */
    static String workspace(Api api) {
        String admin = api.newWorkspace().adminSecret();
        stock(api, admin);
        return admin;
    }

    /** Loads the story above into the workspace of {@code admin}, with "naive" published as version 1. */
    static void stock(Api api, String admin) {
        metric(api, admin, "usage", "HIGHER_IS_BETTER");
        metric(api, admin, "logins", "HIGHER_IS_BETTER");
        metric(api, admin, "tickets", "LOWER_IS_BETTER");
        metric(api, admin, "noise", "HIGHER_IS_BETTER");
        StringBuilder accounts = new StringBuilder("externalId,segment,startDate\n");
        StringBuilder rows = new StringBuilder("account,metric,observedAt,value\n");
        StringBuilder outcomes = new StringBuilder("account,type,occurredAt\n");
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.append(account(i)).append(i % 3 == 0 ? ",ENT" : ",SMB").append(",2024-06-01\n");
            for (int m = 0; m < 12; m++) {
                String day = FIRST_MONTH.plusMonths(m) + "T00:00:00Z";
                int usage = Math.max(0, Math.min(100, base(i) + (i * 7 + m * 3) % 11 - 5));
                int logins = (churner(i) ? 60 : 30) + (i % 10) * 3;
                int tickets = (churner(i) ? 4 : 1) + (i + m) % 3;
                int noise = (i * 13 + m * 7) % 100;
                rows.append(account(i)).append(",usage,").append(day).append(',').append(usage).append('\n');
                rows.append(account(i)).append(",logins,").append(day).append(',').append(logins).append('\n');
                rows.append(account(i)).append(",tickets,").append(day).append(',').append(tickets).append('\n');
                rows.append(account(i)).append(",noise,").append(day).append(',').append(noise).append('\n');
            }
            if (churner(i)) {
                outcomes.append(account(i)).append(",CHURNED,").append(churnDate(i)).append('\n');
            } else if (i % 4 == 1) {
                outcomes.append(account(i)).append(",EXPANDED,").append(LocalDate.parse("2025-05-20")
                        .plusDays(20L * (i % 9))).append('\n');
            }
        }
        Ingest.accounts(api, admin, Ingest.CSV, accounts.toString()).then().statusCode(200);
        Ingest.observations(api, admin, Ingest.CSV, rows.toString()).then().statusCode(200);
        Ingest.outcomes(api, admin, Ingest.CSV, outcomes.toString()).then().statusCode(200);
        Map<String, Object> draft = ScorecardBodies.draft("naive", "Naive", List.of(
                ScorecardBodies.measure("usage", 1, ScorecardBodies.linear(0, 100)),
                ScorecardBodies.measure("logins", 3, ScorecardBodies.linear(0, 100))));
        api.as(admin).contentType(ContentType.JSON).body(draft).post("/api/v1/scorecards").then().statusCode(201);
        api.as(admin).post("/api/v1/scorecards/naive/publish").then().statusCode(201);
    }

    private static void metric(Api api, String secret, String key, String direction) {
        Map<String, Object> body = Api.metric(key);
        body.put("valueType", "NUMBER");
        body.put("direction", direction);
        body.put("aggregation", Map.of("function", "LATEST", "windowDays", 45));
        api.createMetric(secret, body);
    }

    /** Monthly asOf dates 2025-03-01 .. 2025-11-26 every 30 days, 90-day horizon, outcomes known through 2026-03-01. */
    static Map<String, Object> request(String scorecard) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scorecard", scorecard);
        body.put("asOfFrom", "2025-03-01");
        body.put("asOfTo", "2025-11-26");
        body.put("stepDays", 30);
        body.put("horizonDays", 90);
        body.put("outcomesKnownThrough", KNOWN_THROUGH);
        return body;
    }

    static List<LocalDate> dates() {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = LocalDate.parse("2025-03-01"); !d.isAfter(LocalDate.parse("2025-11-26")); d = d.plusDays(30)) {
            dates.add(d);
        }
        return dates;
    }

    /** Starts an evaluation: 202 with a Location naming it asserted. */
    static JsonPath start(Api api, String secret, Map<String, Object> body, String idempotencyKey) {
        RequestSpecification request = api.as(secret).contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        Response response = request.post(START);
        assertThat(response.statusCode()).as("start an evaluation; body %s", response.asString()).isEqualTo(202);
        JsonPath evaluation = Jobs.json(response);
        assertThat(response.header("Location")).endsWith(START + "/" + evaluation.getString("id"));
        return evaluation;
    }

    /** Starts an evaluation and polls it until it ends; SUCCEEDED asserted. */
    static JsonPath run(Api api, String secret, Map<String, Object> body) {
        String id = start(api, secret, body, null).getString("id");
        Jobs.awaitEnd(api, secret, id, Duration.ofSeconds(90));
        JsonPath done = get(api, secret, id);
        assertThat(done.getString("status")).as(done.prettify()).isEqualTo("SUCCEEDED");
        return done;
    }

    static JsonPath get(Api api, String secret, String id) {
        Response response = api.as(secret).get(START + "/{id}", id);
        assertThat(response.statusCode()).as("evaluation %s; body %s", id, response.asString()).isEqualTo(200);
        return Jobs.json(response);
    }

    /** The AUC by brute force over every (positive, negative) pair: P(positive less healthy), ties 1/2. */
    static double bruteForceAuc(List<double[]> rows, boolean churn) {
        double wins = 0;
        long pairs = 0;
        for (double[] p : rows) {
            if (p[1] != 1) {
                continue;
            }
            for (double[] n : rows) {
                if (n[1] != 0) {
                    continue;
                }
                pairs++;
                double diff = churn ? n[0] - p[0] : p[0] - n[0];
                wins += diff > 0 ? 1 : diff == 0 ? 0.5 : 0;
            }
        }
        return wins / pairs;
    }
}
