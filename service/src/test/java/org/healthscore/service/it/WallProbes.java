package org.healthscore.service.it;

import static org.healthscore.service.it.HostileBases.map;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests of the workspace-walls matrix: for a route of openapi.yaml, every way a key of
 * workspace one can point at workspace two's data: two's ids in the path, two's cursors and filter
 * values in the query, two's accounts, metrics and scorecards in the body; each sent with one's
 * ADMIN, WRITER and READER keys.
 */
final class WallProbes {

    private final StockedWorkspace one;
    private final StockedWorkspace two;

    WallProbes(StockedWorkspace one, StockedWorkspace two) {
        this.one = one;
        this.two = two;
    }

    List<HostileRequest> of(SpecRoutes.Route route) {
        List<HostileRequest> out = new ArrayList<>();
        List<Map<String, String>> paths = pathParams(route);
        List<String> queries = queries(route);
        List<String> bodies = bodies(route.operation().getOperationId());
        for (String secret : List.of(one.admin(), one.writer, one.reader)) {
            for (Map<String, String> params : paths) {
                String path = route.path();
                for (Map.Entry<String, String> p : params.entrySet()) {
                    path = path.replace("{" + p.getKey() + "}", HostileRest.encode(p.getValue()));
                }
                for (String query : queries) {
                    for (String body : bodies) {
                        Map<String, String> headers = new LinkedHashMap<>();
                        headers.put("Authorization", "Bearer " + secret);
                        if (route.operation().getParameters() != null && route.operation().getParameters().stream()
                                .anyMatch(p -> p.getName().equals("If-Match"))) {
                            headers.put("If-Match", "\"1\"");
                        }
                        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
                        if (body != null) {
                            headers.put("Content-Type", route.operation().getOperationId().equals("importWide")
                                    ? MULTIPART : "application/json");
                        }
                        out.add(new HostileRequest(route.name(), params + " " + query + " " + clip(body),
                                route.method(), path + query, headers, bytes, false));
                    }
                }
            }
        }
        return out;
    }

    /** Workspace two's ids for each path parameter (several keys of two for a key id). */
    private List<Map<String, String>> pathParams(SpecRoutes.Route route) {
        String path = route.path();
        List<Map<String, String>> out = new ArrayList<>();
        if (path.startsWith("/api/v1/keys/")) {
            two.keyIds.forEach(id -> out.add(Map.of("id", id)));
        } else if (path.startsWith("/api/v1/metrics/")) {
            out.add(Map.of("key", two.metricKey));
        } else if (path.startsWith("/api/v1/accounts/{externalId}")) {
            out.add(Map.of("externalId", two.accountId));
        } else if (path.startsWith("/api/v1/scorecards/{key}/versions")) {
            out.add(Map.of("key", two.scorecardKey, "version", "1"));
        } else if (path.startsWith("/api/v1/scorecards/")) {
            out.add(Map.of("key", two.scorecardKey));
        } else if (path.startsWith("/api/v1/jobs/{id}")) {
            out.add(Map.of("id", two.jobId));
            out.add(Map.of("id", two.evaluationId)); // an evaluation's id is its job's id
        } else if (path.startsWith("/api/v1/evaluations/{id}")) {
            out.add(Map.of("id", two.evaluationId));
            out.add(Map.of("id", two.jobId));
        } else {
            out.add(Map.of());
        }
        return out;
    }

    /** No query, and each query parameter set to something of workspace two's. */
    private List<String> queries(SpecRoutes.Route route) {
        List<String> out = new ArrayList<>();
        out.add("");
        if (route.operation().getParameters() == null) {
            return out;
        }
        for (var p : route.operation().getParameters()) {
            if (!"query".equals(p.getIn())) {
                continue;
            }
            String value = switch (p.getName()) {
                case "cursor" -> two.cursors.get(route.path());
                case "segment" -> "Seg" + two.marker;
                case "productLine" -> "Line" + two.marker;
                case "tag" -> "tag-" + two.marker;
                case "dimension" -> "ADOPTION";
                case "scorecard" -> two.scorecardKey;
                case "metric" -> two.metricKey;
                case "band" -> "GREEN&scorecard=" + two.scorecardKey;
                case "limit" -> "1000";
                case "from" -> route.path().endsWith("history") ? "2025-01-01" : "2025-01-01T00:00:00Z";
                case "asOf" -> "2025-06-01";
                case "version" -> "1&scorecard=" + two.scorecardKey;
                default -> null;
            };
            if (value != null) {
                out.add("?" + p.getName() + "=" + (value.contains("&") ? value : HostileRest.encode(value)));
            }
        }
        return out;
    }

    /** Bodies that name workspace two's data; null for routes without a body. */
    private List<String> bodies(String op) {
        List<Object> bodies = new ArrayList<>();
        String account = two.accountId;
        String metric = two.metricKey;
        String scorecard = two.scorecardKey;
        switch (op) {
            case "createWorkspace" -> bodies.add(map("name", "intruder"));
            case "createKey" -> bodies.add(map("name", "intruder", "role", "ADMIN"));
            case "createMetric", "updateMetric" -> {
                Map<String, Object> m = Api.metric(metric);
                m.put("name", "Intruder");
                m.put("description", "intruder");
                bodies.add(m);
            }
            case "putAccount" -> bodies.add(map("name", "Intruder"));
            case "upsertAccounts" -> bodies.add(List.of(map("externalId", account, "name", "Intruder")));
            case "ingestObservations" -> bodies.add(List.of(map("account", account, "metric", metric,
                    "observedAt", "2025-05-02T00:00:00Z", "value", 1)));
            case "ingestOutcomes" -> bodies.add(List.of(map("account", account, "type", "CHURNED",
                    "occurredAt", "2025-07-01")));
            case "createScorecard" -> bodies.add(ScorecardBodies.draft("intruder_sc", "Intruder", List.of(
                    ScorecardBodies.measure(metric, 1, ScorecardBodies.linear(0, 100)))));
            case "updateScorecardDraft" -> bodies.add(ScorecardBodies.draft(scorecard, "Intruder", List.of()));
            case "computeScores" -> {
                bodies.add(map("scorecard", scorecard, "accounts", List.of(account)));
                bodies.add(map("accounts", List.of(account, "a00")));
                bodies.add(map("scorecard", "naive", "asOf", "2025-06-01", "accounts", List.of(account)));
            }
            case "startRecompute" -> {
                bodies.add(map("scorecard", scorecard));
                bodies.add(map("scorecard", "naive", "asOf", "2025-06-01", "accounts", List.of(account)));
            }
            case "startEvaluation" -> {
                bodies.add(Evaluations.request(scorecard));
                Map<String, Object> challenged = new LinkedHashMap<>(Evaluations.request("naive"));
                challenged.put("challenger", map("scorecard", scorecard));
                bodies.add(challenged);
            }
            case "importWide" -> {
                return List.of(WIDE.formatted(account, HostileJson.write(map("accountColumn", "id",
                        "observedAt", "2025-05-03T00:00:00Z", "metrics", List.of(map("column", "v",
                                "metric", metric))))));
            }
            default -> {
                List<String> none = new ArrayList<>();
                none.add(null);
                return none;
            }
        }
        return bodies.stream().map(HostileJson::write).toList();
    }

    private static final String MULTIPART = "multipart/form-data; boundary=wall";
    private static final String WIDE = "--wall\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\nid,v\n%s,1\n\r\n--wall\r\nContent-Disposition: form-data; "
            + "name=\"mapping\"\r\nContent-Type: application/json\r\n\r\n%s\r\n--wall--\r\n";

    private static String clip(String body) {
        return body == null ? "" : body.length() > 80 ? body.substring(0, 80) + "..." : body;
    }
}
