package org.healthscore.service.it;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A workspace holding one of everything a client can store: the evaluation story's metrics,
 * accounts, observations and outcomes with "naive" published, plus a metric, an account, a
 * scorecard (draft and version 1) and keys whose names carry this workspace's own {@link #marker},
 * a finished re-scoring job and a finished evaluation. The marker appears nowhere else, so a body
 * that contains it shows this workspace's data.
 */
final class StockedWorkspace {

    final Api.Workspace ws;
    final String marker;
    final String writer;
    final String reader;
    final String metricKey;
    final String accountId;
    final String scorecardKey;
    final String jobId;
    final String evaluationId;
    final List<String> keyIds;
    /** List route (as openapi.yaml names it) -> a cursor its list gave out here (limit 1), or null. */
    final Map<String, String> cursors = new LinkedHashMap<>();

    private StockedWorkspace(Api api) {
        ws = api.newWorkspace();
        marker = "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        metricKey = "m_" + marker;
        accountId = "acct-" + marker;
        scorecardKey = "sc_" + marker;
        String admin = ws.adminSecret();
        Evaluations.stock(api, admin);

        Map<String, Object> metric = Api.metric(metricKey);
        metric.put("name", "Metric " + marker);
        metric.put("description", "Only " + marker + " has this.");
        metric.put("tags", List.of("tag-" + marker));
        api.createMetric(admin, metric);
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("name", "Name " + marker);
        account.put("segment", "Seg" + marker);
        account.put("productLine", "Line" + marker);
        account.put("owner", marker + "@example.com");
        account.put("startDate", "2024-06-01");
        account.put("attributes", Map.of("note", "attr " + marker));
        api.as(admin).contentType(ContentType.JSON).body(account).put("/api/v1/accounts/{id}", accountId)
                .then().statusCode(201);
        Ingest.observations(api, admin, Ingest.CSV, "account,metric,observedAt,value\n"
                + accountId + "," + metricKey + ",2025-05-01T00:00:00Z,42\n"
                + accountId + ",usage,2025-05-01T00:00:00Z,77\n").then().statusCode(200);
        Ingest.outcomes(api, admin, Ingest.CSV, "account,type,occurredAt,amount\n"
                + accountId + ",RENEWED,2025-06-01,123.45\n").then().statusCode(200);

        Map<String, Object> draft = ScorecardBodies.draft(scorecardKey, "Scorecard " + marker, List.of(
                ScorecardBodies.measure(metricKey, 2, ScorecardBodies.linear(0, 100)),
                ScorecardBodies.measure("usage", 1, ScorecardBodies.linear(0, 100))));
        draft.put("appliesTo", Map.of("segments", List.of("Seg" + marker)));
        ScorecardBodies.create(api, admin, draft);
        ScorecardBodies.publish(api, admin, scorecardKey).then().statusCode(201);

        writer = api.newKey(admin, "WRITER");
        reader = api.newKey(admin, "READER");
        keyIds = api.as(admin).get("/api/v1/keys").jsonPath().getList("items.id");

        jobId = Jobs.start(api, writer, Map.of("scorecard", "naive", "asOf", "2025-06-01"), null).getString("id");
        Jobs.awaitEnd(api, writer, jobId, Duration.ofSeconds(90));
        evaluationId = Evaluations.run(api, writer, Evaluations.request("naive")).getString("id");

        Map<String, String> lists = new LinkedHashMap<>();
        for (String list : List.of("/api/v1/metrics", "/api/v1/accounts", "/api/v1/scorecards", "/api/v1/keys",
                "/api/v1/audit", "/api/v1/jobs", "/api/v1/evaluations")) {
            lists.put(list, list);
        }
        lists.put("/api/v1/metrics/{key}/revisions", "/api/v1/metrics/usage/revisions");
        lists.put("/api/v1/accounts/{externalId}/observations", "/api/v1/accounts/a00/observations");
        lists.put("/api/v1/evaluations/{id}/false-greens", "/api/v1/evaluations/" + evaluationId + "/false-greens");
        lists.forEach((route, path) -> cursors.put(route, cursor(api, admin, path)));
    }

    /**
     * What only this workspace stores and no other workspace ever writes: names, segments, tags,
     * and the ids of its jobs, evaluations, keys and itself. Any of them in an answer to another
     * workspace's key, when that request did not carry it, is a leak.
     */
    List<String> hidden() {
        List<String> values = new java.util.ArrayList<>(List.of("Name " + marker, "Seg" + marker, "Line" + marker,
                marker + "@example.com", "attr " + marker, "Metric " + marker, "Only " + marker + " has this.",
                "tag-" + marker, "Scorecard " + marker, jobId, evaluationId, ws.id()));
        values.addAll(keyIds);
        for (String secret : List.of(admin(), writer, reader)) {
            values.add(secret.substring(0, 13)); // the key's public prefix
        }
        return values;
    }

    static StockedWorkspace create(Api api) {
        return new StockedWorkspace(api);
    }

    String admin() {
        return ws.adminSecret();
    }

    private static String cursor(Api api, String secret, String list) {
        JsonPath page = api.raw(secret).queryParam("limit", 1).get(list).then().statusCode(200).extract().jsonPath();
        return page.getString("nextCursor");
    }
}
