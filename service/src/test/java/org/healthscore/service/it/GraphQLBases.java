package org.healthscore.service.it;

import static org.healthscore.service.it.HostileBases.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * For each GraphQL root field, arguments the hostile variants start from: valid and naming the
 * stocked workspace's data, so a variant is refused for its one change. As for REST, mutations
 * whose plain call would change data without being refused name nothing (publish, apply), or
 * something they cannot change (deleting a metric in use, cancelling a job that has ended).
 */
final class GraphQLBases {

    private GraphQLBases() {
    }

    static Map<String, Object> arguments(String field, StockedWorkspace ws, Map<String, String> etags) {
        int metricRevision = Integer.parseInt(etags.get("metric").replace("\"", ""));
        int draftRevision = Integer.parseInt(etags.get("scorecard").replace("\"", ""));
        return switch (field) {
            case "Query.metric", "Query.metricRevisions" -> map("key", "usage", "first", 2);
            case "Query.metrics", "Query.accounts", "Query.scorecards", "Query.jobs", "Query.evaluations" ->
                    map("first", 2);
            case "Query.account" -> map("externalId", "a00");
            case "Query.scorecard" -> map("key", "naive");
            case "Query.scorecardVersion" -> map("key", "naive", "version", 1);
            case "Query.job" -> map("id", ws.jobId);
            case "Query.evaluation" -> map("id", ws.evaluationId);
            case "Mutation.createMetric" -> map("input", metric("hostile_gql"));
            case "Mutation.updateMetric" -> map("key", "usage", "expectedRevision", metricRevision,
                    "input", metric("usage"));
            case "Mutation.deleteMetric" -> map("key", "usage", "expectedRevision", metricRevision);
            case "Mutation.upsertAccount" -> map("externalId", "a00", "input", map("name", "Renamed",
                    "segment", "ENT", "startDate", "2024-06-01", "arr", 10.5,
                    "attributes", list(map("name", "region", "value", "EMEA"))));
            case "Mutation.recordObservations" -> map("observations", list(
                    map("account", "a00", "metric", "usage", "observedAt", "2030-01-01T00:00:00Z", "value", 1.0),
                    map("account", "a01", "metric", "usage", "observedAt", "2030-01-02T00:00:00Z", "value", 2.0)));
            case "Mutation.recordOutcomes" -> map("outcomes", list(
                    map("account", "a00", "type", "RENEWED", "occurredAt", "2030-01-01"),
                    map("account", "a01", "type", "CONTRACTED", "occurredAt", "2030-01-02", "amount", 10.0)));
            case "Mutation.createScorecard" -> map("input", scorecard("hostile_gql_sc"));
            case "Mutation.createScorecardFromFramework" -> map("key", "hostile_fw", "framework", "DEAR",
                    "name", "From a template");
            case "Mutation.updateScorecardDraft" -> map("key", "naive", "expectedRevision", draftRevision,
                    "input", scorecard("naive"));
            case "Mutation.publishScorecard" -> map("key", "no_such_scorecard");
            case "Mutation.startRecompute" -> map("input", map("scorecard", "naive", "asOf", "2030-01-01",
                    "stepDays", 30, "accounts", list("a00")), "idempotencyKey", "hostile-recompute");
            case "Mutation.cancelJob" -> map("id", ws.jobId);
            case "Mutation.startEvaluation" -> map("input", map("scorecard", "naive", "asOfFrom", "2025-03-01",
                    "asOfTo", "2025-11-26", "stepDays", 30, "horizonDays", 90, "outcome", "CHURN",
                    "source", "BACKTEST", "outcomesKnownThrough", Evaluations.KNOWN_THROUGH,
                    "challenger", map("scorecard", "naive", "version", 1)), "idempotencyKey", "hostile-evaluation");
            case "Mutation.applyEvaluationSuggestions" -> map("id", HostileBases.NOWHERE);
            default -> map();
        };
    }

    private static Map<String, Object> metric(String key) {
        return map("key", key, "name", "Metric " + key, "valueType", "NUMBER", "direction", "HIGHER_IS_BETTER",
                "aggregation", map("function", "LATEST", "windowDays", 45), "tags", list("core"), "status", "ACTIVE");
    }

    private static Map<String, Object> scorecard(String key) {
        return map("key", key, "name", "Hostile", "framework", "CUSTOM",
                "appliesTo", map("segments", list("ENT")), "bands", map("redBelow", 40.0, "greenFrom", 70.0),
                "missingData", map("policy", "RENORMALIZE", "minCoverage", 0.6),
                "measures", list(map("metric", "usage", "weight", 1.0, "group", "Engagement",
                        "scoring", map("type", "LINEAR", "min", 0.0, "max", 100.0)),
                        map("metric", "tickets", "weight", 2.0, "scoring", map("type", "THRESHOLDS",
                                "steps", list(map("upTo", 1.0, "score", 100.0)), "otherwise", 0.0))));
    }

    private static List<Object> list(Object... items) {
        return new ArrayList<>(List.of(items));
    }
}
