package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;

/**
 * DESIGN.md 5: every bad input gets a 4xx with a clear problem+json (GraphQL: an {@code errors}
 * array), never a 5xx, and changes nothing stored. Thousands of hostile requests are derived from
 * openapi.yaml and the GraphQL SDL (see {@link HostileRest}, {@link HostileBodies},
 * {@link HostileBulk}, {@link HostileMultipart}, {@link HostileGraphQL}) against a workspace
 * holding one of everything; each is built to break a rule, so none may succeed. The generation is
 * a fixed enumeration over the contracts, so CI runs the same requests every time.
 */
class HostileRequestsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Enough to reach every rule of every route; far more than one test of each. */
    private static final int AT_LEAST = 5_000;
    private static final int SENDERS = 3;
    /** A qualified exception class name or a stack frame: what a leaked stack trace looks like. */
    private static final java.util.regex.Pattern STACK = java.util.regex.Pattern.compile(
            "(java|javax|jakarta|org|com|io)\\.[\\w.]+(Exception|Error)\\b|\\bat [\\w.$]+\\(");

    @BackendTest
    void hostileRequestsAreRefusedAndChangeNothing(Api api) {
        StockedWorkspace ws = StockedWorkspace.create(api);
        String revoked = revokedKey(api, ws);
        Map<String, String> etags = new LinkedHashMap<>();
        etags.put("metric", api.as(ws.admin()).get("/api/v1/metrics/usage").header("ETag"));
        etags.put("scorecard", api.as(ws.admin()).get("/api/v1/scorecards/naive").header("ETag"));
        StoredChecksum.assertEveryWorkspaceTableCovered(api);

        List<HostileRequest> requests = new ArrayList<>(new HostileRest(ws, revoked, etags).all());
        requests.addAll(new HostileGraphQL(ws, revoked, etags).all());
        Map<String, String> before = StoredChecksum.of(api, ws.ws.id());
        long workspaces = StoredChecksum.workspaces(api);

        HostileSender sender = new HostileSender(api);
        HostileTally tally = new HostileTally();
        long started = System.nanoTime();
        // A few requests at a time: every one must be refused, so their order cannot matter.
        ForkJoinPool pool = new ForkJoinPool(SENDERS);
        try {
            pool.submit(() -> requests.parallelStream().forEach(request -> check(request, sender.send(request), tally)))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        } finally {
            pool.shutdown();
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000;

        Map<String, String> after = StoredChecksum.of(api, ws.ws.id());
        boolean unchanged = after.equals(before) && StoredChecksum.workspaces(api) == workspaces;
        System.out.println(tally.report(api.backend.name(), unchanged) + "  (" + seconds + " s of requests)");
        tally.writeFailures(java.nio.file.Path.of("target", "hostile-failures-" + api.backend.name() + ".txt"));
        assertThat(tally.failureSamples()).as("%d of %d hostile requests were not refused properly",
                tally.failures(), tally.sent()).isEmpty();
        assertThat(after).as("what the workspace stores, before and after the hostile requests").isEqualTo(before);
        assertThat(StoredChecksum.workspaces(api)).as("workspaces").isEqualTo(workspaces);
        assertThat(tally.sent()).isGreaterThanOrEqualTo(AT_LEAST);
        for (SpecRoutes.Route route : SpecRoutes.rest()) {
            String group = route.path().equals("/graphql") ? "graphql transport" : route.name();
            assertThat(tally.sent(group)).as("hostile requests for %s", group).isGreaterThanOrEqualTo(5);
        }
        for (SpecRoutes.RootField field : SpecRoutes.graphql()) {
            assertThat(tally.sent("graphql " + field.name())).as("hostile requests for %s", field.name())
                    .isGreaterThanOrEqualTo(5);
        }
    }

    private static void check(HostileRequest request, HostileSender.Answer answer, HostileTally tally) {
        int status = answer.status();
        if (!(request.graphql() && status == 200)) {
            tally.count(request.group(), status);
        }
        if (status >= 500) {
            tally.fail(request, answer, "a 5xx");
            return;
        }
        if (STACK.matcher(answer.body()).find()) {
            tally.fail(request, answer, "a stack trace or exception name in the body");
            return;
        }
        if (request.graphql() && status == 200) {
            checkGraphQL(request, answer, tally);
            return;
        }
        if (status < 400) {
            tally.fail(request, answer, "not refused");
            return;
        }
        if (request.graphql() && status == 401) {
            JsonNode body = parse(answer.body());
            if (body == null || !body.path("errors").isArray() || body.path("errors").isEmpty()) {
                tally.fail(request, answer, "a GraphQL 401 without errors");
            }
            return;
        }
        if (!answer.contentType().startsWith("application/problem+json")) {
            tally.fail(request, answer, "a " + status + " that is not application/problem+json");
            return;
        }
        JsonNode problem = parse(answer.body());
        if (problem == null || problem.path("status").asInt() != status || problem.path("type").asText().isBlank()
                || problem.path("title").asText().isBlank()) {
            tally.fail(request, answer, "a problem document without type, title and the status");
            return;
        }
        boolean named = !problem.path("detail").asText().isBlank() || problem.path("errors").isArray()
                && !problem.path("errors").isEmpty() && problem.path("errors").findValues("field").stream()
                .noneMatch(f -> f.asText().isBlank());
        if (!named) {
            tally.fail(request, answer, "a problem that names neither a detail nor the fields");
            return;
        }
        List<String> contract = answer.contractErrors().stream().filter(e -> !refusedBeforeRouting(request, status, e))
                .toList();
        if (!request.pathAndQuery().startsWith("/graphql") && !contract.isEmpty()) {
            tally.fail(request, answer, "an answer outside openapi.yaml: " + contract);
        }
    }

    /**
     * Jetty refuses an unreadable URI (bad percent-encoding, an encoded slash or dot-dot, 414 for a
     * huge one) before any route sees it, on every path alike; openapi.yaml documents routes, not that.
     */
    private static boolean refusedBeforeRouting(HostileRequest request, int status, String contractError) {
        return (status == 400 || status == 414) && request.what().startsWith("path ")
                && contractError.contains("Response status " + status + " not defined");
    }

    /** 200 from GraphQL: refused with errors (none of them a fault), or a query that found nothing. */
    private static void checkGraphQL(HostileRequest request, HostileSender.Answer answer, HostileTally tally) {
        JsonNode body = parse(answer.body());
        if (body == null) {
            tally.count(request.group(), 200);
            tally.fail(request, answer, "a GraphQL answer that is not JSON");
            return;
        }
        JsonNode errors = body.path("errors");
        for (JsonNode error : errors) {
            if ("INTERNAL".equals(error.path("extensions").path("code").asText())) {
                tally.count(request.group(), 500); // a fault, whatever the HTTP status says
                tally.fail(request, answer, "a GraphQL fault (INTERNAL)");
                return;
            }
            if (error.path("message").asText().isBlank()) {
                tally.count(request.group(), 200);
                tally.fail(request, answer, "a GraphQL error without a message");
                return;
            }
        }
        if (errors.isArray() && !errors.isEmpty()) {
            tally.countGraphQL(request.group(), HostileTally.GRAPHQL_ERRORS);
            return;
        }
        boolean foundNothing = request.group().startsWith("graphql Query.") && body.path("data").isObject()
                && body.path("data").size() == 1 && body.path("data").elements().next().isNull();
        if (foundNothing) {
            tally.countGraphQL(request.group(), HostileTally.GRAPHQL_NOTHING);
        } else {
            tally.count(request.group(), 200);
            tally.fail(request, answer, "a GraphQL request neither refused nor empty");
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    /** A key that worked once and was revoked. */
    private static String revokedKey(Api api, StockedWorkspace ws) {
        JsonPath key = api.as(ws.admin()).contentType(ContentType.JSON).body(Map.of("name", "revoked", "role", "ADMIN"))
                .post("/api/v1/keys").then().statusCode(201).extract().jsonPath();
        api.as(ws.admin()).delete("/api/v1/keys/{id}", key.getString("id")).then().statusCode(204);
        return key.getString("secret");
    }
}
