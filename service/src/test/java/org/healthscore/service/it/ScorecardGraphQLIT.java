package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scorecards and framework templates over GraphQL (DESIGN.md 4.2): the same service as REST, so
 * what one writes the other reads, with the same validation (extensions.code VALIDATION and the
 * field paths REST names), optimistic concurrency and roles.
 */
class ScorecardGraphQLIT {

    private static final String RULE = "scoring { type min max steps { upTo score } otherwise }";
    private static final String SCORECARD = """
            key name description framework appliesTo { segments productLines } bands { redBelow greenFrom }
            missingData { policy minCoverage } measures { metric weight group %s } draftRevision latestVersion
            versions { version publishedAt publishedBy } createdAt createdBy updatedAt updatedBy""".formatted(RULE);
    private static final String VERSION = """
            key version name description framework appliesTo { segments productLines } bands { redBelow greenFrom }
            missingData { policy minCoverage } measures { metric weight group %s } publishedAt publishedBy"""
            .formatted(RULE);
    private static final String CREATE = "mutation($in: ScorecardInput!) { createScorecard(input: $in) { "
            + SCORECARD + " } }";
    private static final String UPDATE = "mutation($k: String!, $rev: Int!, $in: ScorecardInput!) {"
            + " updateScorecardDraft(key: $k, expectedRevision: $rev, input: $in) { " + SCORECARD + " } }";
    private static final String PUBLISH = "mutation($k: String!) { publishScorecard(key: $k) { " + VERSION + " } }";
    private static final String READ = "query($k: String!) { scorecard(key: $k) { " + SCORECARD + " } }";

    @BackendTest
    void frameworksAreListed(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String reader = api.newKey(ws.adminSecret(), "READER");
        JsonPath frameworks = data(api.graphql(reader, """
                { frameworks { framework name description measures { weight group %s
                  metric { key name description valueType direction aggregation { function windowDays } tags } } } }"""
                .formatted(RULE), null));
        assertThat(frameworks.getList("data.frameworks.framework")).containsExactlyInAnyOrder("DEAR", "PROVE");
        assertThat(frameworks.getList("data.frameworks.measures", List.class)).allSatisfy(m -> assertThat(m)
                .hasSize(5));
        Map<String, Object> engagement = frameworks.getMap(
                "data.frameworks.find { it.framework == 'PROVE' }.measures[0]");
        assertThat(frameworks.getString("data.frameworks.find { it.framework == 'PROVE' }.measures[0].metric.key"))
                .isEqualTo("user_engagement_pct");
        assertThat(frameworks.getString("data.frameworks.find { it.framework == 'PROVE' }.measures[0].scoring.type"))
                .isEqualTo("THRESHOLDS");
        assertThat(engagement).containsKey("weight");
        // The same templates REST lists.
        JsonPath rest = api.as(reader).get("/api/v1/frameworks").then().statusCode(200).extract().jsonPath();
        assertThat(frameworks.getList("data.frameworks.measures.metric.key"))
                .isEqualTo(rest.getList("measures.metric.key"));
    }

    @BackendTest
    void draftWrittenOverGraphQLReadsTheSameOverRest(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String writer = api.newKey(ws.adminSecret(), "WRITER");
        catalog(api, writer);
        Map<String, Object> input = input("Health");
        input.put("key", "health");
        input.put("appliesTo", Map.of("segments", List.of("SMB", "Mid-market")));
        input.put("bands", Map.of("redBelow", 35, "greenFrom", 80));
        input.put("missingData", Map.of("policy", "ZERO", "minCoverage", 0.75));
        JsonPath created = data(api.graphql(writer, CREATE, Map.of("in", input)));
        Map<String, Object> scorecard = created.getMap("data.createScorecard");
        assertThat(scorecard.get("draftRevision")).isEqualTo(1);
        assertThat(scorecard.get("latestVersion")).isNull();
        assertThat(scorecard.get("createdBy")).isEqualTo("writer key");
        assertThat(created.getList("data.createScorecard.measures.scoring.type"))
                .containsExactly("LINEAR", "THRESHOLDS", "BOOLEAN", "PERCENTILE");
        assertThat(created.getMap("data.createScorecard.measures[1].scoring")).containsEntry("min", null)
                .containsEntry("otherwise", 20.0f);
        assertThat(created.getList("data.createScorecard.measures[1].scoring.steps.upTo", Float.class))
                .containsExactly(1f, 3f);
        assertThat(created.getList("data.createScorecard.appliesTo.productLines")).isEmpty();

        JsonPath rest = api.as(writer).get("/api/v1/scorecards/health").then().statusCode(200).header("ETag", "\"1\"")
                .extract().jsonPath();
        for (String field : List.of("key", "name", "description", "framework", "appliesTo", "bands", "missingData",
                "draftRevision", "latestVersion", "versions", "createdAt", "createdBy", "updatedAt", "updatedBy")) {
            assertThat(scorecard.get(field)).as(field).isEqualTo(rest.get(field));
        }
        assertThat(created.getList("data.createScorecard.measures.metric")).isEqualTo(rest.getList("measures.metric"));
        assertThat(created.getList("data.createScorecard.measures.weight"))
                .isEqualTo(rest.getList("measures.weight"));
        assertThat(created.getMap("data.createScorecard.measures[0].scoring")).containsEntry("type", "LINEAR")
                .containsEntry("min", rest.get("measures[0].scoring.min"))
                .containsEntry("max", rest.get("measures[0].scoring.max"));
        assertThat(rest.getMap("measures[2].scoring")).containsOnly(Map.entry("type", "BOOLEAN"));

        // Read back over GraphQL: the same document.
        assertThat(data(api.graphql(writer, READ, Map.of("k", "health"))).getMap("data.scorecard"))
                .isEqualTo(scorecard);
        assertThat(data(api.graphql(writer, READ, Map.of("k", "absent"))).getString("data.scorecard")).isNull();
    }

    @BackendTest
    void updateNeedsTheCurrentRevisionAndPublishFreezesVersions(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String writer = api.newKey(ws.adminSecret(), "WRITER");
        catalog(api, writer);
        Map<String, Object> input = input("Health v1");
        input.put("key", "health");
        data(api.graphql(writer, CREATE, Map.of("in", input)));

        JsonPath v1 = data(api.graphql(writer, PUBLISH, Map.of("k", "health")));
        assertThat(v1.getInt("data.publishScorecard.version")).isEqualTo(1);
        assertThat(v1.getString("data.publishScorecard.publishedBy")).isEqualTo("writer key");
        assertThat(api.as(writer).get("/api/v1/scorecards/health/versions/1").then().statusCode(200).extract()
                .jsonPath().getString("publishedAt")).isEqualTo(v1.getString("data.publishScorecard.publishedAt"));

        JsonPath updated = data(api.graphql(writer, UPDATE, Map.of("k", "health", "rev", 1,
                "in", input("Health v2"))));
        assertThat(updated.getInt("data.updateScorecardDraft.draftRevision")).isEqualTo(2);
        assertThat(updated.getString("data.updateScorecardDraft.name")).isEqualTo("Health v2");
        assertThat(updated.getInt("data.updateScorecardDraft.latestVersion")).isEqualTo(1);

        JsonPath stale = ok(api.graphql(writer, UPDATE, Map.of("k", "health", "rev", 1, "in", input("Stale"))));
        assertThat(code(stale)).isEqualTo("PRECONDITION_FAILED");
        assertThat(stale.getString("data")).isNull();
        api.as(writer).get("/api/v1/scorecards/health").then().header("ETag", "\"2\"");

        JsonPath v2 = data(api.graphql(writer, PUBLISH, Map.of("k", "health")));
        assertThat(v2.getInt("data.publishScorecard.version")).isEqualTo(2);
        JsonPath versions = data(api.graphql(writer, """
                { one: scorecardVersion(key: "health", version: 1) { name version }
                  two: scorecardVersion(key: "health", version: 2) { name version }
                  three: scorecardVersion(key: "health", version: 3) { name }
                  none: scorecardVersion(key: "absent", version: 1) { name }
                  scorecard(key: "health") { latestVersion versions { version } } }""", null));
        assertThat(versions.getString("data.one.name")).isEqualTo("Health v1");
        assertThat(versions.getString("data.two.name")).isEqualTo("Health v2");
        assertThat(versions.getString("data.three")).isNull();
        assertThat(versions.getString("data.none")).isNull();
        assertThat(versions.getInt("data.scorecard.latestVersion")).isEqualTo(2);
        assertThat(versions.getList("data.scorecard.versions.version", Integer.class)).containsExactly(1, 2);

        JsonPath missing = ok(api.graphql(writer, PUBLISH, Map.of("k", "absent")));
        assertThat(code(missing)).isEqualTo("NOT_FOUND");
        JsonPath missingUpdate = ok(api.graphql(writer, UPDATE, Map.of("k", "absent", "rev", 1, "in",
                input("Absent"))));
        assertThat(code(missingUpdate)).isEqualTo("NOT_FOUND");
    }

    @BackendTest
    void frameworkInstantiationCreatesTheCatalogEntries(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String writer = api.newKey(ws.adminSecret(), "WRITER");
        JsonPath created = data(api.graphql(writer, """
                mutation { createScorecardFromFramework(key: "prove", framework: PROVE, name: "Our PROVE") {
                  key name framework draftRevision measures { metric weight } } }""", null));
        assertThat(created.getString("data.createScorecardFromFramework.name")).isEqualTo("Our PROVE");
        assertThat(created.getString("data.createScorecardFromFramework.framework")).isEqualTo("PROVE");
        assertThat(created.getList("data.createScorecardFromFramework.measures")).hasSize(5);
        JsonPath metrics = data(api.graphql(writer, "{ metrics { nodes { key } } }", null));
        assertThat(metrics.getList("data.metrics.nodes.key")).containsExactly("exec_meetings", "nps",
                "open_p1_tickets", "outcomes_achieved_pct", "user_engagement_pct");

        JsonPath dear = data(api.graphql(writer, """
                mutation { createScorecardFromFramework(key: "dear", framework: DEAR) { name framework } }""", null));
        assertThat(dear.getString("data.createScorecardFromFramework.name")).isEqualTo("DEAR health score");

        // The key is taken: CONFLICT, and no metric is created.
        JsonPath conflict = ok(api.graphql(writer, """
                mutation { createScorecardFromFramework(key: "prove", framework: DEAR) { key } }""", null));
        assertThat(code(conflict)).isEqualTo("CONFLICT");
        JsonPath custom = ok(api.graphql(writer, """
                mutation { createScorecardFromFramework(key: "custom", framework: CUSTOM) { key } }""", null));
        assertThat(code(custom)).isEqualTo("VALIDATION");
        assertThat(custom.getString("errors[0].extensions.errors[0].field")).isEqualTo("framework");
        assertThat(data(api.graphql(writer, "{ metrics { nodes { key } } scorecards { nodes { key } } }", null))
                .getList("data.scorecards.nodes.key")).containsExactly("dear", "prove");
        assertThat(ScorecardBodies.metricKeys(api, writer)).hasSize(10);
    }

    @BackendTest
    void invalidDraftsAreRefusedNamingTheFieldAsRestDoes(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String writer = api.newKey(ws.adminSecret(), "WRITER");
        catalog(api, writer);
        List<Object[]> cases = List.of(
                new Object[] {"weight 0", measure("logins", 0, Map.of("type", "LINEAR", "min", 0, "max", 10)),
                        "measures[0].weight"},
                new Object[] {"LINEAR min >= max", measure("logins", 1, Map.of("type", "LINEAR", "min", 10, "max", 10)),
                        "measures[0].scoring.max"},
                new Object[] {"THRESHOLDS not ascending", measure("logins", 1, Map.of("type", "THRESHOLDS",
                        "steps", List.of(Map.of("upTo", 5, "score", 10), Map.of("upTo", 2, "score", 50)),
                        "otherwise", 100)), "measures[0].scoring.steps[1].upTo"},
                new Object[] {"THRESHOLDS score 101", measure("logins", 1, Map.of("type", "THRESHOLDS",
                        "steps", List.of(Map.of("upTo", 5, "score", 101)), "otherwise", 100)),
                        "measures[0].scoring.steps[0].score"},
                new Object[] {"BOOLEAN on a PERCENT metric", measure("logins", 1, Map.of("type", "BOOLEAN")),
                        "measures[0].scoring.type"},
                new Object[] {"a field BOOLEAN does not have", measure("churn_flag", 1, Map.of("type", "BOOLEAN",
                        "min", 1)), "measures[0].scoring.min"},
                new Object[] {"an unknown metric", measure("nope", 1, Map.of("type", "PERCENTILE")),
                        "measures[0].metric"});
        for (Object[] c : cases) {
            Map<String, Object> input = input("Refused");
            input.put("key", "refused");
            input.put("measures", List.of(c[1]));
            JsonPath refused = ok(api.graphql(writer, CREATE, Map.of("in", input)));
            assertThat(code(refused)).as("code for %s: %s", c[0], refused.prettify()).isEqualTo("VALIDATION");
            assertThat(refused.getList("errors[0].extensions.errors.field")).as("fields for %s", c[0])
                    .containsExactly(c[2]);
            assertThat(refused.getString("data")).isNull();
        }
        Map<String, Object> badBands = input("Bad bands");
        badBands.put("key", "refused");
        badBands.put("bands", Map.of("redBelow", 90, "greenFrom", 10));
        badBands.put("missingData", Map.of("minCoverage", 1.5));
        JsonPath refused = ok(api.graphql(writer, CREATE, Map.of("in", badBands)));
        assertThat(code(refused)).isEqualTo("VALIDATION");
        assertThat(refused.getList("errors[0].extensions.errors.field")).containsExactly("missingData.minCoverage");
        badBands.put("missingData", Map.of("minCoverage", 0.5));
        refused = ok(api.graphql(writer, CREATE, Map.of("in", badBands)));
        assertThat(refused.getList("errors[0].extensions.errors.field")).containsExactly("bands.redBelow");
        // An unknown rule type never reaches the service: the schema's enum refuses it.
        Map<String, Object> unknownType = input("Unknown type");
        unknownType.put("key", "refused");
        unknownType.put("measures", List.of(measure("logins", 1, Map.of("type", "SIGMOID"))));
        assertThat(code(ok(api.graphql(writer, CREATE, Map.of("in", unknownType))))).isEqualTo("VALIDATION");
        api.as(writer).get("/api/v1/scorecards/refused").then().statusCode(404);

        // The same refusals on update, and the draft keeps its revision.
        Map<String, Object> valid = input("Valid");
        valid.put("key", "valid");
        data(api.graphql(writer, CREATE, Map.of("in", valid)));
        Map<String, Object> zeroWeight = input("Zero weight");
        zeroWeight.put("measures", List.of(cases.get(0)[1]));
        JsonPath update = ok(api.graphql(writer, UPDATE, Map.of("k", "valid", "rev", 1, "in", zeroWeight)));
        assertThat(code(update)).isEqualTo("VALIDATION");
        assertThat(update.getList("errors[0].extensions.errors.field")).containsExactly("measures[0].weight");
        api.as(writer).get("/api/v1/scorecards/valid").then().header("ETag", "\"1\"");

        // Publishing an empty draft names its measures.
        data(api.graphql(writer, CREATE, Map.of("in", Map.of("key", "empty", "name", "Empty"))));
        JsonPath empty = ok(api.graphql(writer, PUBLISH, Map.of("k", "empty")));
        assertThat(code(empty)).isEqualTo("VALIDATION");
        assertThat(empty.getList("errors[0].extensions.errors.field")).containsExactly("measures");
    }

    @BackendTest
    void readerMayReadButNotWrite(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String reader = api.newKey(ws.adminSecret(), "READER");
        catalog(api, ws.adminSecret());
        Map<String, Object> existing = input("Existing");
        existing.put("key", "existing");
        data(api.graphql(ws.adminSecret(), CREATE, Map.of("in", existing)));

        Map<String, Object> input = input("By a reader");
        input.put("key", "by_reader");
        List<JsonPath> refusals = List.of(
                ok(api.graphql(reader, CREATE, Map.of("in", input))),
                ok(api.graphql(reader, "mutation { createScorecardFromFramework(key: \"by_reader\", framework: PROVE)"
                        + " { key } }", null)),
                ok(api.graphql(reader, UPDATE, Map.of("k", "existing", "rev", 1, "in", input("By a reader")))),
                ok(api.graphql(reader, PUBLISH, Map.of("k", "existing"))));
        for (JsonPath refused : refusals) {
            assertThat(code(refused)).as(refused.prettify()).isEqualTo("FORBIDDEN");
            assertThat(refused.getString("data")).isNull();
        }
        JsonPath read = data(api.graphql(reader, "{ scorecard(key: \"existing\") { draftRevision latestVersion }"
                + " scorecards { nodes { key } } frameworks { framework } }", null));
        assertThat(read.getInt("data.scorecard.draftRevision")).isEqualTo(1);
        assertThat(read.getString("data.scorecard.latestVersion")).isNull();
        assertThat(read.getList("data.scorecards.nodes.key")).containsExactly("existing");
        assertThat(read.getList("data.frameworks")).hasSize(2);
        assertThat(ScorecardBodies.metricKeys(api, reader)).containsExactly("churn_flag", "logins", "sessions", "tickets");
    }

    @BackendTest
    void scorecardsPageByCursor(Api api) {
        Api.Workspace ws = api.newWorkspace();
        List<String> keys = List.of("sc_a", "sc_b", "sc_c", "sc_d", "sc_e");
        for (String key : keys) {
            data(api.graphql(ws.adminSecret(), CREATE, Map.of("in", Map.of("key", key))));
        }
        List<String> seen = new ArrayList<>();
        List<Boolean> hasNext = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("after", after);
            JsonPath page = data(api.graphql(ws.adminSecret(), """
                    query($after: String) {
                      scorecards(first: 2, after: $after) { edges { cursor node { key } } pageInfo { hasNextPage endCursor } }
                    }""", variables));
            seen.addAll(page.getList("data.scorecards.edges.node.key"));
            hasNext.add(page.getBoolean("data.scorecards.pageInfo.hasNextPage"));
            after = hasNext.get(hasNext.size() - 1) ? page.getString("data.scorecards.pageInfo.endCursor") : null;
        } while (after != null && hasNext.size() < 10);
        assertThat(seen).containsExactlyElementsOf(keys);
        assertThat(hasNext).containsExactly(true, true, false);
        JsonPath badFirst = ok(api.graphql(ws.adminSecret(), "{ scorecards(first: 0) { nodes { key } } }", null));
        assertThat(code(badFirst)).isEqualTo("VALIDATION");
    }

    /** logins (PERCENT), tickets (COUNT), churn_flag (BOOLEAN), sessions (NUMBER). */
    private static void catalog(Api api, String secret) {
        ScorecardBodies.metric(api, secret, "logins", "PERCENT");
        ScorecardBodies.metric(api, secret, "tickets", "COUNT");
        ScorecardBodies.metric(api, secret, "churn_flag", "BOOLEAN");
        ScorecardBodies.metric(api, secret, "sessions", "NUMBER");
    }

    /** A ScorecardInput, without key, with one measure of each rule type. */
    private static Map<String, Object> input(String name) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", name);
        input.put("description", "What *" + name + "* is for.");
        input.put("measures", List.of(
                measure("logins", 3, Map.of("type", "LINEAR", "min", 0, "max", 80)),
                measure("tickets", 2, Map.of("type", "THRESHOLDS", "steps", List.of(Map.of("upTo", 1, "score", 100),
                        Map.of("upTo", 3, "score", 60)), "otherwise", 20)),
                measure("churn_flag", 1, Map.of("type", "BOOLEAN")),
                measure("sessions", 1, Map.of("type", "PERCENTILE"))));
        return input;
    }

    private static Map<String, Object> measure(String metric, Object weight, Map<String, Object> scoring) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metric", metric);
        m.put("weight", weight);
        m.put("group", "Engagement");
        m.put("scoring", scoring);
        return m;
    }

    /** A GraphQL answer, which is HTTP 200 even when it carries errors. */
    static JsonPath ok(Response response) {
        return response.then().statusCode(200).extract().jsonPath();
    }

    /** A GraphQL answer that must have succeeded: data and no errors. */
    static JsonPath data(Response response) {
        JsonPath json = ok(response);
        assertThat(json.getList("errors")).as("errors of %s", json.prettify()).isNull();
        return json;
    }

    static String code(JsonPath json) {
        return json.getString("errors[0].extensions.code");
    }
}
