package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthscore.service.it.MetricBadInputIT.assertProblem;
import static org.healthscore.service.it.ScorecardBodies.create;
import static org.healthscore.service.it.ScorecardBodies.draft;
import static org.healthscore.service.it.ScorecardBodies.linear;
import static org.healthscore.service.it.ScorecardBodies.measure;
import static org.healthscore.service.it.ScorecardBodies.publish;
import static org.healthscore.service.it.ScorecardBodies.read;
import static org.healthscore.service.it.ScorecardBodies.rule;
import static org.healthscore.service.it.ScorecardBodies.scorecardKeys;
import static org.healthscore.service.it.ScorecardBodies.step;
import static org.healthscore.service.it.ScorecardBodies.thresholds;
import static org.junit.jupiter.api.Assertions.assertAll;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;

/**
 * Every invalid scorecard draft is refused with a 4xx problem naming the field, on create and on
 * update alike, and nothing is stored (issue 13, DESIGN.md 3.3-3.5, 4.1): unknown or deprecated
 * metrics, weights <= 0, broken rule math, BOOLEAN on a non-boolean metric, disordered bands,
 * minCoverage outside 0-1, duplicate measures, unknown rule types. Publishing checks the draft
 * again against the catalog as it is then; a metric a published version uses cannot be deleted.
 */
class ScorecardValidationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FRESH = "fresh";
    private static final String EXISTING = "existing";

    /** One invalid draft: the change to a valid one, and the refusal it must get. */
    private record Case(String why, Consumer<Map<String, Object>> change, int status, String field) {
    }

    private static Map<String, Object> valid(String key) {
        return draft(key, "Valid", List.of(measure("logins", 2, linear(0, 80)),
                measure("churn_flag", 1, rule("BOOLEAN"))));
    }

    private static Consumer<Map<String, Object>> firstMeasure(Consumer<Map<String, Object>> change) {
        return body -> {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> measures = (List<Map<String, Object>>) body.get("measures");
            Map<String, Object> first = new LinkedHashMap<>(measures.get(0));
            change.accept(first);
            measures.set(0, first);
        };
    }

    private static Consumer<Map<String, Object>> scoring(Map<String, Object> rule) {
        return firstMeasure(m -> m.put("scoring", rule));
    }

    private static final List<Case> CASES = List.of(
            new Case("an unknown metric", firstMeasure(m -> m.put("metric", "no_such_metric")), 422,
                    "measures[0].metric"),
            new Case("a deprecated metric", firstMeasure(m -> m.put("metric", "old_metric")), 422,
                    "measures[0].metric"),
            new Case("weight 0", firstMeasure(m -> m.put("weight", 0)), 422, "measures[0].weight"),
            new Case("weight -1", firstMeasure(m -> m.put("weight", -1)), 422, "measures[0].weight"),
            new Case("no weight", firstMeasure(m -> m.remove("weight")), 422, "measures[0].weight"),
            new Case("no scoring", firstMeasure(m -> m.remove("scoring")), 422, "measures[0].scoring"),
            new Case("LINEAR min = max", scoring(linear(50, 50)), 422, "measures[0].scoring.max"),
            new Case("LINEAR min > max", scoring(linear(80, 20)), 422, "measures[0].scoring.max"),
            new Case("LINEAR without max", scoring(new LinkedHashMap<>(Map.of("type", "LINEAR", "min", 1))), 422,
                    "measures[0].scoring.max"),
            new Case("THRESHOLDS not ascending", scoring(thresholds(List.of(step(50, 20), step(30, 60)), 100)), 422,
                    "measures[0].scoring.steps[1].upTo"),
            new Case("THRESHOLDS with a repeated upTo", scoring(thresholds(List.of(step(50, 20), step(50, 60)), 100)),
                    422, "measures[0].scoring.steps[1].upTo"),
            new Case("THRESHOLDS score 101", scoring(thresholds(List.of(step(50, 101)), 100)), 422,
                    "measures[0].scoring.steps[0].score"),
            new Case("THRESHOLDS otherwise -1", scoring(thresholds(List.of(step(50, 10)), -1)), 422,
                    "measures[0].scoring.otherwise"),
            new Case("THRESHOLDS without steps", scoring(thresholds(List.of(), 100)), 422,
                    "measures[0].scoring.steps"),
            new Case("BOOLEAN on a PERCENT metric", scoring(rule("BOOLEAN")), 422, "measures[0].scoring.type"),
            new Case("redBelow > greenFrom", body -> body.put("bands", Map.of("redBelow", 80, "greenFrom", 60)), 422,
                    "bands.redBelow"),
            new Case("redBelow above the default greenFrom", body -> body.put("bands", Map.of("redBelow", 75)), 422,
                    "bands.redBelow"),
            new Case("greenFrom 101", body -> body.put("bands", Map.of("redBelow", 40, "greenFrom", 101)), 422,
                    "bands.greenFrom"),
            new Case("minCoverage 1.5", body -> body.put("missingData", Map.of("minCoverage", 1.5)), 422,
                    "missingData.minCoverage"),
            new Case("minCoverage -0.1", body -> body.put("missingData", Map.of("minCoverage", -0.1)), 422,
                    "missingData.minCoverage"),
            new Case("a duplicate measure", body -> {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> measures = (List<Map<String, Object>>) body.get("measures");
                measures.add(measure("logins", 1, rule("PERCENTILE")));
            }, 422, "measures[2].metric"),
            new Case("a blank metric", firstMeasure(m -> m.put("metric", " ")), 422, "measures[0].metric"),
            new Case("a 201-character name", body -> body.put("name", "n".repeat(201)), 422, "name"),
            // Unreadable shapes: 400 naming the field.
            new Case("an unknown scoring type", scoring(rule("SIGMOID")), 400, "measures[0].scoring.type"),
            new Case("a scoring rule without type", scoring(new LinkedHashMap<>(Map.of("min", 1, "max", 2))), 400,
                    "measures[0].scoring.type"),
            new Case("a lower-case scoring type", scoring(rule("linear")), 400, "measures[0].scoring.type"),
            new Case("a field another rule type has", scoring(new LinkedHashMap<>(Map.of("type", "PERCENTILE",
                    "min", 1))), 400, "measures[0].scoring.min"),
            new Case("a string as weight", firstMeasure(m -> m.put("weight", "heavy")), 400, "measures[0].weight"),
            new Case("an unknown field in a measure", firstMeasure(m -> m.put("colour", "red")), 400,
                    "measures[0].colour"),
            new Case("an unknown top-level field", body -> body.put("owner", "me"), 400, "owner"),
            new Case("an unknown policy", body -> body.put("missingData", Map.of("policy", "IGNORE")), 400,
                    "missingData.policy"),
            new Case("a string as measures", body -> body.put("measures", "logins"), 400, "measures"));

    @BackendTest
    void invalidDraftsAreRefusedNamingTheFieldAndStoreNothing(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String writer = api.newKey(ws.adminSecret(), "WRITER");
        setUpCatalog(api, writer);
        create(api, writer, valid(EXISTING));
        Map<String, Object> before = read(api, writer, EXISTING).getMap("");

        Stream<Executable> creates = CASES.stream().map(c -> () -> {
            Map<String, Object> body = valid(FRESH);
            c.change().accept(body);
            Response response = api.bad(writer).contentType(ContentType.JSON).body(json(body))
                    .post("/api/v1/scorecards");
            assertAll("create with " + c.why(),
                    () -> assertProblem("create with " + c.why(), response, c.status(), c.field()),
                    () -> api.as(writer).get("/api/v1/scorecards/" + FRESH).then().statusCode(404));
        });
        Stream<Executable> updates = CASES.stream().map(c -> () -> {
            Map<String, Object> body = valid(null);
            c.change().accept(body);
            Response response = api.bad(writer).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                    .body(json(body)).put("/api/v1/scorecards/" + EXISTING);
            assertAll("update with " + c.why(),
                    () -> assertProblem("update with " + c.why(), response, c.status(), c.field()),
                    () -> assertThat(read(api, writer, EXISTING).getMap("")).isEqualTo(before));
        });
        assertAll(Stream.concat(creates, updates));
        assertThat(scorecardKeys(api, writer)).containsExactly(EXISTING);
    }

    /**
     * openapi.yaml describes the rule shapes exactly: the contract-checked client refuses before
     * sending what the service would refuse, and lets each valid shape through (the other tests).
     */
    @BackendTest
    void theContractRefusesTheShapesTheServiceRefuses(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String writer = api.newKey(ws.adminSecret(), "WRITER");
        setUpCatalog(api, writer);
        List<Consumer<Map<String, Object>>> shapes = List.of(
                scoring(rule("SIGMOID")),
                scoring(new LinkedHashMap<>(Map.of("min", 1, "max", 2))),
                scoring(new LinkedHashMap<>(Map.of("type", "PERCENTILE", "min", 1))),
                scoring(new LinkedHashMap<>(Map.of("type", "LINEAR", "min", 1))),
                scoring(thresholds(List.of(step(50, 101)), 100)),
                firstMeasure(m -> m.put("weight", 0)),
                firstMeasure(m -> m.put("colour", "red")),
                body -> body.put("missingData", Map.of("minCoverage", 1.5)));
        for (Consumer<Map<String, Object>> shape : shapes) {
            Map<String, Object> body = valid(FRESH);
            shape.accept(body);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> api.as(writer).contentType(ContentType.JSON)
                            .body(body).post("/api/v1/scorecards"))
                    .as("the contract check of %s", body)
                    .hasMessageContaining("validation.request.body");
        }
        assertThat(scorecardKeys(api, writer)).isEmpty();
    }

    @BackendTest
    void badKeysAndBodiesAreRefused(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String writer = api.newKey(ws.adminSecret(), "WRITER");
        setUpCatalog(api, writer);
        assertProblem("no key", api.bad(writer).contentType(ContentType.JSON).body(json(valid(null)))
                .post("/api/v1/scorecards"), 422, "key");
        assertProblem("a key with capitals", api.bad(writer).contentType(ContentType.JSON)
                .body(json(valid("Bad-Key"))).post("/api/v1/scorecards"), 422, "key");
        assertProblem("malformed JSON", api.bad(writer).contentType(ContentType.JSON).body("{\"key\":")
                .post("/api/v1/scorecards"), 400, "body");
        assertProblem("an empty body", api.bad(writer).contentType(ContentType.JSON).body("")
                .post("/api/v1/scorecards"), 400, "body");
        assertProblem("an unknown framework", api.bad(writer).contentType(ContentType.JSON)
                .body(json(Map.of("key", "x_y", "fromFramework", "ITIL"))).post("/api/v1/scorecards"), 400,
                "fromFramework");
        assertThat(scorecardKeys(api, writer)).isEmpty();
        assertThat(ScorecardBodies.metricKeys(api, writer)).containsExactly("churn_flag", "logins", "old_metric");
    }

    @BackendTest
    void publishingAnEmptyOrUnnamedDraftIsRefused(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String writer = api.newKey(ws.adminSecret(), "WRITER");
        create(api, writer, draft("empty", "Empty", List.of()));
        assertProblem("publishing an empty draft", publish(api, writer, "empty"), 422, "measures");
        create(api, writer, Map.of("key", "bare"));
        Response bare = publish(api, writer, "bare");
        assertThat(bare.statusCode()).isEqualTo(422);
        assertThat(bare.jsonPath().getList("errors.field")).containsExactly("name", "measures");
        for (String key : List.of("empty", "bare")) {
            JsonPath scorecard = read(api, writer, key);
            assertThat(scorecard.getString("latestVersion")).isNull();
            assertThat(scorecard.getList("versions")).isEmpty();
            api.as(writer).get("/api/v1/scorecards/" + key + "/versions/1").then().statusCode(404);
        }
    }

    @BackendTest
    void aMetricUsedByAPublishedVersionCannotBeDeleted(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String writer = api.newKey(ws.adminSecret(), "WRITER");
        setUpCatalog(api, writer);
        ScorecardBodies.metric(api, writer, "draft_only", "PERCENT");
        create(api, writer, valid("health"));
        publish(api, writer, "health").then().statusCode(201);
        create(api, writer, draft("later", "Later", List.of(measure("draft_only", 1, linear(0, 100)))));

        Response refused = api.as(writer).delete("/api/v1/metrics/logins");
        refused.then().statusCode(409).contentType("application/problem+json");
        assertThat(refused.jsonPath().getString("detail")).contains("health v1").contains("DEPRECATED");
        api.as(writer).get("/api/v1/metrics/logins").then().statusCode(200).header("ETag", "\"1\"");

        // A metric only a draft uses can go; publishing that draft then names it.
        api.as(writer).delete("/api/v1/metrics/draft_only").then().statusCode(204);
        assertProblem("publishing a draft whose metric was deleted", publish(api, writer, "later"), 422,
                "measures[0].metric");
        assertThat(read(api, writer, "later").getList("versions")).isEmpty();
    }

    @BackendTest
    void aMetricDeprecatedAfterTheDraftWasSavedStopsPublishing(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String writer = api.newKey(ws.adminSecret(), "WRITER");
        setUpCatalog(api, writer);
        create(api, writer, valid("health"));
        publish(api, writer, "health").then().statusCode(201);

        Map<String, Object> deprecated = Api.metric("logins");
        deprecated.put("status", "DEPRECATED");
        api.as(writer).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(deprecated)
                .put("/api/v1/metrics/logins").then().statusCode(200);

        Response refused = publish(api, writer, "health");
        assertProblem("publishing with a deprecated metric", refused, 422, "measures[0].metric");
        assertThat(refused.jsonPath().getString("errors[0].reason")).contains("DEPRECATED");
        JsonPath scorecard = read(api, writer, "health");
        assertThat(scorecard.getInt("latestVersion")).isEqualTo(1);
        assertThat(scorecard.getList("versions.version", Integer.class)).containsExactly(1);
        api.as(writer).get("/api/v1/scorecards/health/versions/2").then().statusCode(404);
        // Version 1 keeps naming it: published versions never change.
        assertThat(api.as(writer).get("/api/v1/scorecards/health/versions/1").jsonPath().getList("measures.metric"))
                .containsExactly("logins", "churn_flag");
    }

    /** logins (PERCENT), churn_flag (BOOLEAN), old_metric (DEPRECATED). */
    private static void setUpCatalog(Api api, String writer) {
        ScorecardBodies.metric(api, writer, "logins", "PERCENT");
        ScorecardBodies.metric(api, writer, "churn_flag", "BOOLEAN");
        Map<String, Object> old = Api.metric("old_metric");
        old.put("status", "DEPRECATED");
        api.createMetric(writer, old);
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
