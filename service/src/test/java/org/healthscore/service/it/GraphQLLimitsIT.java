package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.Map;

/**
 * What one GraphQL request may ask for (the {@code graphql.*} settings): operations per document,
 * aliased fields, depth and complexity. Each refusal happens before anything runs, is coded
 * VALIDATION and names its setting in {@code extensions.limit}; the limit itself is still served.
 */
class GraphQLLimitsIT {

    @BackendTest
    void moreAliasesThanAllowedAreRefusedNamingTheLimit(Api api) {
        String reader = api.newKey(api.newWorkspace().adminSecret(), "READER");
        JsonPath refused = ok(api.graphql(reader, aliases(31), null));
        assertRefused(refused, "graphql.maxAliases", 30);
        assertThat(refused.getString("errors[0].message")).contains("31 aliased fields").contains("allows 30");

        JsonPath allowed = ok(api.graphql(reader, aliases(30), null));
        assertThat((Object) allowed.get("errors")).isNull();
        assertThat(allowed.getList("data.f29.framework")).containsExactly("DEAR", "PROVE");
    }

    @BackendTest
    void aliasesHiddenInFragmentsCountToo(Api api) {
        String reader = api.newKey(api.newWorkspace().adminSecret(), "READER");
        StringBuilder fragment = new StringBuilder("fragment many on Query {");
        for (int i = 0; i < 31; i++) {
            fragment.append(" f").append(i).append(": frameworks { framework }");
        }
        fragment.append(" }");
        JsonPath refused = ok(api.graphql(reader, "{ ...many } " + fragment, null));
        assertRefused(refused, "graphql.maxAliases", 30);
    }

    @BackendTest
    void moreOperationsThanAllowedAreRefusedNamingTheLimit(Api api) {
        String reader = api.newKey(api.newWorkspace().adminSecret(), "READER");
        JsonPath refused = ok(api.graphql(reader, operations(11), Map.of()));
        assertRefused(refused, "graphql.maxOperations", 10);
        assertThat(refused.getString("errors[0].message")).contains("11 operations");

        JsonPath allowed = ok(api.as(reader).contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("query", operations(10), "operationName", "op9")).post("/graphql"));
        assertThat((Object) allowed.get("errors")).isNull();
        assertThat(allowed.getList("data.frameworks.framework")).containsExactly("DEAR", "PROVE");
    }

    @BackendTest
    void depthAndComplexityRefusalsNameTheirSettings(Api api) {
        String reader = api.newKey(api.newWorkspace().adminSecret(), "READER");
        String deep = "{ __type(name: \"Metric\") { name fields { type { " + "ofType { ".repeat(9) + "name"
                + " }".repeat(9) + " } } } }";
        JsonPath tooDeep = ok(api.graphql(reader, deep, null));
        assertRefused(tooDeep, "graphql.maxDepth", 12);
        assertThat(tooDeep.getString("errors[0].message")).contains("13 levels deep");

        JsonPath tooCostly = ok(api.graphql(reader, """
                { metrics(first: 1000) { edges { node { key name tags aggregation { function windowDays } } } } }""",
                null));
        assertRefused(tooCostly, "graphql.maxComplexity", 5000);
    }

    @BackendTest
    void pageSizesOverTheCapAreRefusedNamingTheArgument(Api api) {
        String admin = api.newWorkspace().adminSecret();
        JsonPath refused = ok(api.graphql(admin, "{ metrics(first: 1001) { nodes { key } } }", null));
        assertThat(refused.getString("errors[0].extensions.code")).isEqualTo("VALIDATION");
        assertThat(refused.getString("errors[0].message")).contains("first").contains("1000");

        // REST: 400 naming limit (DESIGN.md 4.1: at most 1,000, beyond is a 400), on every list.
        for (String list : new String[] {"/api/v1/metrics", "/api/v1/accounts", "/api/v1/audit", "/api/v1/keys",
                "/api/v1/jobs", "/api/v1/scorecards", "/api/v1/evaluations"}) {
            JsonPath problem = api.bad(admin).queryParam("limit", 1001).get(list).then().statusCode(400)
                    .contentType("application/problem+json").extract().jsonPath();
            assertThat(problem.getList("errors.field")).as(list).containsExactly("limit");
        }
        api.as(admin).queryParam("limit", 1000).get("/api/v1/audit").then().statusCode(200);
    }

    private static void assertRefused(JsonPath refused, String setting, int allowed) {
        assertThat(refused.getString("errors[0].extensions.code")).isEqualTo("VALIDATION");
        assertThat(refused.getString("errors[0].extensions.limit")).isEqualTo(setting);
        assertThat(refused.getInt("errors[0].extensions.allowed")).isEqualTo(allowed);
        assertThat(refused.getString("errors[0].message")).contains(setting);
        assertThat(refused.getString("data")).isNull();
    }

    /** {@code n} aliases of the cheapest field. */
    private static String aliases(int n) {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            query.append(" f").append(i).append(": frameworks { framework }");
        }
        return query.append(" }").toString();
    }

    /** {@code n} named operations op0..; a request must name the one to run. */
    private static String operations(int n) {
        StringBuilder document = new StringBuilder();
        for (int i = 0; i < n; i++) {
            document.append("query op").append(i).append(" { frameworks { framework } } ");
        }
        return document.toString();
    }

    private static JsonPath ok(io.restassured.response.Response response) {
        return response.then().statusCode(200).extract().jsonPath();
    }
}
