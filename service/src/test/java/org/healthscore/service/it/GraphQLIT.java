package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GraphQL endpoint (DESIGN.md 4.2) is the same catalog as REST: what one writes the other
 * reads field for field, with the same auth, roles, optimistic concurrency and validation, and
 * refusals carried as {@code errors[].extensions.code}.
 */
class GraphQLIT {

    /** Every field of the GraphQL Metric type: the same names REST's Metric has. */
    private static final String METRIC_FIELDS = """
            key name description dimension dataSource calculation owner unit valueType direction
            aggregation { function windowDays } tags status revision createdAt createdBy updatedAt updatedBy""";

    private static final String CREATE = "mutation($in: MetricInput!) { createMetric(input: $in) { "
            + METRIC_FIELDS + " } }";
    private static final String UPDATE = "mutation($k: String!, $rev: Int!, $in: MetricInput!) {"
            + " updateMetric(key: $k, expectedRevision: $rev, input: $in) { " + METRIC_FIELDS + " } }";
    private static final String READ = "query($k: String!) { metric(key: $k) { " + METRIC_FIELDS + " } }";

    @BackendTest
    void metricCreatedOverRestReadsTheSameOverGraphQL(Api api) {
        Api.Workspace ws = api.newWorkspace();
        Map<String, Object> body = Api.metric("nps");
        body.put("dataSource", "Survey tool");
        body.put("owner", "CS ops");
        body.put("unit", "points");
        body.put("tags", List.of("voice", "core"));
        Response created = api.createMetric(ws.adminSecret(), body);

        JsonPath graphql = data(api.graphql(ws.adminSecret(), READ, Map.of("k", "nps")));
        Map<String, Object> metric = graphql.getMap("data.metric");
        // Field for field, timestamps included as the very same text.
        assertThat(metric).isEqualTo(created.jsonPath().getMap(""));
        assertThat(metric.get("createdAt")).isEqualTo(created.jsonPath().getString("createdAt"));
        assertThat(graphql.getList("data.metric.tags")).containsExactly("core", "voice");
        assertThat(graphql.getMap("data.metric.aggregation")).containsEntry("function", "AVERAGE")
                .containsEntry("windowDays", 30);
    }

    @BackendTest
    void metricCreatedOverGraphQLReadsTheSameOverRest(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String writer = api.newKey(ws.adminSecret(), "WRITER");
        Map<String, Object> input = input("Weekly active users");
        input.put("key", "wau");
        JsonPath created = data(api.graphql(writer, CREATE, Map.of("in", input)));
        assertThat(created.getInt("data.createMetric.revision")).isEqualTo(1);
        assertThat(created.getString("data.createMetric.createdBy")).isEqualTo("writer key");
        // Omitted status is ACTIVE.
        assertThat(created.getString("data.createMetric.status")).isEqualTo("ACTIVE");

        Response read = api.as(writer).get("/api/v1/metrics/wau");
        read.then().statusCode(200).header("ETag", "\"1\"");
        assertThat(read.jsonPath().getMap("")).isEqualTo(created.getMap("data.createMetric"));
    }

    @BackendTest
    void updateNeedsTheCurrentRevision(Api api) {
        Api.Workspace ws = api.newWorkspace();
        api.createMetric(ws.adminSecret(), Api.metric("logins"));

        JsonPath updated = data(api.graphql(ws.adminSecret(), UPDATE,
                Map.of("k", "logins", "rev", 1, "in", input("Logins per week"))));
        assertThat(updated.getInt("data.updateMetric.revision")).isEqualTo(2);
        assertThat(updated.getString("data.updateMetric.name")).isEqualTo("Logins per week");
        api.as(ws.adminSecret()).get("/api/v1/metrics/logins").then().statusCode(200).header("ETag", "\"2\"");

        // A client still holding revision 1 is told so, and its change is not applied.
        JsonPath stale = ok(api.graphql(ws.adminSecret(), UPDATE,
                Map.of("k", "logins", "rev", 1, "in", input("Stale edit"))));
        assertThat(code(stale)).isEqualTo("PRECONDITION_FAILED");
        assertThat(stale.getString("data")).isNull();
        Response read = api.as(ws.adminSecret()).get("/api/v1/metrics/logins");
        read.then().header("ETag", "\"2\"");
        assertThat(read.jsonPath().getString("name")).isEqualTo("Logins per week");
    }

    @BackendTest
    void invalidInputIsRefusedNamingTheField(Api api) {
        Api.Workspace ws = api.newWorkspace();
        Map<String, Object> input = input("Zero window");
        input.put("key", "zero_window");
        input.put("aggregation", Map.of("function", "SUM", "windowDays", 0));
        JsonPath refused = ok(api.graphql(ws.adminSecret(), CREATE, Map.of("in", input)));
        assertThat(code(refused)).isEqualTo("VALIDATION");
        assertThat(refused.getString("errors[0].extensions.errors[0].field")).isEqualTo("aggregation.windowDays");
        assertThat(refused.getString("errors[0].extensions.errors[0].reason")).isEqualTo("must be between 1 and 730");
        api.as(ws.adminSecret()).get("/api/v1/metrics/zero_window").then().statusCode(404);
    }

    @BackendTest
    void readerCannotMutate(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String reader = api.newKey(ws.adminSecret(), "READER");
        Map<String, Object> input = input("By a reader");
        input.put("key", "by_reader");
        JsonPath refused = ok(api.graphql(reader, CREATE, Map.of("in", input)));
        assertThat(code(refused)).isEqualTo("FORBIDDEN");
        api.as(ws.adminSecret()).get("/api/v1/metrics/by_reader").then().statusCode(404);

        // Reading is what a reader may do.
        assertThat(data(api.graphql(reader, "{ metrics { nodes { key } } }", null))
                .getList("data.metrics.nodes")).isEmpty();
    }

    @BackendTest
    void noOrUnknownKeyIsA401CodedUnauthenticated(Api api) {
        // Without credentials the request itself breaks the contract (it requires bearer auth): bad().
        Response anonymous = api.bad(null).contentType(ContentType.JSON)
                .body(Map.of("query", "{ metrics { nodes { key } } }")).post("/graphql");
        anonymous.then().statusCode(401).contentType(ContentType.JSON)
                .header("WWW-Authenticate", "Bearer realm=\"healthscore\"");
        assertThat(code(anonymous.jsonPath())).isEqualTo("UNAUTHENTICATED");
        assertThat(anonymous.jsonPath().getMap("")).doesNotContainKey("data");

        String unknown = "hs_0000000000_" + "A".repeat(43);
        Response unknownKey = api.graphql(unknown, "{ metrics { nodes { key } } }", null);
        unknownKey.then().statusCode(401);
        assertThat(code(unknownKey.jsonPath())).isEqualTo("UNAUTHENTICATED");
    }

    @BackendTest
    void syntaxErrorIsAValidationError(Api api) {
        Api.Workspace ws = api.newWorkspace();
        JsonPath refused = ok(api.graphql(ws.adminSecret(), "{ metrics { nodes { key }", null));
        assertThat(code(refused)).isEqualTo("VALIDATION");
        assertThat(refused.getString("data")).isNull();

        JsonPath unknownField = ok(api.graphql(ws.adminSecret(), "{ metrics { nodes { password } } }", null));
        assertThat(code(unknownField)).isEqualTo("VALIDATION");
    }

    @BackendTest
    void tooComplexAQueryIsRefusedNamingTheLimit(Api api) {
        Api.Workspace ws = api.newWorkspace();
        api.createMetric(ws.adminSecret(), Api.metric("logins"));
        // 1000 items of 8 fields each cost about 8000, over the 5000 allowed.
        JsonPath refused = ok(api.graphql(ws.adminSecret(), """
                { metrics(first: 1000) { edges { node { key name tags aggregation { function windowDays } } } } }""",
                null));
        assertThat(code(refused)).isEqualTo("VALIDATION");
        assertThat(refused.getString("errors[0].message")).containsIgnoringCase("complexity").contains("5000");
        assertThat(refused.getString("data")).isNull();

        // The same page size passed as a variable costs the same: no way around the limit.
        JsonPath viaVariable = ok(api.graphql(ws.adminSecret(), """
                query($n: Int) { metrics(first: $n) { edges { node { key name tags aggregation { function windowDays } } } } }""",
                Map.of("n", 1000)));
        assertThat(code(viaVariable)).isEqualTo("VALIDATION");

        // Many items of one cheap field stay under it.
        JsonPath cheap = data(api.graphql(ws.adminSecret(), "{ metrics(first: 1000) { nodes { key } } }", null));
        assertThat(cheap.getList("data.metrics.nodes.key")).containsExactly("logins");
    }

    @BackendTest
    void tooDeepAQueryIsRefusedNamingTheLimit(Api api) {
        Api.Workspace ws = api.newWorkspace();
        // The catalog types nest only ~6 deep; introspection's __Type.ofType nests as deep as asked.
        // One level over the limit of 12 is refused, the limit itself is answered.
        JsonPath refused = ok(api.graphql(ws.adminSecret(), typeQuery(13), null));
        assertThat(code(refused)).isEqualTo("VALIDATION");
        assertThat(refused.getString("errors[0].message")).containsIgnoringCase("depth").contains("13 > 12");
        assertThat(refused.getString("data")).isNull();

        JsonPath allowed = data(api.graphql(ws.adminSecret(), typeQuery(12), null));
        assertThat(allowed.getString("data.__type.name")).isEqualTo("Metric");
    }

    /** {@code __type(name: "Metric") { name fields { type { ofType { ... name } } } }}, {@code depth} fields deep. */
    private static String typeQuery(int depth) {
        int ofTypes = depth - 4; // __type, fields, type, and the innermost name
        return "{ __type(name: \"Metric\") { name fields { type { " + "ofType { ".repeat(ofTypes) + "name"
                + " }".repeat(ofTypes) + " } } } }";
    }

    @BackendTest
    void metricsPageByCursorUntilNoNextPage(Api api) {
        Api.Workspace ws = api.newWorkspace();
        List<String> keys = List.of("m_a", "m_b", "m_c", "m_d", "m_e");
        for (String key : keys) {
            api.createMetric(ws.adminSecret(), Api.metric(key));
        }
        List<String> seen = new ArrayList<>();
        List<Boolean> hasNext = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("after", after);
            JsonPath page = data(api.graphql(ws.adminSecret(), """
                    query($after: String) {
                      metrics(first: 2, after: $after) { edges { cursor node { key } } pageInfo { hasNextPage endCursor } }
                    }""", variables));
            List<String> pageKeys = page.getList("data.metrics.edges.node.key");
            seen.addAll(pageKeys);
            hasNext.add(page.getBoolean("data.metrics.pageInfo.hasNextPage"));
            // endCursor is the last edge's cursor: what continues the list.
            assertThat(page.getString("data.metrics.pageInfo.endCursor"))
                    .isEqualTo(page.getList("data.metrics.edges.cursor").get(pageKeys.size() - 1));
            after = hasNext.get(hasNext.size() - 1) ? page.getString("data.metrics.pageInfo.endCursor") : null;
        } while (after != null && hasNext.size() < 10);
        assertThat(seen).containsExactlyElementsOf(keys);
        assertThat(hasNext).containsExactly(true, true, false);
    }

    @BackendTest
    void deleteLeavesATrailOfRevisions(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String writer = api.newKey(ws.adminSecret(), "WRITER");
        api.createMetric(ws.adminSecret(), Api.metric("seats"));
        data(api.graphql(writer, UPDATE, Map.of("k", "seats", "rev", 1, "in", input("Seats used"))));

        JsonPath stale = ok(api.graphql(writer, "mutation { deleteMetric(key: \"seats\", expectedRevision: 1) { key } }",
                null));
        assertThat(code(stale)).isEqualTo("PRECONDITION_FAILED");
        api.as(writer).get("/api/v1/metrics/seats").then().statusCode(200);

        JsonPath deleted = data(api.graphql(writer,
                "mutation { deleteMetric(key: \"seats\", expectedRevision: 2) { key revision } }", null));
        assertThat(deleted.getMap("data.deleteMetric")).containsOnly(Map.entry("key", "seats"), Map.entry("revision", 3));
        api.as(writer).get("/api/v1/metrics/seats").then().statusCode(404);

        JsonPath trail = data(api.graphql(writer, """
                { metricRevisions(key: "seats") { nodes { revision change changedBy changedAt metric { name revision } } } }""",
                null));
        assertThat(trail.getList("data.metricRevisions.nodes.revision", Integer.class)).containsExactly(3, 2, 1);
        assertThat(trail.getList("data.metricRevisions.nodes.change")).containsExactly("DELETED", "UPDATED", "CREATED");
        assertThat(trail.getList("data.metricRevisions.nodes.changedBy"))
                .containsExactly("writer key", "writer key", "first admin key");
        assertThat(trail.getList("data.metricRevisions.nodes.metric.name"))
                .containsExactly("Seats used", "Seats used", "Metric seats");
        assertThat(trail.getList("data.metricRevisions.nodes.metric.revision", Integer.class)).containsExactly(3, 2, 1);
        // The same trail REST shows.
        assertThat(api.as(writer).get("/api/v1/metrics/seats/revisions").jsonPath().getList("items.changedAt"))
                .isEqualTo(trail.getList("data.metricRevisions.nodes.changedAt"));
    }

    /** A full MetricInput, as GraphQL variables, named {@code name}. */
    private static Map<String, Object> input(String name) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", name);
        input.put("description", "What *" + name + "* counts.");
        input.put("dimension", "ENGAGEMENT");
        input.put("valueType", "COUNT");
        input.put("direction", "HIGHER_IS_BETTER");
        input.put("aggregation", Map.of("function", "SUM", "windowDays", 7));
        input.put("tags", List.of("weekly"));
        return input;
    }

    /** A GraphQL answer, which is HTTP 200 even when it carries errors. */
    private static JsonPath ok(Response response) {
        return response.then().statusCode(200).extract().jsonPath();
    }

    /** A GraphQL answer that must have succeeded: data and no errors. */
    private static JsonPath data(Response response) {
        JsonPath json = ok(response);
        assertThat(json.getList("errors")).as("errors of %s", json.prettify()).isNull();
        return json;
    }

    private static String code(JsonPath json) {
        return json.getString("errors[0].extensions.code");
    }
}
