package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthscore.service.it.Ingest.obs;
import static org.healthscore.service.it.Ingest.outcome;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accounts, observations and outcomes over GraphQL (DESIGN.md 4.2): the same rules and the same
 * rows as REST. What one writes the other reads, field for field.
 */
class IngestGraphQLIT {

    static final String UPSERT = """
            mutation($id: String!, $in: AccountInput!) {
              upsertAccount(externalId: $id, input: $in) {
                externalId name segment productLine arr owner startDate renewalDate
                attributes { name value } createdAt updatedAt
              }
            }""";
    static final String RECORD_OBSERVATIONS = """
            mutation($rows: [ObservationInput!]!) {
              recordObservations(observations: $rows) { inserted updated unchanged }
            }""";
    static final String RECORD_OUTCOMES = """
            mutation($rows: [OutcomeInput!]!) {
              recordOutcomes(outcomes: $rows) { inserted updated unchanged }
            }""";
    private static final String ACCOUNT = """
            query($id: String!, $metric: String, $from: DateTime, $to: DateTime, $first: Int, $after: String) {
              account(externalId: $id) {
                externalId segment
                observations(metric: $metric, from: $from, to: $to, first: $first, after: $after) {
                  nodes { metric value observedAt }
                  pageInfo { hasNextPage endCursor }
                }
                outcomes { type occurredAt amount }
              }
            }""";

    @BackendTest
    void anAccountUpsertedOverGraphQLReadsTheSameOverRest(Api api) {
        String writer = api.newKey(api.newWorkspace().adminSecret(), "WRITER");
        Map<String, Object> input = new HashMap<>();
        input.put("name", "Acme Corp");
        input.put("segment", "Enterprise");
        input.put("productLine", "Analytics");
        input.put("arr", 1200.5);
        input.put("owner", "dana");
        input.put("startDate", "2024-02-01");
        input.put("renewalDate", "2026-01-31");
        input.put("attributes", List.of(Map.of("name", "tier", "value", "gold"), Map.of("name", "region", "value", "EMEA")));

        JsonPath created = data(api.graphql(writer, UPSERT, Map.of("id", "acme", "in", input)));
        Map<String, Object> account = created.getMap("data.upsertAccount");
        assertThat(account).containsEntry("externalId", "acme").containsEntry("name", "Acme Corp")
                .containsEntry("segment", "Enterprise").containsEntry("productLine", "Analytics")
                .containsEntry("owner", "dana").containsEntry("startDate", "2024-02-01")
                .containsEntry("renewalDate", "2026-01-31");
        assertThat(created.getDouble("data.upsertAccount.arr")).isEqualTo(1200.5);
        // Attributes come back as name/value pairs in name order.
        assertThat(created.getList("data.upsertAccount.attributes.name")).containsExactly("region", "tier");
        assertThat(created.getList("data.upsertAccount.attributes.value")).containsExactly("EMEA", "gold");

        JsonPath rest = Ingest.json(api.raw(writer).get("/api/v1/accounts/acme"), 200);
        assertThat(rest.getString("name")).isEqualTo("Acme Corp");
        assertThat(rest.getString("segment")).isEqualTo("Enterprise");
        assertThat(rest.getString("productLine")).isEqualTo("Analytics");
        assertThat(rest.getDouble("arr")).isEqualTo(1200.5);
        assertThat(rest.getString("owner")).isEqualTo("dana");
        assertThat(rest.getString("startDate")).isEqualTo("2024-02-01");
        assertThat(rest.getString("renewalDate")).isEqualTo("2026-01-31");
        assertThat(rest.getMap("attributes")).containsExactlyInAnyOrderEntriesOf(
                Map.of("region", "EMEA", "tier", "gold"));
        assertThat(rest.getString("createdAt")).isEqualTo(account.get("createdAt"));
        assertThat(rest.getString("updatedAt")).isEqualTo(account.get("updatedAt"));

        // The same input again changes nothing: the very same updatedAt.
        JsonPath again = data(api.graphql(writer, UPSERT, Map.of("id", "acme", "in", input)));
        assertThat(again.getString("data.upsertAccount.updatedAt")).isEqualTo(account.get("updatedAt"));

        // Rules are REST's: a negative arr is refused and nothing changes.
        input.put("arr", -1);
        JsonPath refused = ok(api.graphql(writer, UPSERT, Map.of("id", "acme", "in", input)));
        assertThat(refused.getString("errors[0].extensions.code")).isEqualTo("VALIDATION");
        assertThat(refused.getString("errors[0].extensions.errors[0].field")).isEqualTo("arr");
        assertThat(Ingest.json(api.raw(writer).get("/api/v1/accounts/acme"), 200).getDouble("arr")).isEqualTo(1200.5);
    }

    @BackendTest
    void observationsAndOutcomesRecordedOverGraphQLAreCountedAndReadBack(Api api) {
        String writer = api.newKey(api.newWorkspace().adminSecret(), "WRITER");
        api.createMetric(writer, Api.metric("uptime"));
        api.createMetric(writer, Api.metric("adoption"));
        data(api.graphql(writer, UPSERT, Map.of("id", "acme", "in", Map.of("segment", "Enterprise"))));

        List<Map<String, Object>> rows = new ArrayList<>();
        for (int day = 1; day <= 4; day++) {
            rows.add(Map.of("account", "acme", "metric", "uptime", "observedAt", "2026-01-0" + day + "T00:00:00Z",
                    "value", 90 + day));
        }
        rows.add(Map.of("account", "acme", "metric", "adoption", "observedAt", "2026-01-02T00:00:00Z", "value", 40.5));
        assertThat(counts(data(api.graphql(writer, RECORD_OBSERVATIONS, Map.of("rows", rows))), "recordObservations"))
                .isEqualTo(Ingest.counts(5, 0, 0));
        assertThat(counts(data(api.graphql(writer, RECORD_OBSERVATIONS, Map.of("rows", rows))), "recordObservations"))
                .isEqualTo(Ingest.counts(0, 0, 5));
        rows.set(0, Map.of("account", "acme", "metric", "uptime", "observedAt", "2026-01-01T00:00:00Z", "value", 50));
        assertThat(counts(data(api.graphql(writer, RECORD_OBSERVATIONS, Map.of("rows", rows))), "recordObservations"))
                .isEqualTo(Ingest.counts(0, 1, 4));

        List<Map<String, Object>> outcomes = List.of(
                Map.of("account", "acme", "type", "EXPANDED", "occurredAt", "2026-02-01", "amount", 500),
                Map.of("account", "acme", "type", "RENEWED", "occurredAt", "2026-03-01"));
        assertThat(counts(data(api.graphql(writer, RECORD_OUTCOMES, Map.of("rows", outcomes))), "recordOutcomes"))
                .isEqualTo(Ingest.counts(2, 0, 0));
        assertThat(counts(data(api.graphql(writer, RECORD_OUTCOMES, Map.of("rows", outcomes))), "recordOutcomes"))
                .isEqualTo(Ingest.counts(0, 0, 2));

        // REST sees exactly what GraphQL wrote.
        assertThat(Ingest.observationsOf(api, writer, "acme", null)).containsExactlyInAnyOrder(
                obs("acme", "uptime", "2026-01-04T00:00:00Z", 94), obs("acme", "uptime", "2026-01-03T00:00:00Z", 93),
                obs("acme", "uptime", "2026-01-02T00:00:00Z", 92), obs("acme", "adoption", "2026-01-02T00:00:00Z", 40.5),
                obs("acme", "uptime", "2026-01-01T00:00:00Z", 50));
        assertThat(Ingest.outcomesOf(api, writer, "acme")).containsExactly(
                outcome("acme", "EXPANDED", "2026-02-01", 500.0), outcome("acme", "RENEWED", "2026-03-01", null));

        // One metric in the window (2026-01-01, 2026-01-04], two at a time, newest first.
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", "acme");
        variables.put("metric", "uptime");
        variables.put("from", "2026-01-01T00:00:00Z");
        variables.put("to", "2026-01-04T00:00:00Z");
        variables.put("first", 2);
        JsonPath first = data(api.graphql(writer, ACCOUNT, variables));
        assertThat(first.getString("data.account.segment")).isEqualTo("Enterprise");
        assertThat(first.getList("data.account.observations.nodes.observedAt"))
                .containsExactly("2026-01-04T00:00:00Z", "2026-01-03T00:00:00Z");
        assertThat(first.getList("data.account.observations.nodes.value", Double.class)).containsExactly(94.0, 93.0);
        assertThat(first.getList("data.account.observations.nodes.metric")).containsOnly("uptime");
        assertThat(first.getBoolean("data.account.observations.pageInfo.hasNextPage")).isTrue();
        assertThat(first.getList("data.account.outcomes.type")).containsExactly("EXPANDED", "RENEWED");
        assertThat(first.getList("data.account.outcomes.occurredAt")).containsExactly("2026-02-01", "2026-03-01");
        assertThat(first.getDouble("data.account.outcomes[0].amount")).isEqualTo(500.0);
        assertThat(first.getString("data.account.outcomes[1].amount")).isNull();

        variables.put("after", first.getString("data.account.observations.pageInfo.endCursor"));
        JsonPath second = data(api.graphql(writer, ACCOUNT, variables));
        assertThat(second.getList("data.account.observations.nodes.observedAt"))
                .containsExactly("2026-01-02T00:00:00Z");
        assertThat(second.getBoolean("data.account.observations.pageInfo.hasNextPage")).isFalse();

        // Without filters: every observation of the account.
        JsonPath all = data(api.graphql(writer, ACCOUNT, Map.of("id", "acme")));
        assertThat(all.getList("data.account.observations.nodes")).hasSize(5);
    }

    @BackendTest
    void badRowsOverGraphQLAreValidationErrorsWithLinesAndStoreNothing(Api api) {
        String writer = api.newKey(api.newWorkspace().adminSecret(), "WRITER");
        api.createMetric(writer, Api.metric("uptime"));
        data(api.graphql(writer, UPSERT, Map.of("id", "acme", "in", Map.of("segment", "Enterprise"))));
        Ingest.Stored before = Ingest.stored(api, writer);

        // The good first row is not stored either; the line is the row's position in the list.
        List<Map<String, Object>> rows = List.of(
                Map.of("account", "acme", "metric", "uptime", "observedAt", "2026-01-01T00:00:00Z", "value", 50),
                Map.of("account", "acme", "metric", "uptime", "observedAt", "2026-01-02T00:00:00Z", "value", 101),
                Map.of("account", "ghost", "metric", "uptime", "observedAt", "2026-01-03T00:00:00Z", "value", 1));
        JsonPath refused = ok(api.graphql(writer, RECORD_OBSERVATIONS, Map.of("rows", rows)));
        assertThat(refused.getString("errors[0].extensions.code")).isEqualTo("VALIDATION");
        assertThat(refused.getList("errors[0].extensions.errors.field")).containsExactly("value", "account");
        assertThat(refused.getList("errors[0].extensions.errors.line", Integer.class)).containsExactly(2, 3);

        JsonPath outcome = ok(api.graphql(writer, RECORD_OUTCOMES, Map.of("rows", List.of(
                Map.of("account", "acme", "type", "CHURNED", "occurredAt", "2026-02-01", "amount", 1.005)))));
        assertThat(outcome.getString("errors[0].extensions.code")).isEqualTo("VALIDATION");
        assertThat(outcome.getString("errors[0].extensions.errors[0].field")).isEqualTo("amount");
        assertThat(Ingest.stored(api, writer)).isEqualTo(before);
    }

    @BackendTest
    void theAccountsConnectionFiltersBySegmentAndPages(Api api) {
        String writer = api.newKey(api.newWorkspace().adminSecret(), "WRITER");
        for (String[] a : new String[][] {{"a-1", "Enterprise"}, {"a-2", "SMB"}, {"a-3", "Enterprise"},
                {"a-4", "Enterprise"}}) {
            data(api.graphql(writer, UPSERT, Map.of("id", a[0], "in", Map.of("segment", a[1], "productLine", "Core"))));
        }
        String query = """
                query($filter: AccountFilter, $first: Int, $after: String) {
                  accounts(filter: $filter, first: $first, after: $after) {
                    edges { cursor node { externalId segment } }
                    nodes { externalId }
                    pageInfo { hasNextPage endCursor }
                  }
                }""";
        Map<String, Object> variables = new HashMap<>();
        variables.put("filter", Map.of("segment", "Enterprise"));
        variables.put("first", 2);
        JsonPath first = data(api.graphql(writer, query, variables));
        assertThat(first.getList("data.accounts.nodes.externalId")).containsExactly("a-1", "a-3");
        assertThat(first.getList("data.accounts.edges.node.segment")).containsOnly("Enterprise");
        assertThat(first.getBoolean("data.accounts.pageInfo.hasNextPage")).isTrue();
        assertThat(first.getString("data.accounts.pageInfo.endCursor"))
                .isEqualTo(first.getString("data.accounts.edges[1].cursor"));

        variables.put("after", first.getString("data.accounts.pageInfo.endCursor"));
        JsonPath second = data(api.graphql(writer, query, variables));
        assertThat(second.getList("data.accounts.nodes.externalId")).containsExactly("a-4");
        assertThat(second.getBoolean("data.accounts.pageInfo.hasNextPage")).isFalse();

        JsonPath smb = data(api.graphql(writer, query, Map.of("filter", Map.of("segment", "SMB", "productLine", "Core"))));
        assertThat(smb.getList("data.accounts.nodes.externalId")).containsExactly("a-2");
        JsonPath everyone = data(api.graphql(writer, query, Map.of()));
        assertThat(everyone.getList("data.accounts.nodes.externalId")).containsExactly("a-1", "a-2", "a-3", "a-4");
    }

    // ---- helpers ----

    private static Ingest.Counts counts(JsonPath json, String mutation) {
        return Ingest.counts(json.getLong("data." + mutation + ".inserted"), json.getLong("data." + mutation + ".updated"),
                json.getLong("data." + mutation + ".unchanged"));
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
}
