package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthscore.service.it.ScorecardBodies.create;
import static org.healthscore.service.it.ScorecardBodies.draft;
import static org.healthscore.service.it.ScorecardBodies.linear;
import static org.healthscore.service.it.ScorecardBodies.measure;
import static org.healthscore.service.it.ScorecardBodies.metricKeys;
import static org.healthscore.service.it.ScorecardBodies.publish;
import static org.healthscore.service.it.ScorecardBodies.put;
import static org.healthscore.service.it.ScorecardBodies.read;
import static org.healthscore.service.it.ScorecardBodies.rule;
import static org.healthscore.service.it.ScorecardBodies.step;
import static org.healthscore.service.it.ScorecardBodies.thresholds;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scorecards over REST (DESIGN.md 3.5, 4.1): drafts with ETag and If-Match, publishing into
 * immutable versions, lists, and DEAR / PROVE templates that create the catalog entries they need.
 */
class ScorecardIT {

    @BackendTest
    void draftCarriesItsRevisionAsETagAndUpdatesNeedIfMatch(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String writer = api.newKey(ws.adminSecret(), "WRITER");
        ScorecardBodies.metric(api, writer, "logins", "PERCENT");
        ScorecardBodies.metric(api, writer, "churn_flag", "BOOLEAN");
        Map<String, Object> body = draft("health", "Health", List.of(
                measure("logins", 3, linear(0, 80)),
                measure("churn_flag", 1, rule("BOOLEAN"))));
        body.put("appliesTo", Map.of("segments", List.of("SMB"), "productLines", List.of()));
        body.put("bands", Map.of("redBelow", 30, "greenFrom", 75));
        body.put("missingData", Map.of("policy", "NEUTRAL", "minCoverage", 0.5));

        Response created = create(api, writer, body);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.header("Location")).endsWith("/api/v1/scorecards/health");
        JsonPath c = created.jsonPath();
        assertThat(c.getInt("draftRevision")).isEqualTo(1);
        assertThat(c.getString("framework")).isEqualTo("CUSTOM");
        assertThat(c.getString("latestVersion")).isNull();
        assertThat(c.getList("versions")).isEmpty();
        assertThat(c.getString("createdBy")).isEqualTo("writer key");
        assertThat(c.getList("appliesTo.segments")).containsExactly("SMB");
        assertThat(c.getDouble("bands.redBelow")).isEqualTo(30.0);
        assertThat(c.getString("missingData.policy")).isEqualTo("NEUTRAL");
        assertThat(c.getMap("measures[0].scoring")).containsEntry("type", "LINEAR").containsEntry("min", 0.0f)
                .containsEntry("max", 80.0f);
        assertThat(c.getMap("measures[1].scoring")).containsOnly(Map.entry("type", "BOOLEAN"));

        Response read = api.as(writer).get("/api/v1/scorecards/health");
        read.then().statusCode(200).header("ETag", "\"1\"");
        assertThat(read.jsonPath().getMap("")).isEqualTo(c.getMap(""));

        // Omitted bands and missing-data settings are the defaults; a partial one keeps the other default.
        Map<String, Object> changed = draft(null, "Health, tuned", List.of(measure("logins", 2, linear(10, 90))));
        changed.put("bands", Map.of("redBelow", 50));
        Response updated = put(api, writer, "health", "\"1\"", changed);
        updated.then().statusCode(200).header("ETag", "\"2\"");
        assertThat(updated.jsonPath().getInt("draftRevision")).isEqualTo(2);
        assertThat(updated.jsonPath().getString("name")).isEqualTo("Health, tuned");
        assertThat(updated.jsonPath().getDouble("bands.redBelow")).isEqualTo(50.0);
        assertThat(updated.jsonPath().getDouble("bands.greenFrom")).isEqualTo(70.0);
        assertThat(updated.jsonPath().getString("missingData.policy")).isEqualTo("RENORMALIZE");
        assertThat(updated.jsonPath().getDouble("missingData.minCoverage")).isEqualTo(0.6);
        assertThat(updated.jsonPath().getList("appliesTo.segments")).isEmpty();
        assertThat(updated.jsonPath().getString("createdAt")).isEqualTo(c.getString("createdAt"));

        // Stale: 412 and nothing changes.
        Response stale = put(api, writer, "health", "\"1\"", draft(null, "Stale", List.of()));
        stale.then().statusCode(412).contentType("application/problem+json");
        // Missing If-Match breaks the contract (the header is required): only the response is checked.
        Response missing = api.bad(writer).contentType(ContentType.JSON).body(draft(null, "No If-Match", List.of()))
                .put("/api/v1/scorecards/health");
        missing.then().statusCode(428).contentType("application/problem+json");
        api.bad(writer).contentType(ContentType.JSON).header("If-Match", "yesterday")
                .body(draft(null, "Unreadable If-Match", List.of())).put("/api/v1/scorecards/health").then()
                .statusCode(400);
        JsonPath after = read(api, writer, "health");
        assertThat(after.getString("name")).isEqualTo("Health, tuned");
        assertThat(after.getInt("draftRevision")).isEqualTo(2);

        // The key in the body, when given, must be the path's.
        put(api, writer, "health", "\"2\"", draft("other_key", "Renamed", List.of())).then().statusCode(422);
        put(api, writer, "nothing_here", "\"1\"", draft(null, "Absent", List.of())).then().statusCode(404);
        // A reader reads but may not write.
        String reader = api.newKey(ws.adminSecret(), "READER");
        api.as(reader).get("/api/v1/scorecards/health").then().statusCode(200).header("ETag", "\"2\"");
        put(api, reader, "health", "\"2\"", draft(null, "By a reader", List.of())).then().statusCode(403);
        publish(api, reader, "health").then().statusCode(403);
        assertThat(read(api, writer, "health").getInt("draftRevision")).isEqualTo(2);
    }

    @BackendTest
    void publishingFreezesImmutableVersions(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String writer = api.newKey(ws.adminSecret(), "WRITER");
        ScorecardBodies.metric(api, writer, "logins", "PERCENT");
        ScorecardBodies.metric(api, writer, "tickets", "COUNT");
        create(api, writer, draft("health", "Health v1", List.of(measure("logins", 2, linear(0, 100)))));

        Response first = publish(api, writer, "health");
        first.then().statusCode(201);
        assertThat(first.header("Location")).endsWith("/api/v1/scorecards/health/versions/1");
        assertThat(first.jsonPath().getInt("version")).isEqualTo(1);
        assertThat(first.jsonPath().getString("name")).isEqualTo("Health v1");
        assertThat(first.jsonPath().getString("publishedBy")).isEqualTo("writer key");
        JsonPath afterFirst = read(api, writer, "health");
        assertThat(afterFirst.getInt("latestVersion")).isEqualTo(1);
        assertThat(afterFirst.getList("versions.version", Integer.class)).containsExactly(1);
        // Publishing does not touch the draft's revision.
        assertThat(afterFirst.getInt("draftRevision")).isEqualTo(1);

        // Publishing the same draft again makes version 2.
        Response second = publish(api, writer, "health");
        second.then().statusCode(201);
        assertThat(second.jsonPath().getInt("version")).isEqualTo(2);
        assertThat(second.header("Location")).endsWith("/api/v1/scorecards/health/versions/2");

        // Edit the draft, publish version 3: versions 1 and 2 stay as they were.
        put(api, writer, "health", "\"1\"", draft(null, "Health v3", List.of(
                measure("logins", 5, linear(10, 90)),
                measure("tickets", 1, thresholds(List.of(step(1, 100), step(3, 60)), 20))))).then().statusCode(200);
        Response third = publish(api, writer, "health");
        third.then().statusCode(201);
        assertThat(third.jsonPath().getInt("version")).isEqualTo(3);
        put(api, writer, "health", "\"2\"", draft(null, "Draft after v3", List.of())).then().statusCode(200);

        JsonPath v1 = api.as(writer).get("/api/v1/scorecards/health/versions/1").then().statusCode(200).extract()
                .jsonPath();
        assertThat(v1.getMap("")).isEqualTo(first.jsonPath().getMap(""));
        assertThat(v1.getString("name")).isEqualTo("Health v1");
        assertThat(v1.getList("measures.metric")).containsExactly("logins");
        assertThat(v1.getDouble("measures[0].weight")).isEqualTo(2.0);
        JsonPath v3 = api.as(writer).get("/api/v1/scorecards/health/versions/3").then().statusCode(200).extract()
                .jsonPath();
        assertThat(v3.getMap("")).isEqualTo(third.jsonPath().getMap(""));
        assertThat(v3.getList("measures.metric")).containsExactly("logins", "tickets");
        assertThat(v3.getList("measures[1].scoring.steps.upTo", Float.class)).containsExactly(1.0f, 3.0f);

        JsonPath scorecard = read(api, writer, "health");
        assertThat(scorecard.getString("name")).isEqualTo("Draft after v3");
        assertThat(scorecard.getList("measures")).isEmpty();
        assertThat(scorecard.getInt("latestVersion")).isEqualTo(3);
        assertThat(scorecard.getList("versions.version", Integer.class)).containsExactly(1, 2, 3);

        api.as(writer).get("/api/v1/scorecards/health/versions/4").then().statusCode(404)
                .contentType("application/problem+json");
        api.as(writer).get("/api/v1/scorecards/nothing_here/versions/1").then().statusCode(404);
        api.bad(writer).get("/api/v1/scorecards/health/versions/latest").then().statusCode(404);
        publish(api, writer, "nothing_here").then().statusCode(404).contentType("application/problem+json");
        api.as(writer).get("/api/v1/scorecards/nothing_here").then().statusCode(404);
    }

    @BackendTest
    void listPagesByCursorInKeyOrder(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String writer = api.newKey(ws.adminSecret(), "WRITER");
        List<String> keys = List.of("sc_e", "sc_a", "sc_d", "sc_b", "sc_c");
        for (String key : keys) {
            create(api, writer, draft(key, "Scorecard " + key, List.of()));
        }
        publish(api, writer, "sc_b").then().statusCode(422); // no measures: see ScorecardValidationIT
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = api.as(writer).queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/scorecards").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.key"));
            assertThat(page.getList("items.draftRevision", Integer.class)).containsOnly(1);
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).containsExactly("sc_a", "sc_b", "sc_c", "sc_d", "sc_e");
        assertThat(pages).isEqualTo(3);

        api.bad(writer).queryParam("limit", 0).get("/api/v1/scorecards").then().statusCode(400);
        api.bad(writer).queryParam("limit", 1001).get("/api/v1/scorecards").then().statusCode(400);
        api.as(writer).queryParam("cursor", "not-a-cursor").get("/api/v1/scorecards").then().statusCode(400);
    }

    @BackendTest
    void frameworksListDearAndProveWithFiveMeasuresEach(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String reader = api.newKey(ws.adminSecret(), "READER");
        JsonPath frameworks = api.as(reader).get("/api/v1/frameworks").then().statusCode(200).extract().jsonPath();
        assertThat(frameworks.getList("framework")).containsExactlyInAnyOrder("DEAR", "PROVE");
        assertThat(frameworks.getList("measures", List.class)).allSatisfy(m -> assertThat(m).hasSize(5));
        List<String> prove = frameworks.getList("find { it.framework == 'PROVE' }.measures.metric.key");
        assertThat(prove).containsExactly("user_engagement_pct", "open_p1_tickets", "outcomes_achieved_pct", "nps",
                "exec_meetings");
        // PROVE's user engagement: red below 50%, green from 80%.
        assertThat(frameworks.getMap("find { it.framework == 'PROVE' }.measures[0].scoring"))
                .containsEntry("type", "THRESHOLDS");
        // The bootstrap admin belongs to no workspace.
        api.as(org.healthscore.service.it.Backend.BOOTSTRAP).get("/api/v1/frameworks").then().statusCode(403);
    }

    @BackendTest
    void proveTemplateCreatesTheMissingCatalogEntriesAndTheDraft(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String writer = api.newKey(ws.adminSecret(), "WRITER");
        // One of PROVE's metrics exists already, documented the workspace's own way: it is kept as it is.
        Map<String, Object> nps = Api.metric("nps");
        nps.put("name", "Our own NPS");
        nps.put("valueType", "NUMBER");
        api.createMetric(writer, nps);
        ScorecardBodies.metric(api, writer, "unrelated", "PERCENT");

        Response created = create(api, writer, Map.of("key", "prove_health", "fromFramework", "PROVE"));
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        JsonPath draft = created.jsonPath();
        assertThat(draft.getString("framework")).isEqualTo("PROVE");
        assertThat(draft.getString("name")).isEqualTo("PROVE health score");
        assertThat(draft.getList("measures.metric")).containsExactly("user_engagement_pct", "open_p1_tickets",
                "outcomes_achieved_pct", "nps", "exec_meetings");
        assertThat(draft.getList("measures.weight", Float.class)).containsExactly(30f, 20f, 20f, 15f, 15f);
        assertThat(draft.getList("measures[0].scoring.steps.upTo", Float.class)).containsExactly(50f, 80f);

        assertThat(metricKeys(api, writer)).containsExactly("exec_meetings", "nps", "open_p1_tickets",
                "outcomes_achieved_pct", "unrelated", "user_engagement_pct");
        JsonPath engagement = api.as(writer).get("/api/v1/metrics/user_engagement_pct").then().statusCode(200)
                .header("ETag", "\"1\"").extract().jsonPath();
        assertThat(engagement.getString("valueType")).isEqualTo("PERCENT");
        assertThat(engagement.getString("createdBy")).isEqualTo("writer key");
        assertThat(engagement.getString("description")).isNotBlank();
        JsonPath ownNps = api.as(writer).get("/api/v1/metrics/nps").then().header("ETag", "\"1\"").extract()
                .jsonPath();
        assertThat(ownNps.getString("name")).isEqualTo("Our own NPS");

        // The template's draft is publishable as it is.
        Response published = publish(api, writer, "prove_health");
        published.then().statusCode(201);
        assertThat(published.jsonPath().getList("measures.metric")).hasSize(5);

        // DEAR too, with a name of our own; the catalog gains DEAR's five.
        Response dear = create(api, writer, Map.of("key", "dear_health", "fromFramework", "DEAR",
                "name", "Our DEAR"));
        assertThat(dear.jsonPath().getString("framework")).isEqualTo("DEAR");
        assertThat(dear.jsonPath().getString("name")).isEqualTo("Our DEAR");
        assertThat(dear.jsonPath().getList("measures.metric")).containsExactly("licenses_deployed_pct",
                "weekly_active_users_pct", "sessions_per_user", "key_features_adopted_pct", "goals_achieved_pct");
        assertThat(metricKeys(api, writer)).hasSize(11).contains("licenses_deployed_pct", "weekly_active_users_pct",
                "sessions_per_user", "key_features_adopted_pct", "goals_achieved_pct");
        assertThat(ScorecardBodies.scorecardKeys(api, writer)).containsExactly("dear_health", "prove_health");
    }

    @BackendTest
    void templateOntoAnExistingKeyIsAConflictAndCreatesNoMetrics(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String writer = api.newKey(ws.adminSecret(), "WRITER");
        ScorecardBodies.metric(api, writer, "logins", "PERCENT");
        create(api, writer, draft("taken", "Taken", List.of(measure("logins", 1, linear(0, 100)))));
        List<String> catalog = metricKeys(api, writer);
        JsonPath before = read(api, writer, "taken");

        Response conflict = api.as(writer).contentType(ContentType.JSON)
                .body(Map.of("key", "taken", "fromFramework", "PROVE")).post("/api/v1/scorecards");
        conflict.then().statusCode(409).contentType("application/problem+json");
        assertThat(conflict.jsonPath().getString("detail")).contains("taken");
        assertThat(metricKeys(api, writer)).isEqualTo(catalog);
        assertThat(read(api, writer, "taken").getMap("")).isEqualTo(before.getMap(""));

        // The same for a plain duplicate.
        api.as(writer).contentType(ContentType.JSON).body(draft("taken", "Again", List.of()))
                .post("/api/v1/scorecards").then().statusCode(409);

        // A template with measures of its own, or for CUSTOM (no template), is refused, and creates nothing.
        Map<String, Object> withMeasures = draft("with_measures", "Mixed", List.of(measure("logins", 1,
                linear(0, 1))));
        withMeasures.put("fromFramework", "DEAR");
        MetricBadInputIT.assertProblem("template with measures", api.as(writer).contentType(ContentType.JSON)
                .body(withMeasures).post("/api/v1/scorecards"), 422, "measures");
        MetricBadInputIT.assertProblem("CUSTOM template", api.as(writer).contentType(ContentType.JSON)
                .body(Map.of("key", "custom", "fromFramework", "CUSTOM")).post("/api/v1/scorecards"), 422,
                "fromFramework");
        assertThat(metricKeys(api, writer)).isEqualTo(catalog);
        assertThat(ScorecardBodies.scorecardKeys(api, writer)).containsExactly("taken");
    }
}
