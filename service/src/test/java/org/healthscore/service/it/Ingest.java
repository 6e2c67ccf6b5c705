package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the ingestion tests share. openapi.yaml does not document the ingestion endpoints yet, so
 * every ingestion request goes through {@link Api#raw} (no contract check); what a bulk request
 * left behind is read back through the REST lists, account by account, so "nothing was stored"
 * is checked on the very rows a client would see.
 */
final class Ingest {

    static final String CSV = "text/csv; charset=UTF-8";
    static final String NDJSON = "application/x-ndjson";
    static final String JSON = "application/json";

    static final String OBSERVATIONS = "/api/v1/observations";
    static final String OUTCOMES = "/api/v1/outcomes";
    static final String ACCOUNTS_BULK = "/api/v1/accounts/bulk";
    static final String WIDE = "/api/v1/imports/wide";

    /** Numbers as doubles: the default JsonPath reads 29.85 as a float. */
    private static final JsonPathConfig DOUBLES = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);

    private Ingest() {
    }

    /** A bulk body sent byte for byte as given (UTF-8), so BOMs and CRLFs reach the service untouched. */
    static Response post(Api api, String secret, String path, String contentType, String body) {
        return api.raw(secret).contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8)).post(path);
    }

    static Response observations(Api api, String secret, String contentType, String body) {
        return post(api, secret, OBSERVATIONS, contentType, body);
    }

    static Response outcomes(Api api, String secret, String contentType, String body) {
        return post(api, secret, OUTCOMES, contentType, body);
    }

    static Response accounts(Api api, String secret, String contentType, String body) {
        return post(api, secret, ACCOUNTS_BULK, contentType, body);
    }

    /** A bulk answer's counts for one kind of row. */
    record Counts(long inserted, long updated, long unchanged) {
    }

    static Counts counts(long inserted, long updated, long unchanged) {
        return new Counts(inserted, updated, unchanged);
    }

    /** The counts of {@code kind} in a successful bulk answer (status 200 asserted). */
    static Counts counts(Response response, String kind) {
        assertThat(response.statusCode()).as("status of a bulk answer; body %s", response.asString()).isEqualTo(200);
        JsonPath json = response.jsonPath();
        assertThat(json.getMap(kind)).as("%s in %s", kind, response.asString()).isNotNull();
        return new Counts(json.getLong(kind + ".inserted"), json.getLong(kind + ".updated"),
                json.getLong(kind + ".unchanged"));
    }

    /** One row error as the 422 names it; {@code line} is null for errors that are not about a row. */
    record RowError(Long line, String field) {
    }

    static RowError at(long line, String field) {
        return new RowError(line, field);
    }

    static RowError notALine(String field) {
        return new RowError(null, field);
    }

    /** A 422 validation problem listing exactly {@code expected}, each with a reason. */
    static void assertRowErrors(String why, Response response, RowError... expected) {
        MetricBadInputIT.assertProblem(why, response, 422, null);
        List<Map<String, Object>> errors = response.jsonPath().getList("errors");
        assertThat(errors).as("errors for %s", why).isNotNull();
        List<RowError> actual = errors.stream().map(e -> new RowError(
                e.get("line") == null ? null : ((Number) e.get("line")).longValue(), (String) e.get("field"))).toList();
        assertThat(actual).as("errors for %s; body %s", why, response.asString()).containsExactly(expected);
        assertThat(errors).as("reasons for %s", why)
                .allSatisfy(e -> assertThat((String) e.get("reason")).isNotBlank());
    }

    // ---- what is stored, read back through the API ----

    /** Everything ingestion can store in a workspace, as a client reads it. */
    record Stored(List<Map<String, Object>> accounts, List<String> observations, List<String> outcomes) {
    }

    static Stored stored(Api api, String secret) {
        List<Map<String, Object>> accounts = accounts(api, secret);
        List<String> observations = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        for (Map<String, Object> account : accounts) {
            String id = (String) account.get("externalId");
            observations.addAll(observationsOf(api, secret, id, null));
            outcomes.addAll(outcomesOf(api, secret, id));
        }
        return new Stored(accounts, observations, outcomes);
    }

    /** Every account of the workspace in externalId order, page by page. */
    static List<Map<String, Object>> accounts(Api api, String secret) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = api.raw(secret).queryParam("limit", 1000);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = json(request.get("/api/v1/accounts"), 200);
            all.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return all;
    }

    static List<String> accountIds(Api api, String secret) {
        return accounts(api, secret).stream().map(a -> (String) a.get("externalId")).toList();
    }

    /** One account's observations, newest first, as {@link #obs} strings; optionally of one metric. */
    static List<String> observationsOf(Api api, String secret, String account, String metric) {
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = api.raw(secret).queryParam("limit", 1000);
            if (metric != null) {
                request = request.queryParam("metric", metric);
            }
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = json(request.get("/api/v1/accounts/{id}/observations", account), 200);
            List<Map<String, Object>> items = page.getList("items");
            items.forEach(o -> all.add(obs((String) o.get("account"), (String) o.get("metric"),
                    (String) o.get("observedAt"), ((Number) o.get("value")).doubleValue())));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return all;
    }

    /** One account's outcomes as {@link #outcome} strings, in the order the service lists them. */
    static List<String> outcomesOf(Api api, String secret, String account) {
        List<Map<String, Object>> items = json(api.raw(secret).get("/api/v1/accounts/{id}/outcomes", account), 200)
                .getList("");
        return items.stream().map(o -> outcome((String) o.get("account"), (String) o.get("type"),
                (String) o.get("occurredAt"), o.get("amount") == null ? null : ((Number) o.get("amount")).doubleValue()))
                .toList();
    }

    /** An observation as the lists above render it. */
    static String obs(String account, String metric, String observedAt, double value) {
        return account + " " + metric + " " + observedAt + " " + value;
    }

    /** An outcome as {@link #outcomesOf} renders it; a null amount reads "null". */
    static String outcome(String account, String type, String occurredAt, Double amount) {
        return account + " " + type + " " + occurredAt + " " + amount;
    }

    /** The body of {@code response} with numbers as doubles, after checking its status. */
    static JsonPath json(Response response, int status) {
        assertThat(response.statusCode()).as("status; body %s", response.asString()).isEqualTo(status);
        return JsonPath.from(response.asString()).using(DOUBLES);
    }
}
