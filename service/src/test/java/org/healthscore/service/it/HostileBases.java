package org.healthscore.service.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For each route of openapi.yaml, the request the hostile variants start from: the caller, path
 * parameters naming the stocked workspace's data, required headers, and a body. Bodies are valid
 * (so each variant is refused for its one hostile change, not for something else), and bulk
 * bodies hold a valid NEW row first: a refused request that stored it would show in the checksum.
 * Routes without a body whose plain call would change data (revoke, publish, apply) name an id
 * that exists nowhere, so no variant of them can succeed.
 */
final class HostileBases {

    enum BodyKind { NONE, JSON, BULK, MULTIPART }

    record Base(String secret, Map<String, String> pathParams, Map<String, String> headers, BodyKind kind,
                Object body) {
    }

    static final String NOWHERE = "00000000-0000-4000-8000-00000000dead";

    private HostileBases() {
    }

    static Base of(SpecRoutes.Route route, StockedWorkspace ws, Map<String, String> etags) {
        String admin = ws.admin();
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        String op = route.operation().getOperationId();
        switch (op) {
            case "createWorkspace":
                return new Base(Backend.BOOTSTRAP, path, headers, BodyKind.JSON, map("name", "hostile workspace"));
            case "listWorkspaces":
                return new Base(Backend.BOOTSTRAP, path, headers, BodyKind.NONE, null);
            case "createKey":
                return json(admin, path, headers, map("name", "hostile key", "role", "READER"));
            case "revokeKey":
                path.put("id", NOWHERE);
                break;
            case "createMetric":
                return json(admin, path, headers, Api.metric("hostile_new"));
            case "getMetric", "listMetricRevisions":
                path.put("key", "usage");
                break;
            case "updateMetric": {
                path.put("key", "usage");
                headers.put("If-Match", etags.get("metric"));
                Map<String, Object> body = Api.metric("usage");
                body.put("name", "Renamed by a hostile request");
                return json(admin, path, headers, body);
            }
            case "deleteMetric":
                // usage has observations: deleting it is a 409 whatever else the variant does.
                path.put("key", "usage");
                break;
            case "getAccount", "listAccountOutcomes", "listAccountObservations", "getAccountHealth",
                 "getAccountHealthHistory":
                path.put("externalId", "a00");
                break;
            case "putAccount":
                path.put("externalId", "a00");
                return json(admin, path, headers, map("name", "Renamed", "segment", "ENT", "startDate",
                        "2024-06-01"));
            case "upsertAccounts":
                return bulk(admin, map("externalId", "hostile-new-account", "segment", "SMB"),
                        map("externalId", "a01", "segment", "SMB", "startDate", "2024-06-01"));
            case "ingestObservations":
                return bulk(admin, map("account", "a00", "metric", "usage", "observedAt", "2030-01-01T00:00:00Z",
                        "value", 1), map("account", "a01", "metric", "usage", "observedAt", "2030-01-02", "value", 2));
            case "ingestOutcomes":
                return bulk(admin, map("account", "a00", "type", "RENEWED", "occurredAt", "2030-01-01"),
                        map("account", "a01", "type", "CONTRACTED", "occurredAt", "2030-01-02", "amount", 10));
            case "importWide":
                return new Base(admin, path, headers, BodyKind.MULTIPART, wideMapping());
            case "createScorecard":
                return json(admin, path, headers, scorecard("hostile_sc"));
            case "getScorecard":
                path.put("key", "naive");
                break;
            case "updateScorecardDraft":
                path.put("key", "naive");
                headers.put("If-Match", etags.get("scorecard"));
                return json(admin, path, headers, scorecard("naive"));
            case "publishScorecard":
                path.put("key", "no_such_scorecard");
                break;
            case "getScorecardVersion":
                path.put("key", "naive");
                path.put("version", "1");
                break;
            case "computeScores":
                return json(admin, path, headers, map("scorecard", "naive", "asOf", "2025-06-01",
                        "accounts", new ArrayList<>(List.of("a00", "a01"))));
            case "startRecompute":
                return json(admin, path, headers, map("scorecard", "naive", "asOf", "2030-01-01"));
            case "getJob":
                path.put("id", ws.jobId);
                break;
            case "cancelJob":
                // The stocked job has ended: cancelling it is a 409.
                path.put("id", ws.jobId);
                break;
            case "startEvaluation":
                return json(admin, path, headers, new LinkedHashMap<>(Evaluations.request("naive")));
            case "getEvaluation", "listFalseGreens", "downloadFalseGreens", "getEvaluationReportPage":
                path.put("id", ws.evaluationId);
                break;
            case "applyEvaluationSuggestions":
                path.put("id", NOWHERE);
                break;
            case "getOpenApi":
                return new Base(null, path, headers, BodyKind.NONE, null);
            default:
                break;
        }
        return new Base(admin, path, headers, BodyKind.NONE, null);
    }

    /** The wide import's mapping; the file is {@link #WIDE_FILE}. */
    static Map<String, Object> wideMapping() {
        return map("accountColumn", "id", "segmentColumn", "seg", "observedAt", "2030-01-01T00:00:00Z",
                "metrics", new ArrayList<>(List.of(map("column", "tenure", "metric", "usage",
                        "values", map("high", 90)))),
                "outcome", map("column", "churn", "when", "Yes", "type", "CHURNED", "occurredAt", "2030-02-01"));
    }

    /** A valid new row first, so a half-stored refused import shows. */
    static final String WIDE_FILE = "id,seg,tenure,churn\na00,ENT,5,No\n";

    static Map<String, Object> scorecard(String key) {
        return new LinkedHashMap<>(ScorecardBodies.draft(key, "Hostile", List.of(
                ScorecardBodies.measure("usage", 1, ScorecardBodies.linear(0, 100)),
                ScorecardBodies.measure("tickets", 2, ScorecardBodies.thresholds(List.of(
                        ScorecardBodies.step(1, 100), ScorecardBodies.step(3, 50)), 0)))));
    }

    private static Base json(String secret, Map<String, String> path, Map<String, String> headers, Object body) {
        return new Base(secret, path, headers, BodyKind.JSON, body);
    }

    private static Base bulk(String secret, Map<String, Object> validNewRow, Map<String, Object> row) {
        return new Base(secret, new LinkedHashMap<>(), new LinkedHashMap<>(), BodyKind.BULK,
                new ArrayList<>(List.of(validNewRow, row)));
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
