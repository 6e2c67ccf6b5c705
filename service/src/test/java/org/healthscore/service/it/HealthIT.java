package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.healthscore.persistence.Persistence;
import org.healthscore.service.jobs.ChunkWorkers;

/**
 * Live health scores (DESIGN.md 3.4): a PROVE scorecard from the template, published, applied to
 * accounts whose every number is recomputed here by hand; scorecard resolution by segment; and
 * /scores/compute and GraphQL pages costing a constant number of SQL statements.
 */
class HealthIT {

    private static final JsonPathConfig DOUBLES = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);

    private static String proveWorkspace(Api api) {
        String writer = api.newWorkspace().adminSecret();
        api.raw(writer).contentType(ContentType.JSON).body(Map.of("key", "prove", "fromFramework", "PROVE"))
                .post("/api/v1/scorecards").then().statusCode(201);
        api.raw(writer).post("/api/v1/scorecards/prove/publish").then().statusCode(201);
        Ingest.accounts(api, writer, Ingest.CSV, "externalId,segment\nacme,ENT\nglobex,SMB\n").then().statusCode(200);
        Ingest.observations(api, writer, Ingest.CSV, "account,metric,observedAt,value\n"
                + "acme,user_engagement_pct,2026-11-20,85\n"       // LATEST 30d -> 85 -> THRESHOLDS: 100
                + "acme,open_p1_tickets,2026-11-10,2\n"            // AVERAGE 30d of 2 and 1 -> 1.5 -> 60
                + "acme,open_p1_tickets,2026-11-20,1\n"
                + "acme,open_p1_tickets,2026-10-31,9\n"            // the day before the 30-day window: out
                + "acme,nps,2026-10-01,30\n"                       // LATEST 180d -> LINEAR -50..50: 80
                + "acme,exec_meetings,2026-10-15,1\n"              // COUNT 90d -> 1 -> THRESHOLDS: 70
                + "globex,user_engagement_pct,2026-11-25,40\n")    // only 30% of the weight: insufficient
                .then().statusCode(200);
        return writer;
    }

    @BackendTest
    void everyNumberOfAProveScoreCanBeRecomputedByHand(Api api) {
        String writer = proveWorkspace(api);
        JsonPath h = api.as(writer).queryParam("asOf", "2026-11-30").get("/api/v1/accounts/acme/health").then()
                .statusCode(200).extract().jsonPath().using(DOUBLES);
        // Weights 30/20/20/15/15; outcomes_achieved_pct has no data: RENORMALIZE over 80.
        double sum = 30 * 100 + 20 * 60 + 15 * 80 + 15 * 70;
        assertThat(h.getDouble("score")).isCloseTo(sum / 80, within(1e-9));
        assertThat(h.getString("band")).isEqualTo("GREEN");
        assertThat(h.getDouble("coverage")).isCloseTo(0.8, within(1e-12));
        assertThat(h.getString("scorecard.key")).isEqualTo("prove");
        assertThat(h.getInt("scorecard.version")).isEqualTo(1);
        assertThat(h.getList("measures.metric")).containsExactly("user_engagement_pct", "open_p1_tickets",
                "outcomes_achieved_pct", "nps", "exec_meetings");
        assertThat(h.getList("measures.rawValue")).containsExactly(85.0, 1.5, null, 30.0, 1.0);
        assertThat(h.getList("measures.score")).containsExactly(100.0, 60.0, null, 80.0, 70.0);
        assertThat(h.getDouble("measures[0].contribution")).isCloseTo(30 * 100 / 80.0, within(1e-9));
        assertThat(h.getDouble("measures[1].pointsLost")).isCloseTo(20 * 40 / 80.0, within(1e-9));
        assertThat(h.getList("measures.ageDays")).containsExactly(10, 10, null, 60, 46);
        assertThat(h.getList("groups.name")).containsExactly("Product usage", "Risk", "Outcomes",
                "Voice of the customer", "Engagement");
        assertThat(h.getList("groups.score")).containsExactly(100.0, 60.0, null, 80.0, 70.0);

        JsonPath insufficient = api.as(writer).queryParam("asOf", "2026-11-30")
                .get("/api/v1/accounts/globex/health").jsonPath();
        assertThat(insufficient.getString("band")).isEqualTo("INSUFFICIENT_DATA");
        assertThat(insufficient.getString("score")).isNull();
    }

    @BackendTest
    void theMostSpecificPublishedScorecardApplies(Api api) {
        String writer = proveWorkspace(api);
        scorecard(api, writer, "ent", Map.of("segments", List.of("ENT")));
        // acme is ENT: "ent" (segment) beats "prove" (all accounts); globex (SMB) keeps "prove".
        assertThat(api.as(writer).queryParam("asOf", "2026-11-30").get("/api/v1/accounts/acme/health").jsonPath()
                .getString("scorecard.key")).isEqualTo("ent");
        assertThat(api.as(writer).queryParam("asOf", "2026-11-30").get("/api/v1/accounts/globex/health").jsonPath()
                .getString("scorecard.key")).isEqualTo("prove");
        // A second segment-level scorecard for ENT: a tie, named in the 409.
        scorecard(api, writer, "ent_two", Map.of("segments", List.of("ENT")));
        Response tie = api.as(writer).get("/api/v1/accounts/acme/health");
        tie.then().statusCode(409).contentType("application/problem+json");
        assertThat(tie.jsonPath().getString("detail")).contains("ent v1", "ent_two v1");
        // Naming one settles it.
        api.as(writer).queryParam("scorecard", "ent_two").get("/api/v1/accounts/acme/health").then().statusCode(200);

        // A workspace whose only scorecard is for ENT: an SMB account has none, a 404 that says so.
        String other = api.newWorkspace().adminSecret();
        Ingest.accounts(api, other, Ingest.CSV, "externalId,segment\nsmall,SMB\n").then().statusCode(200);
        api.raw(other).contentType(ContentType.JSON).body(Map.of("key", "prove", "fromFramework", "PROVE",
                "appliesTo", Map.of("segments", List.of("ENT")))).post("/api/v1/scorecards").then().statusCode(201);
        api.raw(other).post("/api/v1/scorecards/prove/publish").then().statusCode(201);
        Response none = api.as(other).get("/api/v1/accounts/small/health");
        none.then().statusCode(404);
        assertThat(none.jsonPath().getString("detail")).contains("No published scorecard applies");
    }

    @BackendTest
    void computeScoresManyAccountsWithAConstantNumberOfStatements(Api api) {
        String writer = proveWorkspace(api);
        StringBuilder accounts = new StringBuilder("externalId,segment\n");
        StringBuilder rows = new StringBuilder("account,metric,observedAt,value\n");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add("bulk-" + i);
            accounts.append("bulk-").append(i).append(",MID\n");
            rows.append("bulk-").append(i).append(",user_engagement_pct,2026-11-2").append(i % 10).append(',')
                    .append(i % 100).append('\n');
            rows.append("bulk-").append(i).append(",nps,2026-11-01,").append(i % 50).append('\n');
        }
        Ingest.accounts(api, writer, Ingest.CSV, accounts.toString()).then().statusCode(200);
        Ingest.observations(api, writer, Ingest.CSV, rows.toString()).then().statusCode(200);

        long few = statementsFor(() -> compute(api, writer, ids.subList(0, 3)));
        long many = statementsFor(() -> compute(api, writer, ids));
        assertThat(many).as("statements for 1,000 accounts vs 3").isEqualTo(few);

        // An unknown account gets an error in its own entry; the others are scored.
        JsonPath mixed = compute(api, writer, List.of("acme", "nobody")).jsonPath();
        assertThat(mixed.getString("results[0].band")).isEqualTo("GREEN");
        assertThat(mixed.getString("results[1].account")).isEqualTo("nobody");
        assertThat(mixed.getInt("results[1].error.status")).isEqualTo(404);

        // A GraphQL page of 100 accounts with health and breakdown: as many statements as a page of 5.
        String query = "query($n: Int) { accounts(first: $n) { nodes { externalId health(asOf: \"2026-11-30\") {"
                + " score band measures { metric { key name } rawValue score contribution } groups { name score } } } } }";
        long page5 = statementsFor(() -> api.graphql(writer, query, Map.of("n", 5)).then().statusCode(200));
        long page100 = statementsFor(() -> {
            Response r = api.graphql(writer, query, Map.of("n", 100));
            r.then().statusCode(200);
            assertThat(r.jsonPath().getList("data.accounts.nodes")).hasSize(100);
            assertThat(r.jsonPath().getList("errors")).isNull();
        });
        assertThat(page100).as("statements for a page of 100 vs 5").isEqualTo(page5);
    }

    @BackendTest
    void badRequestsAreRefused(Api api) {
        String writer = proveWorkspace(api);
        api.bad(writer).queryParam("asOf", "yesterday").get("/api/v1/accounts/acme/health").then().statusCode(400);
        api.as(writer).queryParam("scorecard", "nope").get("/api/v1/accounts/acme/health").then().statusCode(422);
        api.as(writer).get("/api/v1/accounts/nobody/health").then().statusCode(404);
        api.bad(writer).contentType(ContentType.JSON).body(Map.of("accounts", List.of()))
                .post("/api/v1/scores/compute").then().statusCode(422);
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add("a" + i);
        }
        api.bad(writer).contentType(ContentType.JSON).body(Map.of("accounts", tooMany))
                .post("/api/v1/scores/compute").then().statusCode(422);
        // Workspaces are walls: another workspace's key cannot see acme's health.
        String stranger = api.newWorkspace().adminSecret();
        api.as(stranger).get("/api/v1/accounts/acme/health").then().statusCode(404);
    }

    private static void scorecard(Api api, String writer, String key, Map<String, Object> appliesTo) {
        api.raw(writer).contentType(ContentType.JSON).body(Map.of("key", key, "name", key, "appliesTo", appliesTo,
                "measures", List.of(Map.of("metric", "nps", "weight", 1, "scoring",
                        Map.of("type", "LINEAR", "min", -100, "max", 100))))).post("/api/v1/scorecards").then()
                .statusCode(201);
        api.raw(writer).post("/api/v1/scorecards/" + key + "/publish").then().statusCode(201);
    }

    private static Response compute(Api api, String writer, List<String> accounts) {
        Response r = api.as(writer).contentType(ContentType.JSON)
                .body(Map.of("scorecard", "prove", "asOf", "2026-11-30", "accounts", accounts))
                .post("/api/v1/scores/compute");
        r.then().statusCode(200);
        return r;
    }

    /** The statements {@code request} costs; job workers (polling in the background) are paused meanwhile. */
    private static long statementsFor(Runnable request) {
        ChunkWorkers.pauseAll();
        try {
            long before = Persistence.statementsExecuted();
            request.run();
            return Persistence.statementsExecuted() - before;
        } finally {
            ChunkWorkers.resumeAll();
        }
    }
}
