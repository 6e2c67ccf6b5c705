package org.healthscore.service.it;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scorecard request bodies and the few calls the scorecard tests share. */
final class ScorecardBodies {

    private ScorecardBodies() {
    }

    /** A draft body with {@code key}, a name and {@code measures}. */
    static Map<String, Object> draft(String key, String name, List<Map<String, Object>> measures) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (key != null) {
            body.put("key", key);
        }
        body.put("name", name);
        body.put("description", "What *" + name + "* is for.");
        body.put("measures", new ArrayList<>(measures));
        return body;
    }

    static Map<String, Object> measure(String metric, Object weight, Map<String, Object> scoring) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metric", metric);
        m.put("weight", weight);
        m.put("group", "Engagement");
        m.put("scoring", scoring);
        return m;
    }

    static Map<String, Object> linear(double min, double max) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("type", "LINEAR");
        rule.put("min", min);
        rule.put("max", max);
        return rule;
    }

    static Map<String, Object> thresholds(List<Map<String, Object>> steps, double otherwise) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("type", "THRESHOLDS");
        rule.put("steps", steps);
        rule.put("otherwise", otherwise);
        return rule;
    }

    static Map<String, Object> step(double upTo, double score) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("upTo", upTo);
        step.put("score", score);
        return step;
    }

    static Map<String, Object> rule(String type) {
        return new LinkedHashMap<>(Map.of("type", type));
    }

    /** A metric of {@code valueType}, created (201 asserted). */
    static void metric(Api api, String secret, String key, String valueType) {
        Map<String, Object> body = Api.metric(key);
        body.put("valueType", valueType);
        api.createMetric(secret, body);
    }

    /** Creates a draft through the contract-checked client; 201 asserted. */
    static Response create(Api api, String secret, Map<String, Object> body) {
        Response response = api.as(secret).contentType(ContentType.JSON).body(body).post("/api/v1/scorecards");
        response.then().statusCode(201);
        return response;
    }

    static Response put(Api api, String secret, String key, String ifMatch, Map<String, Object> body) {
        return api.as(secret).contentType(ContentType.JSON).header("If-Match", ifMatch).body(body)
                .put("/api/v1/scorecards/" + key);
    }

    static Response publish(Api api, String secret, String key) {
        return api.as(secret).post("/api/v1/scorecards/" + key + "/publish");
    }

    /** Every metric key of the workspace, in key order. */
    static List<String> metricKeys(Api api, String secret) {
        return api.as(secret).queryParam("limit", 1000).get("/api/v1/metrics").then().statusCode(200).extract()
                .jsonPath().getList("items.key");
    }

    /** Every scorecard key of the workspace, in key order. */
    static List<String> scorecardKeys(Api api, String secret) {
        return api.as(secret).queryParam("limit", 1000).get("/api/v1/scorecards").then().statusCode(200).extract()
                .jsonPath().getList("items.key");
    }

    static JsonPath read(Api api, String secret, String key) {
        return api.as(secret).get("/api/v1/scorecards/" + key).then().statusCode(200).extract().jsonPath();
    }
}
