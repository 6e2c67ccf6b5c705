package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.function.Executable;

/**
 * Every bad input to the metric, key and workspace endpoints is refused with the right 4xx and a
 * problem document naming the field at fault, and leaves what is stored exactly as it was
 * (spec 4.1 status codes, spec 5 "changes nothing stored").
 */
class MetricBadInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "application/problem+json";
    /** The metric every PUT case aims at; it is at revision 2 so that "1" is stale. */
    private static final String EXISTING = "logins";
    /** The key POST cases try to create; it must never appear. */
    private static final String FRESH = "fresh_metric";
    private static final Map<Integer, String> PROBLEM_TYPES = Map.of(
            400, "malformed-request", 404, "not-found", 406, "not-acceptable", 409, "conflict",
            412, "precondition-failed", 413, "payload-too-large", 415, "unsupported-media-type",
            422, "validation", 428, "precondition-required");

    @BackendTest
    void badMetricWritesAreRefusedAndChangeNothing(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String writer = api.newKey(ws.adminSecret(), "WRITER");
        api.createMetric(writer, Api.metric(EXISTING));
        Map<String, Object> renamed = Api.metric(EXISTING);
        renamed.put("name", "Logins, renamed");
        api.as(writer).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(renamed)
                .put("/api/v1/metrics/" + EXISTING).then().statusCode(200).header("ETag", "\"2\"");
        Stored before = stored(api, writer, ws.adminSecret());
        assertThat(before.metricKeys()).containsExactly(EXISTING);
        assertThat(before.etag()).isEqualTo("\"2\"");
        assertThat(before.revisions()).isEqualTo(2);

        String valid = json(Api.metric(FRESH));
        List<Refusal> refusals = List.of(
                // Bodies that cannot be read at all: 400 naming the body.
                create("malformed JSON", "{\"key\":\"" + FRESH + "\",\"name\":", 400, "body"),
                create("a second JSON value after the body", valid + " {}", 400, "body"),
                create("garbage after the body", valid + "garbage", 400, "body"),
                create("an empty body", "", 400, "body"),
                create("the same field twice", "{\"name\":\"a\",\"name\":\"b\"}", 400, "name"),
                create("a JSON array as the body", "[]", 400, "body"),
                create("JSON null as the body", "null", 400, "body"),
                // Readable JSON that does not fit the shape: 400 naming the field.
                create("an unknown field", with(m -> m.put("colour", "red")), 400, "colour"),
                create("a number as name", with(m -> m.put("name", 5)), 400, "name"),
                create("a fraction as windowDays", with(m -> m.put("aggregation",
                        Map.of("function", "AVERAGE", "windowDays", 7.5))), 400, "aggregation.windowDays"),
                create("a string as windowDays", with(m -> m.put("aggregation",
                        Map.of("function", "AVERAGE", "windowDays", "7"))), 400, "aggregation.windowDays"),
                create("a string as tags", with(m -> m.put("tags", "a")), 400, "tags"),
                create("a number as a tag", with(m -> m.put("tags", List.of("core", 7))), 400, "tags[1]"),
                create("a string as aggregation", with(m -> m.put("aggregation", "AVERAGE")), 400, "aggregation"),
                create("an unknown field inside aggregation", with(m -> m.put("aggregation",
                        Map.of("function", "AVERAGE", "windowDays", 30, "timezone", "UTC"))), 400,
                        "aggregation.timezone"),
                create("a windowDays beyond any int", with(m -> m.put("aggregation",
                        Map.of("function", "AVERAGE", "windowDays", 99_999_999_999L))), 400,
                        "aggregation.windowDays"),
                create("a number as valueType", with(m -> m.put("valueType", 1)), 400, "valueType"),
                create("a kebab-case direction", with(m -> m.put("direction", "higher-is-better")), 400,
                        "direction"),
                create("a lower-case valueType", with(m -> m.put("valueType", "percent")), 400, "valueType"),
                create("an unknown valueType", with(m -> m.put("valueType", "RATIO")), 400, "valueType"),
                create("an unknown aggregation function", with(m -> m.put("aggregation",
                        Map.of("function", "MEDIAN", "windowDays", 30))), 400, "aggregation.function"),
                create("an unknown status", with(m -> m.put("status", "RETIRED")), 400, "status"),
                // Well-formed values that break a rule: 422 naming the field.
                create("windowDays 0", with(m -> m.put("aggregation",
                        Map.of("function", "AVERAGE", "windowDays", 0))), 422, "aggregation.windowDays"),
                create("windowDays 731", with(m -> m.put("aggregation",
                        Map.of("function", "AVERAGE", "windowDays", 731))), 422, "aggregation.windowDays"),
                create("a key with capitals and a dash", with(m -> m.put("key", "Bad-Key")), 422, "key"),
                create("a one-letter key", with(m -> m.put("key", "a")), 422, "key"),
                create("a 65-character key", with(m -> m.put("key", "k" + "x".repeat(64))), 422, "key"),
                create("no key", with(m -> m.remove("key")), 422, "key"),
                create("a windowDays of null", with(m -> {
                    Map<String, Object> aggregation = new LinkedHashMap<>();
                    aggregation.put("function", "AVERAGE");
                    aggregation.put("windowDays", null);
                    m.put("aggregation", aggregation);
                }), 422, "aggregation.windowDays"),
                create("no name", with(m -> m.remove("name")), 422, "name"),
                create("a blank name", with(m -> m.put("name", "   ")), 422, "name"),
                create("a 201-character name", with(m -> m.put("name", "n".repeat(201))), 422, "name"),
                create("no valueType", with(m -> m.remove("valueType")), 422, "valueType"),
                create("no direction", with(m -> m.remove("direction")), 422, "direction"),
                create("51 tags", with(m -> m.put("tags", IntStream.rangeClosed(1, 51).mapToObj(i -> "t" + i)
                        .toList())), 422, "tags"),
                create("a repeated tag", with(m -> m.put("tags", List.of("core", "core"))), 422, "tags[1]"),
                create("a blank tag", with(m -> m.put("tags", List.of("core", " "))), 422, "tags[1]"),
                create("a 65-character tag", with(m -> m.put("tags", List.of("t".repeat(65)))), 422, "tags[0]"),
                // A key that is taken: 409, nothing overwritten.
                create("a key that exists", json(Api.metric(EXISTING)), 409, null),
                // The envelope: size and media type.
                create("a body over 1 MiB", with(m -> m.put("description", "x".repeat(1_100_000))), 413, null),
                create("a text/plain body", "text/plain", valid, 415, null),
                create("an XML body", "application/xml", "<metric/>", 415, null),
                new Refusal("an Accept nothing can satisfy", "POST", "/api/v1/metrics", "application/json",
                        Map.of("Accept", "image/png"), valid, 406, null),
                // Updates: key, If-Match, target.
                update("another key in the body", "\"2\"", with(EXISTING, m -> m.put("key", "other_key")), 422,
                        "key"),
                update("no If-Match", null, changedExisting(), 428, null),
                update("an If-Match that is no ETag", "abc", changedExisting(), 400, "If-Match"),
                update("a stale If-Match", "\"1\"", changedExisting(), 412, null),
                new Refusal("an unknown key", "PUT", "/api/v1/metrics/never_was", "application/json",
                        ifMatchHeader("\"1\""), json(Api.metric("never_was")), 404, null),
                update("a bad field on update", "\"2\"", with(EXISTING, m -> m.put("aggregation",
                        Map.of("function", "AVERAGE", "windowDays", 0))), 422, "aggregation.windowDays"),
                // Deletes: If-Match is optional, but when sent it must be readable and current.
                delete("a delete with an If-Match that is no ETag", "abc", 400, "If-Match"),
                delete("a delete with a stale If-Match", "\"1\"", 412, null));

        assertAll("bad metric writes", refusals.stream().map(r -> r.check(api, writer, before,
                () -> stored(api, writer, ws.adminSecret()))));
    }

    @BackendTest
    void badListParametersAreRefusedNamingTheParameter(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String writer = api.newKey(ws.adminSecret(), "WRITER");
        api.createMetric(writer, Api.metric(EXISTING));
        api.createMetric(writer, Api.metric("nps"));
        // The workspace now has two keys (its first ADMIN key and the writer), so keys have a second page.
        String keysCursor = api.as(ws.adminSecret()).queryParam("limit", 1).get("/api/v1/keys").then()
                .statusCode(200).extract().jsonPath().getString("nextCursor");
        assertThat(keysCursor).isNotBlank();
        // A real cursor of this very list works, so the refusals below are about the cursor, not the route.
        String metricsCursor = api.as(writer).queryParam("limit", 1).get("/api/v1/metrics").jsonPath()
                .getString("nextCursor");
        assertThat(api.as(writer).queryParam("cursor", metricsCursor).get("/api/v1/metrics").jsonPath()
                .getList("items.key")).containsExactly("nps");
        Stored before = stored(api, writer, ws.adminSecret());

        String metrics = "/api/v1/metrics";
        String revisions = "/api/v1/metrics/" + EXISTING + "/revisions";
        List<Refusal> refusals = List.of(
                list("limit=0", metrics, "limit", "0", "limit"),
                list("limit=1001", metrics, "limit", "1001", "limit"),
                list("limit=abc", metrics, "limit", "abc", "limit"),
                list("a cursor nobody gave out", metrics, "cursor", "garbage", "cursor"),
                list("an empty cursor", metrics, "cursor", "", "cursor"),
                list("the key list's cursor", metrics, "cursor", keysCursor, "cursor"),
                list("the metric list's cursor on revisions", revisions, "cursor", metricsCursor, "cursor"),
                list("limit=0 on revisions", revisions, "limit", "0", "limit"),
                list("status=WRONG", metrics, "status", "WRONG", "status"),
                list("a lower-case status", metrics, "status", "active", "status"));

        assertAll("bad list parameters", refusals.stream().map(r -> r.check(api, writer, before,
                () -> stored(api, writer, ws.adminSecret()))));
    }

    /** Without Content-Length the limit is enforced while the body streams in; still a 413 problem. */
    @BackendTest
    void aChunkedBodyOverTheLimitIsRefusedWhileStreaming(Api api) throws Exception {
        Api.Workspace ws = api.newWorkspace();
        String writer = api.newKey(ws.adminSecret(), "WRITER");
        Stored before = stored(api, writer, ws.adminSecret());

        byte[] body = with(m -> m.put("description", "x".repeat(1_100_000))).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUri() + "/api/v1/metrics"))
                .header("Authorization", "Bearer " + writer)
                .header("Content-Type", "application/json")
                // An input stream publisher has no length: the body goes out chunked.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(PROBLEM));
        JsonPath problem = JsonPath.from(response.body());
        assertThat(problem.getInt("status")).isEqualTo(413);
        assertThat(problem.getString("type")).isEqualTo("urn:healthscore:problem:payload-too-large");
        assertThat(stored(api, writer, ws.adminSecret())).isEqualTo(before);
    }

    @BackendTest
    void badKeyRequestsMintNoKey(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String admin = ws.adminSecret();
        List<Map<String, Object>> keysBefore = keys(api, admin);
        int auditBefore = auditEvents(api, admin);

        record KeyCase(String why, String body, int status, String field) {
        }
        List<KeyCase> cases = List.of(
                new KeyCase("a role that does not exist", "{\"name\":\"x\",\"role\":\"OWNER\"}", 400, "role"),
                new KeyCase("a lower-case role", "{\"name\":\"x\",\"role\":\"reader\"}", 400, "role"),
                new KeyCase("no name", "{\"role\":\"READER\"}", 422, "name"),
                new KeyCase("a blank name", "{\"name\":\" \",\"role\":\"READER\"}", 422, "name"),
                new KeyCase("no role", "{\"name\":\"x\"}", 422, "role"),
                new KeyCase("an unknown field", "{\"name\":\"x\",\"role\":\"READER\",\"extra\":1}", 400, "extra"),
                new KeyCase("malformed JSON", "{\"name\":\"x\",", 400, "body"));

        assertAll("bad key requests", cases.stream().map(c -> () -> {
            Response response = api.bad(admin).contentType(ContentType.JSON).body(c.body()).post("/api/v1/keys");
            assertProblem(c.why(), response, c.status(), c.field());
            assertThat(keys(api, admin)).as("keys after %s", c.why()).isEqualTo(keysBefore);
            assertThat(auditEvents(api, admin)).as("audit events after %s", c.why()).isEqualTo(auditBefore);
        }));
    }

    @BackendTest
    void badWorkspaceRequestsCreateNoWorkspace(Api api) {
        int before = workspaceCount(api);

        record WorkspaceCase(String why, String body, int status, String field) {
        }
        List<WorkspaceCase> cases = List.of(
                new WorkspaceCase("a blank name", "{\"name\":\"   \"}", 422, "name"),
                new WorkspaceCase("an empty name", "{\"name\":\"\"}", 422, "name"),
                new WorkspaceCase("no name", "{}", 422, "name"),
                new WorkspaceCase("a 201-character name", "{\"name\":\"" + "w".repeat(201) + "\"}", 422, "name"),
                new WorkspaceCase("an unknown field", "{\"name\":\"ok\",\"plan\":\"gold\"}", 400, "plan"));

        assertAll("bad workspace requests", cases.stream().map(c -> () -> {
            Response response = api.bad(Backend.BOOTSTRAP).contentType(ContentType.JSON).body(c.body())
                    .post("/api/v1/workspaces");
            assertProblem(c.why(), response, c.status(), c.field());
            assertThat(workspaceCount(api)).as("workspaces after %s", c.why()).isEqualTo(before);
        }));
    }

    // ---- cases found by testing, kept as regressions ----

    /**
     * MySQL's utf8mb4_bin ignores trailing spaces when it compares, so "core" and "core " would be one
     * tag there and two on H2. Tags with leading or trailing spaces are refused on both, and a tag
     * filter is trimmed, so both databases answer alike.
     */
    @BackendTest
    void tagsWithSurroundingSpacesAreRefusedAlikeOnBothDatabases(Api api) {
        String writer = api.newKey(api.newWorkspace().adminSecret(), "WRITER");
        Map<String, Object> padded = Api.metric("padded");
        padded.put("tags", List.of("core", "core "));
        Response created = api.bad(writer).contentType(ContentType.JSON).body(padded).post("/api/v1/metrics");
        assertProblem("a padded tag on create", created, 422, "tags[1]");

        api.createMetric(writer, Api.metric("plain"));
        Map<String, Object> retagged = Api.metric("plain");
        retagged.put("tags", List.of(" web"));
        Response updated = api.bad(writer).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(retagged)
                .put("/api/v1/metrics/plain");
        assertProblem("a padded tag on update", updated, 422, "tags[0]");
        api.as(writer).get("/api/v1/metrics/plain").then().header("ETag", "\"1\"");

        Map<String, Object> solo = Api.metric("solo");
        solo.put("tags", List.of("solo"));
        api.createMetric(writer, solo);
        assertThat(api.as(writer).queryParam("tag", "solo ").get("/api/v1/metrics").jsonPath().getList("items.key"))
                .containsExactly("solo");
    }

    /**
     * A repeated field at the top level is named ("name appears more than once"), but inside an
     * object Jackson wraps the parse error, and the answer names only the parent with a vague reason
     * ("aggregation has a value that cannot be read") instead of "aggregation.function".
     */
    @BackendTest
    void aRepeatedFieldInsideAnObjectIsNamedByItsPath(Api api) {
        String writer = api.newKey(api.newWorkspace().adminSecret(), "WRITER");
        String body = "{\"key\":\"twice\",\"name\":\"Twice\",\"valueType\":\"PERCENT\","
                + "\"direction\":\"HIGHER_IS_BETTER\","
                + "\"aggregation\":{\"function\":\"SUM\",\"function\":\"MAX\",\"windowDays\":9}}";
        Response response = api.bad(writer).contentType(ContentType.JSON).body(body).post("/api/v1/metrics");
        assertProblem("a repeated aggregation.function", response, 400, "aggregation.function");
        assertThat(response.jsonPath().getString("errors[0].reason")).isEqualTo("appears more than once");
    }

    // ---- the cases ----

    /** One request the service must refuse, and what the refusal must say. */
    private record Refusal(String why, String method, String path, String contentType,
                           Map<String, String> headers, String body, int status, String field) {

        Executable check(Api api, String secret, Stored before, Supplier<Stored> after) {
            return () -> {
                RequestSpecification request = api.bad(secret);
                if (contentType != null) {
                    request = request.contentType(contentType);
                }
                request = request.headers(headers);
                if (body != null) {
                    request = request.body(body);
                }
                Response response = request.request(method, path);
                // Both checks run, so a request that got through shows what it changed as well.
                assertAll(why, () -> assertProblem(why, response, status, field),
                        () -> assertThat(after.get()).as("what is stored after %s", why).isEqualTo(before));
            };
        }
    }

    private static Refusal create(String why, String body, int status, String field) {
        return create(why, "application/json", body, status, field);
    }

    private static Refusal create(String why, String contentType, String body, int status, String field) {
        return new Refusal(why, "POST", "/api/v1/metrics", contentType, Map.of(), body, status, field);
    }

    private static Refusal update(String why, String ifMatch, String body, int status, String field) {
        return new Refusal(why, "PUT", "/api/v1/metrics/" + EXISTING, "application/json", ifMatchHeader(ifMatch),
                body, status, field);
    }

    private static Refusal delete(String why, String ifMatch, int status, String field) {
        return new Refusal(why, "DELETE", "/api/v1/metrics/" + EXISTING, null, ifMatchHeader(ifMatch), null,
                status, field);
    }

    private static Map<String, String> ifMatchHeader(String ifMatch) {
        return ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch);
    }

    /** A GET of {@code list} with one query parameter, which must be refused with a 400 naming {@code field}. */
    private static Refusal list(String why, String list, String parameter, String value, String field) {
        return new Refusal(why, "GET", list + "?" + parameter + "=" + value, null, Map.of(), null, 400, field);
    }

    /** A valid create body for {@link #FRESH}, changed by {@code change}. */
    private static String with(Consumer<Map<String, Object>> change) {
        return with(FRESH, change);
    }

    private static String with(String key, Consumer<Map<String, Object>> change) {
        Map<String, Object> body = new LinkedHashMap<>(Api.metric(key));
        change.accept(body);
        return json(body);
    }

    /** A valid update of {@link #EXISTING}: it would make revision 3 if it got through. */
    private static String changedExisting() {
        return with(EXISTING, m -> m.put("name", "Changed by a refused update"));
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- what a refusal must look like ----

    static void assertProblem(String why, Response response, int status, String field) {
        String body = response.asString();
        assertThat(response.statusCode()).as("status for %s; body %s", why, body).isEqualTo(status);
        assertThat(response.contentType()).as("Content-Type for %s", why).startsWith(PROBLEM);
        JsonPath problem = JsonPath.from(body);
        assertThat(problem.getString("type")).as("type for %s", why)
                .isEqualTo("urn:healthscore:problem:" + PROBLEM_TYPES.get(status));
        assertThat(problem.getString("title")).as("title for %s", why).isNotBlank();
        assertThat(problem.getInt("status")).as("status in the body for %s", why).isEqualTo(status);
        assertThat(problem.getString("detail")).as("detail for %s", why).isNotBlank();
        if (field != null) {
            assertThat(problem.getList("errors.field", String.class)).as("errors for %s", why)
                    .containsExactly(field);
            assertThat(problem.getList("errors.reason", String.class)).as("reasons for %s", why)
                    .allSatisfy(reason -> assertThat(reason).isNotBlank());
        }
        assertThat(body).as("body for %s", why).doesNotContain("Exception", "at org.", "com.fasterxml");
    }

    // ---- what is stored ----

    /** What a refused request must leave alone: the whole list, the entry's revision trail, the audit trail. */
    private record Stored(List<Map<String, Object>> metrics, String etag, int revisions, int auditEvents) {

        List<Object> metricKeys() {
            return metrics.stream().map(m -> m.get("key")).toList();
        }
    }

    private static Stored stored(Api api, String writer, String admin) {
        List<Map<String, Object>> metrics = api.as(writer).queryParam("limit", 1000).get("/api/v1/metrics").then()
                .statusCode(200).extract().jsonPath().getList("items");
        Response existing = api.as(writer).get("/api/v1/metrics/" + EXISTING);
        String etag = existing.statusCode() == 200 ? existing.header("ETag") : null;
        int revisions = existing.statusCode() == 200
                ? api.as(writer).queryParam("limit", 1000).get("/api/v1/metrics/" + EXISTING + "/revisions").then()
                        .statusCode(200).extract().jsonPath().getList("items").size()
                : 0;
        return new Stored(metrics, etag, revisions, auditEvents(api, admin));
    }

    private static int auditEvents(Api api, String admin) {
        return api.as(admin).queryParam("limit", 1000).get("/api/v1/audit").then().statusCode(200).extract()
                .jsonPath().getList("items").size();
    }

    private static List<Map<String, Object>> keys(Api api, String admin) {
        return api.as(admin).queryParam("limit", 1000).get("/api/v1/keys").then().statusCode(200).extract()
                .jsonPath().getList("items");
    }

    /** Every workspace, page by page: other test classes may have made many. */
    private static int workspaceCount(Api api) {
        int count = 0;
        String cursor = null;
        do {
            RequestSpecification request = api.as(Backend.BOOTSTRAP).queryParam("limit", 1000);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/workspaces").then().statusCode(200).extract().jsonPath();
            count += page.getList("items").size();
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return count;
    }
}
