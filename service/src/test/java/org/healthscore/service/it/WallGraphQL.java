package org.healthscore.service.it;

import static org.healthscore.service.it.HostileBases.map;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GraphQL side of the workspace-walls matrix: each root field called by workspace one's keys
 * with workspace two's keys, ids, cursors and references as arguments, plus nested fields of one's
 * own account and an evaluation asked about two's data.
 */
final class WallGraphQL {

    private final StockedWorkspace one;
    private final StockedWorkspace two;

    WallGraphQL(StockedWorkspace one, StockedWorkspace two) {
        this.one = one;
        this.two = two;
    }

    List<HostileRequest> of(SpecRoutes.RootField root) {
        List<HostileRequest> out = new ArrayList<>();
        for (Map<String, Object> variables : arguments(root.name())) {
            for (String secret : List.of(one.admin(), one.writer, one.reader)) {
                out.add(request(root, HostileGraphQL.document(root), variables, secret));
            }
        }
        if (root.name().equals("Query.account")) {
            String nested = "query($m: String, $s: String) { account(externalId: \"a00\") { externalId "
                    + "observations(metric: $m) { nodes { account metric value } } outcomes { account type } "
                    + "health(scorecard: $s) { score band } history(scorecard: $s) { score } } }";
            out.add(request(root, nested, map("m", two.metricKey, "s", two.scorecardKey), one.reader));
        }
        if (root.name().equals("Query.evaluation")) {
            String nested = "query($id: String!) { evaluation(id: $id) { id falseGreens { count rows(first: 1000) "
                    + "{ nodes { account asOf } } } } }";
            out.add(request(root, nested, map("id", two.evaluationId), one.reader));
            out.add(request(root, nested, map("id", two.jobId), one.reader));
        }
        return out;
    }

    private List<Map<String, Object>> arguments(String field) {
        String cursorOf = switch (field) {
            case "Query.metrics" -> "/api/v1/metrics";
            case "Query.accounts" -> "/api/v1/accounts";
            case "Query.scorecards" -> "/api/v1/scorecards";
            case "Query.jobs" -> "/api/v1/jobs";
            case "Query.evaluations" -> "/api/v1/evaluations";
            case "Query.metricRevisions" -> "/api/v1/metrics/{key}/revisions";
            default -> null;
        };
        String cursor = cursorOf == null ? null : two.cursors.get(cursorOf);
        Map<String, Object> metric = map("key", two.metricKey, "name", "Intruder", "valueType", "NUMBER",
                "direction", "HIGHER_IS_BETTER");
        return switch (field) {
            case "Query.metric" -> List.of(map("key", two.metricKey));
            case "Query.metrics" -> withCursor(cursor, map("first", 1000, "filter", map("tag", "tag-" + two.marker)),
                    map("first", 1000));
            case "Query.metricRevisions" -> List.of(map("key", two.metricKey), map("key", "usage", "after",
                    cursor == null ? "x" : cursor));
            case "Query.account" -> List.of(map("externalId", two.accountId));
            case "Query.accounts" -> withCursor(cursor, map("first", 1000, "filter", map("segment", "Seg" + two.marker)),
                    map("first", 1000, "filter", map("scorecard", two.scorecardKey, "band", "YELLOW")));
            case "Query.frameworks" -> List.of(map());
            case "Query.scorecard" -> List.of(map("key", two.scorecardKey));
            case "Query.scorecards", "Query.jobs" -> withCursor(cursor, map("first", 1000));
            case "Query.scorecardVersion" -> List.of(map("key", two.scorecardKey, "version", 1));
            case "Query.job" -> List.of(map("id", two.jobId), map("id", two.evaluationId));
            case "Query.evaluation" -> List.of(map("id", two.evaluationId), map("id", two.jobId));
            case "Query.evaluations" -> withCursor(cursor, map("scorecard", two.scorecardKey), map("first", 1000));
            case "Mutation.createMetric" -> List.of(map("input", metric));
            case "Mutation.updateMetric" -> List.of(map("key", two.metricKey, "expectedRevision", 1, "input", metric));
            case "Mutation.deleteMetric" -> List.of(map("key", two.metricKey, "expectedRevision", 1));
            case "Mutation.upsertAccount" -> List.of(map("externalId", two.accountId, "input", map("name", "Intruder")));
            case "Mutation.recordObservations" -> List.of(map("observations", List.of(map("account", two.accountId,
                    "metric", two.metricKey, "observedAt", "2025-05-04T00:00:00Z", "value", 1.0))));
            case "Mutation.recordOutcomes" -> List.of(map("outcomes", List.of(map("account", two.accountId,
                    "type", "CHURNED", "occurredAt", "2025-07-02"))));
            case "Mutation.createScorecard" -> List.of(map("input", map("key", "intruder_gql", "measures",
                    List.of(map("metric", two.metricKey, "weight", 1.0, "scoring", map("type", "LINEAR", "min", 0.0,
                            "max", 100.0))))));
            case "Mutation.createScorecardFromFramework" -> List.of(map("key", "intruder_fw", "framework", "DEAR"));
            case "Mutation.updateScorecardDraft" -> List.of(map("key", two.scorecardKey, "expectedRevision", 1,
                    "input", map("name", "Intruder")));
            case "Mutation.publishScorecard" -> List.of(map("key", two.scorecardKey));
            case "Mutation.startRecompute" -> List.of(map("input", map("scorecard", two.scorecardKey)),
                    map("input", map("scorecard", "naive", "asOf", "2025-06-01", "accounts", List.of(two.accountId))));
            case "Mutation.cancelJob" -> List.of(map("id", two.jobId), map("id", two.evaluationId));
            case "Mutation.startEvaluation" -> List.of(map("input", map("scorecard", two.scorecardKey)),
                    map("input", map("scorecard", "naive", "challenger", map("scorecard", two.scorecardKey))));
            case "Mutation.applyEvaluationSuggestions" -> List.of(map("id", two.evaluationId), map("id", two.jobId));
            default -> List.of();
        };
    }

    private static List<Map<String, Object>> withCursor(String cursor, Map<String, Object>... variables) {
        List<Map<String, Object>> out = new ArrayList<>(List.of(variables));
        if (cursor != null) {
            out.add(map("first", 1000, "after", cursor));
        }
        return out;
    }

    private static HostileRequest request(SpecRoutes.RootField root, String query, Map<String, Object> variables,
                                          String secret) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + secret);
        headers.put("Content-Type", "application/json");
        byte[] body = HostileJson.write(map("query", query, "variables", variables)).getBytes(StandardCharsets.UTF_8);
        return new HostileRequest("graphql " + root.name(), String.valueOf(variables), "POST", "/graphql", headers,
                body, true);
    }
}
