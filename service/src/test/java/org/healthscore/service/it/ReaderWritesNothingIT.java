package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * A READER key is refused (403 problem+json) by every write route of the contract, REST and GraphQL,
 * and leaves no trace: nothing changes and the audit trail records nothing by it. A WRITER key is
 * refused every key-management route; a revoked key is refused by GraphQL too at once.
 */
class ReaderWritesNothingIT {

    @BackendTest
    void aReaderIsRefusedByEveryRestWriteRoute(Api api) {
        String admin = Jobs.proveWorkspace(api);
        Jobs.accountsWithObservations(api, admin, "r-", 2);
        String reader = api.newKey(admin, "READER");
        String job = Jobs.start(api, admin, Map.of("scorecard", "prove", "asOf", "2026-11-30"), null).getString("id");
        Jobs.awaitEnd(api, admin, job, java.time.Duration.ofSeconds(60));
        String before = snapshot(api, admin);

        Map<String, Function<RequestSpecification, Response>> writes = new LinkedHashMap<>();
        writes.put("POST /keys", r -> r.contentType(ContentType.JSON).body(Map.of("name", "k", "role", "READER"))
                .post("/api/v1/keys"));
        writes.put("DELETE /keys/{id}", r -> r.delete("/api/v1/keys/" + UUID.randomUUID()));
        writes.put("POST /workspaces", r -> r.contentType(ContentType.JSON).body(Map.of("name", "w"))
                .post("/api/v1/workspaces"));
        writes.put("POST /metrics", r -> r.contentType(ContentType.JSON).body(Api.metric("new_one"))
                .post("/api/v1/metrics"));
        writes.put("PUT /metrics/{key}", r -> r.contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Api.metric("nps")).put("/api/v1/metrics/nps"));
        writes.put("DELETE /metrics/{key}", r -> r.delete("/api/v1/metrics/nps"));
        writes.put("PUT /accounts/{id}", r -> r.contentType(ContentType.JSON).body(Map.of("segment", "ENT"))
                .put("/api/v1/accounts/r-0"));
        writes.put("POST /accounts/bulk", r -> r.contentType("text/csv").body(bytes("externalId\nr-9\n"))
                .post("/api/v1/accounts/bulk"));
        writes.put("POST /observations", r -> r.contentType("text/csv")
                .body(bytes("account,metric,observedAt,value\nr-0,nps,2026-11-30T00:00:00Z,50\n"))
                .post("/api/v1/observations"));
        writes.put("POST /outcomes", r -> r.contentType("text/csv")
                .body(bytes("account,type,occurredAt\nr-0,CHURNED,2026-11-30\n")).post("/api/v1/outcomes"));
        writes.put("POST /imports/wide", r -> r
                .multiPart("file", "c.csv", bytes("id,nps\nr-0,10\n"), "text/csv")
                .multiPart("mapping", "m.json", bytes("{\"accountColumn\":\"id\",\"observedAt\":"
                        + "\"2026-11-30T00:00:00Z\",\"metrics\":[{\"column\":\"nps\",\"metric\":\"nps\"}]}"),
                        "application/json").post("/api/v1/imports/wide"));
        writes.put("POST /scorecards", r -> r.contentType(ContentType.JSON)
                .body(Map.of("key", "dear", "fromFramework", "DEAR")).post("/api/v1/scorecards"));
        writes.put("PUT /scorecards/{key}", r -> r.contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(ScorecardBodies.draft("prove", "Renamed", List.of(ScorecardBodies.measure("nps", 1,
                        ScorecardBodies.linear(-100, 100))))).put("/api/v1/scorecards/prove"));
        writes.put("POST /scorecards/{key}/publish", r -> r.post("/api/v1/scorecards/prove/publish"));
        writes.put("POST /jobs/recompute", r -> r.contentType(ContentType.JSON)
                .body(Map.of("scorecard", "prove", "asOf", "2026-11-01")).post(Jobs.RECOMPUTE));
        writes.put("POST /jobs/{id}/cancel", r -> r.post("/api/v1/jobs/" + job + "/cancel"));
        writes.put("POST /evaluations", r -> r.contentType(ContentType.JSON)
                .body(Evaluations.request("prove")).post(Evaluations.START));
        writes.put("POST /evaluations/{id}/apply", r -> r.post(Evaluations.START + "/" + job + "/apply"));

        for (Map.Entry<String, Function<RequestSpecification, Response>> write : writes.entrySet()) {
            Response refused = write.getValue().apply(api.bad(reader));
            assertThat(refused.statusCode()).as("%s as READER: %s", write.getKey(), refused.asString()).isEqualTo(403);
            assertThat(refused.contentType()).as(write.getKey()).startsWith("application/problem+json");
        }
        // Reading is what a READER may do, and partners score with it.
        api.as(reader).contentType(ContentType.JSON).body(Map.of("scorecard", "prove", "accounts", List.of("r-0")))
                .post("/api/v1/scores/compute").then().statusCode(200);

        assertThat(snapshot(api, admin)).isEqualTo(before);
        List<String> actors = api.as(admin).queryParam("limit", 1000).get("/api/v1/audit").then().statusCode(200)
                .extract().jsonPath().getList("items.actor");
        assertThat(actors).doesNotContain("reader key");
    }

    @BackendTest
    void aReaderIsRefusedByEveryGraphQLMutation(Api api) {
        String admin = Jobs.proveWorkspace(api);
        String reader = api.newKey(admin, "READER");
        Map<String, String> mutations = new LinkedHashMap<>();
        mutations.put("createMetric", "mutation { createMetric(input: {key: \"m\", name: \"M\", description: \"d\","
                + " dimension: \"ADOPTION\", valueType: PERCENT, direction: HIGHER_IS_BETTER,"
                + " aggregation: {function: AVERAGE, windowDays: 30}}) { key } }");
        mutations.put("deleteMetric", "mutation { deleteMetric(key: \"nps\") { key } }");
        mutations.put("upsertAccount", "mutation { upsertAccount(externalId: \"a\", input: {segment: \"ENT\"}) {"
                + " externalId } }");
        mutations.put("recordObservations", "mutation { recordObservations(observations: [{account: \"a\","
                + " metric: \"nps\", observedAt: \"2026-11-30T00:00:00Z\", value: 1}]) { inserted } }");
        mutations.put("recordOutcomes", "mutation { recordOutcomes(outcomes: [{account: \"a\", type: CHURNED,"
                + " occurredAt: \"2026-11-30\"}]) { inserted } }");
        mutations.put("createScorecardFromFramework", "mutation { createScorecardFromFramework(key: \"dear\","
                + " framework: DEAR) { key } }");
        mutations.put("publishScorecard", "mutation { publishScorecard(key: \"prove\") { version } }");
        mutations.put("startRecompute", "mutation { startRecompute(input: {scorecard: \"prove\","
                + " asOf: \"2026-11-30\"}) { id } }");
        mutations.put("cancelJob", "mutation { cancelJob(id: \"x\") { id } }");
        mutations.put("applyEvaluationSuggestions", "mutation { applyEvaluationSuggestions(id: \"x\") { key } }");
        for (Map.Entry<String, String> mutation : mutations.entrySet()) {
            JsonPath answer = api.graphql(reader, mutation.getValue(), null).then().statusCode(200).extract()
                    .jsonPath();
            assertThat(answer.getString("errors[0].extensions.code")).as("%s: %s", mutation.getKey(),
                    answer.prettify()).isEqualTo("FORBIDDEN");
        }
        assertThat(api.as(admin).get("/api/v1/metrics/m").statusCode()).isEqualTo(404);
        assertThat(api.as(admin).get("/api/v1/scorecards/prove").jsonPath().getInt("latestVersion")).isEqualTo(1);
    }

    @BackendTest
    void aWriterManagesNoKeysAndARevokedKeyIsRefusedByGraphQLAtOnce(Api api) {
        Api.Workspace ws = api.newWorkspace();
        JsonPath created = api.as(ws.adminSecret()).contentType(ContentType.JSON)
                .body(Map.of("name", "writer", "role", "WRITER")).post("/api/v1/keys").then().statusCode(201)
                .extract().jsonPath();
        String writer = created.getString("secret");
        api.as(writer).contentType(ContentType.JSON).body(Map.of("name", "mine", "role", "READER"))
                .post("/api/v1/keys").then().statusCode(403);
        api.as(writer).delete("/api/v1/keys/" + created.getString("id")).then().statusCode(403);
        api.as(writer).get("/api/v1/keys").then().statusCode(403);
        assertThat(api.graphql(writer, "{ metrics { nodes { key } } }", null).then().statusCode(200).extract()
                .jsonPath().getList("data.metrics.nodes")).isEmpty();

        api.as(ws.adminSecret()).delete("/api/v1/keys/" + created.getString("id")).then().statusCode(204);
        JsonPath refused = api.graphql(writer, "{ metrics { nodes { key } } }", null).then().statusCode(401)
                .extract().jsonPath();
        assertThat(refused.getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
        api.as(writer).contentType(ContentType.JSON).body(Api.metric("late")).post("/api/v1/metrics").then()
                .statusCode(401);
    }

    /** What a write could change, as the admin reads it. */
    private static String snapshot(Api api, String admin) {
        return api.as(admin).get("/api/v1/metrics?limit=1000").asString()
                + api.as(admin).get("/api/v1/keys").asString()
                + api.as(admin).get("/api/v1/accounts?limit=1000").asString()
                + api.as(admin).get("/api/v1/scorecards").asString()
                + api.as(admin).get("/api/v1/scorecards/prove").asString()
                + api.as(admin).get("/api/v1/jobs").asString()
                + api.as(admin).get("/api/v1/evaluations").asString()
                + api.as(admin).queryParam("limit", 1000).get("/api/v1/accounts/r-0/observations").asString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
