package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;

/**
 * No data crosses workspaces (DESIGN.md 5). Two workspaces each hold a metric under the SAME key
 * ({@code shared}) and one of their own ({@code only_one}, {@code only_two}); every key of
 * workspace one, whatever its role, must behave as if workspace two did not exist.
 */
class WorkspaceIsolationIT {

    private static final String SHARED = "shared";
    private static final String ONLY_ONE = "only_one";
    private static final String ONLY_TWO = "only_two";

    /** Workspace one with a key of each role, and workspace two with its metrics. */
    private record Setup(Api.Workspace one, String oneWriter, String oneReader, Api.Workspace two) {
        List<String> oneKeys() {
            return List.of(one.adminSecret(), oneWriter, oneReader);
        }
    }

    private static Setup twoWorkspaces(Api api) {
        Api.Workspace one = api.newWorkspace();
        Api.Workspace two = api.newWorkspace();
        api.createMetric(one.adminSecret(), named(SHARED, "Shared in one"));
        api.createMetric(one.adminSecret(), Api.metric(ONLY_ONE));
        api.createMetric(two.adminSecret(), named(SHARED, "Shared in two"));
        api.createMetric(two.adminSecret(), Api.metric(ONLY_TWO));
        return new Setup(one, api.newKey(one.adminSecret(), "WRITER"), api.newKey(one.adminSecret(), "READER"), two);
    }

    private static Map<String, Object> named(String key, String name) {
        Map<String, Object> body = Api.metric(key);
        body.put("name", name);
        return body;
    }

    @BackendTest
    void restReadsOfAnotherWorkspacesMetricsFindNothing(Api api) {
        Setup s = twoWorkspaces(api);
        for (String secret : s.oneKeys()) {
            api.as(secret).get("/api/v1/metrics/" + ONLY_TWO).then().statusCode(404)
                    .contentType("application/problem+json");
            api.as(secret).get("/api/v1/metrics/" + ONLY_TWO + "/revisions").then().statusCode(404);

            // The shared key answers with workspace one's own entry, never workspace two's.
            Response shared = api.as(secret).get("/api/v1/metrics/" + SHARED);
            shared.then().statusCode(200).header("ETag", "\"1\"");
            assertThat(shared.jsonPath().getString("name")).isEqualTo("Shared in one");
            assertThat(api.as(secret).get("/api/v1/metrics/" + SHARED + "/revisions").jsonPath()
                    .getList("items.metric.name")).containsExactly("Shared in one");

            assertThat(api.as(secret).get("/api/v1/metrics").jsonPath().getList("items.key"))
                    .containsExactly(ONLY_ONE, SHARED);
            assertThat(api.as(secret).accept(ContentType.JSON).get("/api/v1/catalog").jsonPath()
                    .getList("metrics.name")).containsExactly("Metric only_one", "Shared in one");
        }
    }

    @BackendTest
    void restWritesToAnotherWorkspacesMetricsFindNothing(Api api) {
        Setup s = twoWorkspaces(api);
        Map<String, Object> change = named(ONLY_TWO, "Hijacked");
        for (String secret : List.of(s.one().adminSecret(), s.oneWriter())) {
            // "1" is workspace two's real revision: knowing it must not help.
            api.as(secret).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(change)
                    .put("/api/v1/metrics/" + ONLY_TWO).then().statusCode(404)
                    .contentType("application/problem+json");
            api.as(secret).header("If-Match", "\"1\"").delete("/api/v1/metrics/" + ONLY_TWO).then().statusCode(404);
            api.as(secret).delete("/api/v1/metrics/" + ONLY_TWO).then().statusCode(404);
        }
        // A reader may not write at all: the same 403 whether or not the key exists anywhere.
        api.as(s.oneReader()).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(change)
                .put("/api/v1/metrics/" + ONLY_TWO).then().statusCode(403);
        api.as(s.oneReader()).delete("/api/v1/metrics/" + ONLY_TWO).then().statusCode(403);

        // Changing the shared key in workspace one touches only workspace one's entry.
        api.as(s.oneWriter()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(named(SHARED, "Renamed in one")).put("/api/v1/metrics/" + SHARED).then().statusCode(200)
                .header("ETag", "\"2\"");
        api.as(s.oneWriter()).delete("/api/v1/metrics/" + ONLY_ONE).then().statusCode(204);

        assertWorkspaceTwoUntouched(api, s.two());
    }

    @BackendTest
    void graphQLReadsSeeOnlyTheCallersWorkspace(Api api) {
        Setup s = twoWorkspaces(api);
        for (String secret : s.oneKeys()) {
            JsonPath own = ok(api.graphql(secret, "query($k: String!) { metric(key: $k) { key name revision } }",
                    Map.of("k", SHARED)));
            assertThat(own.getString("data.metric.name")).isEqualTo("Shared in one");
            assertThat(own.getInt("data.metric.revision")).isEqualTo(1);

            JsonPath foreign = ok(api.graphql(secret, "query($k: String!) { metric(key: $k) { key name } }",
                    Map.of("k", ONLY_TWO)));
            assertThat(foreign.getMap("data")).containsEntry("metric", null);
            assertThat(foreign.getList("errors")).isNull();

            JsonPath list = ok(api.graphql(secret, "{ metrics { nodes { key name } } }", null));
            assertThat(list.getList("data.metrics.nodes.key")).containsExactly(ONLY_ONE, SHARED);
            assertThat(list.getList("data.metrics.nodes.name")).containsExactly("Metric only_one", "Shared in one");

            JsonPath revisions = ok(api.graphql(secret,
                    "query($k: String!) { metricRevisions(key: $k) { nodes { revision } } }", Map.of("k", ONLY_TWO)));
            assertThat(revisions.getString("errors[0].extensions.code")).isEqualTo("NOT_FOUND");
            assertThat(revisions.getString("data")).isNull();
        }
    }

    @BackendTest
    void graphQLWritesToAnotherWorkspacesMetricsFindNothing(Api api) {
        Setup s = twoWorkspaces(api);
        for (String secret : List.of(s.one().adminSecret(), s.oneWriter())) {
            JsonPath update = ok(api.graphql(secret, """
                    mutation($k: String!, $in: MetricInput!) {
                      updateMetric(key: $k, expectedRevision: 1, input: $in) { key revision }
                    }""", Map.of("k", ONLY_TWO, "in", Map.of("name", "Hijacked", "valueType", "PERCENT",
                    "direction", "HIGHER_IS_BETTER"))));
            assertThat(update.getString("errors[0].extensions.code")).isEqualTo("NOT_FOUND");

            JsonPath delete = ok(api.graphql(secret,
                    "mutation($k: String!) { deleteMetric(key: $k) { key revision } }", Map.of("k", ONLY_TWO)));
            assertThat(delete.getString("errors[0].extensions.code")).isEqualTo("NOT_FOUND");
        }
        assertWorkspaceTwoUntouched(api, s.two());
    }

    @BackendTest
    void keysOfAnotherWorkspaceCanBeNeitherListedNorRevoked(Api api) {
        Api.Workspace one = api.newWorkspace();
        Api.Workspace two = api.newWorkspace();
        String twoReader = api.newKey(two.adminSecret(), "READER");
        List<String> twoKeyIds = api.as(two.adminSecret()).get("/api/v1/keys").then().statusCode(200).extract()
                .jsonPath().getList("items.id");
        assertThat(twoKeyIds).hasSize(2);

        JsonPath oneKeys = api.as(one.adminSecret()).get("/api/v1/keys").then().statusCode(200).extract().jsonPath();
        assertThat(oneKeys.getList("items.id")).hasSize(1).doesNotContainAnyElementsOf(twoKeyIds);
        assertThat(oneKeys.getList("items.name")).containsExactly("first admin key");

        // 404 for both: workspace two's last ADMIN key must not answer 409, which would betray it exists.
        for (String id : twoKeyIds) {
            api.as(one.adminSecret()).delete("/api/v1/keys/" + id).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        // Workspace two's keys all still work and are all still listed.
        api.as(twoReader).get("/api/v1/metrics").then().statusCode(200);
        assertThat(api.as(two.adminSecret()).get("/api/v1/keys").jsonPath().getList("items.id"))
                .containsExactlyInAnyOrderElementsOf(twoKeyIds);
    }

    @BackendTest
    void auditTrailShowsOnlyTheCallersWorkspace(Api api) {
        Setup s = twoWorkspaces(api);
        List<String> twoKeyIds = api.as(s.two().adminSecret()).get("/api/v1/keys").jsonPath().getList("items.id");
        List<String> oneKeyIds = api.as(s.one().adminSecret()).get("/api/v1/keys").jsonPath().getList("items.id");

        JsonPath audit = api.as(s.one().adminSecret()).queryParam("limit", 1000).get("/api/v1/audit").then()
                .statusCode(200).extract().jsonPath();
        List<String> targets = audit.getList("items.target");
        assertThat(targets).contains(s.one().id()).doesNotContain(s.two().id(), ONLY_TWO)
                .doesNotContainAnyElementsOf(twoKeyIds);
        // One metric.created for the shared key: workspace one's own, not workspace two's as well.
        assertThat(audit.getList("items.findAll { it.action == 'metric.created' }.target"))
                .containsExactlyInAnyOrder(SHARED, ONLY_ONE);
        assertThat(audit.getList("items.actorKeyId", String.class)).allSatisfy(
                id -> assertThat(id == null || oneKeyIds.contains(id)).as("actor key %s", id).isTrue());
        assertThat(audit.getString("nextCursor")).isNull();
    }

    /** Workspace two still has both entries exactly as created: revision 1, original names, one revision each. */
    private static void assertWorkspaceTwoUntouched(Api api, Api.Workspace two) {
        JsonPath list = api.as(two.adminSecret()).get("/api/v1/metrics").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("items.key")).containsExactly(ONLY_TWO, SHARED);
        assertThat(list.getList("items.revision", Integer.class)).containsExactly(1, 1);
        assertThat(list.getList("items.name")).containsExactly("Metric only_two", "Shared in two");
        for (String key : List.of(ONLY_TWO, SHARED)) {
            assertThat(api.as(two.adminSecret()).get("/api/v1/metrics/" + key + "/revisions").jsonPath()
                    .getList("items.change")).containsExactly("CREATED");
        }
    }

    /** A GraphQL answer, which is HTTP 200 even when it carries errors. */
    private static JsonPath ok(Response response) {
        return response.then().statusCode(200).extract().jsonPath();
    }
}
