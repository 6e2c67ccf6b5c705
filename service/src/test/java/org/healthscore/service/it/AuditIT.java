package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit trail (DESIGN.md 4.1, {@code GET /audit}): every kind of write leaves an event naming the
 * key that made it and when; the list filters by action, kind and time, pages with its filters,
 * refuses bad filter values with a 422 naming the parameter, is for ADMIN keys only, and shows a
 * workspace nothing of another's.
 */
class AuditIT {

    @BackendTest
    void everyKindOfWriteIsRecordedWithItsKeyAndTime(Api api) {
        Instant start = Instant.now().minusSeconds(1);
        String admin = Evaluations.workspace(api);
        JsonPath key = api.as(admin).contentType(ContentType.JSON).body(Map.of("name", "audit writer", "role",
                "WRITER")).post("/api/v1/keys").then().statusCode(201).extract().jsonPath();
        String writer = key.getString("secret");
        String writerId = key.getString("id");

        api.createMetric(writer, Api.metric("extra"));
        Map<String, Object> renamed = Api.metric("extra");
        renamed.put("name", "Extra, renamed");
        api.as(writer).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(renamed)
                .put("/api/v1/metrics/extra").then().statusCode(200);
        api.as(writer).contentType(ContentType.JSON).body(ScorecardBodies.draft("second", "Second", List.of(
                ScorecardBodies.measure("usage", 1, ScorecardBodies.linear(0, 100))))).post("/api/v1/scorecards")
                .then().statusCode(201);
        api.as(writer).post("/api/v1/scorecards/second/publish").then().statusCode(201);
        String job = Jobs.start(api, writer, Map.of("scorecard", "naive", "asOf", "2025-06-01"), null)
                .getString("id");
        Jobs.awaitEnd(api, writer, job, java.time.Duration.ofSeconds(60));
        String evaluation = Evaluations.run(api, writer, Evaluations.request("naive")).getString("id");
        api.as(writer).post(Evaluations.START + "/{id}/apply", evaluation).then().statusCode(200);
        api.as(admin).delete("/api/v1/keys/" + writerId).then().statusCode(204);
        Instant end = Instant.now().plusSeconds(1);

        List<Map<String, Object>> events = all(api, admin, Map.of());
        Map<String, Map<String, Object>> byAction = new LinkedHashMap<>();
        for (Map<String, Object> event : events) {
            byAction.putIfAbsent((String) event.get("action"), event);
            Instant at = Instant.parse((String) event.get("occurredAt"));
            assertThat(at).as("time of %s", event).isBetween(start, end);
        }
        String adminName = "first admin key";
        assertEvent(byAction, "key.created", adminName, writerId);
        assertEvent(byAction, "metric.created", "audit writer", "extra");
        assertEvent(byAction, "metric.updated", "audit writer", "extra");
        assertEvent(byAction, "scorecard.created", "audit writer", "second");
        assertEvent(byAction, "scorecard.published", "audit writer", "second");
        assertEvent(byAction, "recompute.started", "audit writer", job);
        assertEvent(byAction, "evaluation.started", "audit writer", evaluation);
        assertEvent(byAction, "evaluation.applied", "audit writer", evaluation);
        assertEvent(byAction, "scorecard.draft.updated", "audit writer", "naive");
        assertEvent(byAction, "key.revoked", adminName, writerId);
        assertEvent(byAction, "observations.ingested", adminName, null);
        assertEvent(byAction, "outcomes.ingested", adminName, null);
        assertThat(byAction.get("metric.created").get("actorKeyId")).isEqualTo(writerId);
        assertThat(byAction.get("evaluation.started").get("detail")).asString().contains("units");
        // Newest first.
        assertThat(events.get(0).get("action")).isEqualTo("key.revoked");
    }

    @BackendTest
    void theListFiltersByActionKindAndTimeAndPagesWithItsFilters(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String admin = ws.adminSecret();
        for (String metric : List.of("m1", "m2", "m3")) {
            api.createMetric(admin, Api.metric(metric));
        }
        api.newKey(admin, "READER");
        Map<String, Object> renamed = Api.metric("m2");
        renamed.put("name", "M2 renamed");
        api.as(admin).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(renamed)
                .put("/api/v1/metrics/m2").then().statusCode(200);
        List<Map<String, Object>> everything = all(api, admin, Map.of());
        assertThat(everything).extracting(e -> e.get("action")).containsExactly("metric.updated", "key.created",
                "metric.created", "metric.created", "metric.created", "workspace.created");

        assertThat(all(api, admin, Map.of("action", "metric.created"))).extracting(e -> e.get("target"))
                .containsExactly("m3", "m2", "m1");
        assertThat(all(api, admin, Map.of("kind", "metric"))).extracting(e -> e.get("action"))
                .containsExactly("metric.updated", "metric.created", "metric.created", "metric.created");
        assertThat(all(api, admin, Map.of("kind", "key"))).extracting(e -> e.get("action"))
                .containsExactly("key.created");

        // from is inclusive, to exclusive: split at one event, the two halves make up the whole.
        String split = (String) everything.get(2).get("occurredAt");
        List<Map<String, Object>> after = all(api, admin, Map.of("from", split));
        List<Map<String, Object>> before = all(api, admin, Map.of("to", split));
        assertThat(after).isNotEmpty().allSatisfy(e -> assertThat(Instant.parse((String) e.get("occurredAt")))
                .isAfterOrEqualTo(Instant.parse(split)));
        assertThat(before).allSatisfy(e -> assertThat(Instant.parse((String) e.get("occurredAt")))
                .isBefore(Instant.parse(split)));
        List<Object> halves = new ArrayList<>(after.stream().map(e -> e.get("id")).toList());
        halves.addAll(before.stream().map(e -> e.get("id")).toList());
        assertThat(halves).containsExactlyElementsOf(everything.stream().map(e -> e.get("id")).toList());
        assertThat(all(api, admin, Map.of("kind", "metric", "from", split, "to", Instant.now().plusSeconds(60)
                .toString()))).extracting(e -> e.get("action")).allMatch(a -> ((String) a).startsWith("metric."));

        // One event per page with a filter gives the filtered list.
        List<Object> paged = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = api.as(admin).queryParam("kind", "metric").queryParam("limit", 1);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null && paged.size() < 10);
        assertThat(paged).containsExactlyElementsOf(all(api, admin, Map.of("kind", "metric")).stream()
                .map(e -> e.get("id")).toList());
    }

    @BackendTest
    void badFilterValuesAre422NamingTheParameter(Api api) {
        String admin = api.newWorkspace().adminSecret();
        assertRefused(api, admin, Map.of("from", "yesterday"), "from");
        assertRefused(api, admin, Map.of("to", "2026-01-01"), "to");
        assertRefused(api, admin, Map.of("from", "2026-02-01T00:00:00Z", "to", "2026-01-01T00:00:00Z"), "from");
        assertRefused(api, admin, Map.of("kind", "bogus"), "kind");
        assertRefused(api, admin, Map.of("action", "DROP TABLE"), "action");
        assertRefused(api, admin, Map.of("action", "metric.created", "kind", "metric"), "kind");
    }

    @BackendTest
    void onlyAdminKeysReadTheTrailAndOnlyTheirOwnWorkspaces(Api api) {
        Api.Workspace mine = api.newWorkspace();
        Api.Workspace theirs = api.newWorkspace();
        api.createMetric(theirs.adminSecret(), Api.metric("secret_plan"));
        for (String role : List.of("READER", "WRITER")) {
            String secret = api.newKey(mine.adminSecret(), role);
            api.as(secret).get("/api/v1/audit").then().statusCode(403).contentType("application/problem+json");
            // The role is checked before the filters: no hint about valid values for a key that may not look.
            api.bad(secret).queryParam("from", "nonsense").get("/api/v1/audit").then().statusCode(403);
        }
        List<Map<String, Object>> seen = all(api, mine.adminSecret(), Map.of());
        assertThat(seen).extracting(e -> e.get("target")).doesNotContain("secret_plan", theirs.id());
        assertThat(seen).extracting(e -> e.get("action")).containsExactly("key.created", "key.created",
                "workspace.created");
        assertThat(all(api, mine.adminSecret(), Map.of("kind", "metric"))).isEmpty();
    }

    private static void assertEvent(Map<String, Map<String, Object>> byAction, String action, String actor,
                                    String target) {
        assertThat(byAction).as("events by action").containsKey(action);
        Map<String, Object> event = byAction.get(action);
        assertThat(event.get("actor")).as("actor of %s", action).isEqualTo(actor);
        assertThat(event.get("actorKeyId")).as("key id of %s", action).isNotNull();
        if (target != null) {
            assertThat(event.get("target")).as("target of %s", action).isEqualTo(target);
        }
    }

    private static void assertRefused(Api api, String admin, Map<String, String> query, String field) {
        Response response = api.bad(admin).queryParams(query).get("/api/v1/audit");
        response.then().statusCode(422).contentType("application/problem+json");
        assertThat(response.jsonPath().getList("errors.field")).as("%s", query).contains(field);
    }

    /** Every event the filters select, newest first (one page of up to 1,000). */
    private static List<Map<String, Object>> all(Api api, String admin, Map<String, String> query) {
        JsonPath page = api.as(admin).queryParams(query).queryParam("limit", 1000).get("/api/v1/audit").then()
                .statusCode(200).extract().jsonPath();
        assertThat(page.getString("nextCursor")).isNull();
        return page.getList("items");
    }
}
