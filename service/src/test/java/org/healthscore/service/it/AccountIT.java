package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthscore.service.it.Ingest.CSV;
import static org.healthscore.service.it.Ingest.JSON;
import static org.healthscore.service.it.Ingest.NDJSON;
import static org.healthscore.service.it.Ingest.at;
import static org.healthscore.service.it.Ingest.counts;
import static org.junit.jupiter.api.Assertions.assertAll;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Accounts (DESIGN.md 4.1, issue 12): {@code PUT /accounts/{externalId}} is an upsert that tells
 * created (201) from not (200) and leaves an unchanged account untouched; lists filter and page;
 * bulk upserts in JSON, NDJSON and CSV count inserted, updated and unchanged; bad bodies store nothing.
 */
class AccountIT {

    private static final String ACCOUNTS = "/api/v1/accounts";

    /** A full account body as a CRM sync would PUT it. */
    private static Map<String, Object> acme() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Acme Corp");
        body.put("segment", "Enterprise");
        body.put("productLine", "Analytics");
        body.put("arr", 120000.5);
        body.put("owner", "dana@cs.example");
        body.put("startDate", "2024-02-01");
        body.put("renewalDate", "2026-01-31");
        body.put("attributes", Map.of("region", "EMEA", "tier", "gold"));
        return body;
    }

    private static Response put(Api api, String secret, String externalId, Object body) {
        return api.raw(secret).contentType(JSON).body(body).put(ACCOUNTS + "/{id}", externalId);
    }

    @BackendTest
    void putCreatesThenTheSameBodyChangesNothingAndAChangedBodyUpdates(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String writer = api.newKey(ws.adminSecret(), "WRITER");

        JsonPath created = Ingest.json(put(api, writer, "acme", acme()), 201);
        assertThat(created.getString("externalId")).isEqualTo("acme");
        assertThat(created.getString("name")).isEqualTo("Acme Corp");
        assertThat(created.getString("segment")).isEqualTo("Enterprise");
        assertThat(created.getString("productLine")).isEqualTo("Analytics");
        assertThat(created.getDouble("arr")).isEqualTo(120000.5);
        assertThat(created.getString("owner")).isEqualTo("dana@cs.example");
        assertThat(created.getString("startDate")).isEqualTo("2024-02-01");
        assertThat(created.getString("renewalDate")).isEqualTo("2026-01-31");
        assertThat(created.getMap("attributes")).containsExactlyInAnyOrderEntriesOf(
                Map.of("region", "EMEA", "tier", "gold"));
        String createdAt = created.getString("createdAt");
        assertThat(created.getString("updatedAt")).isEqualTo(createdAt);

        // The same body again: 200, and the account is not touched (updatedAt stays).
        JsonPath same = Ingest.json(put(api, writer, "acme", acme()), 200);
        assertThat(same.getString("updatedAt")).isEqualTo(createdAt);
        assertThat(same.getMap("")).isEqualTo(created.getMap(""));

        // A changed body replaces the account; createdAt stays, updatedAt moves on (never back).
        Map<String, Object> moved = acme();
        moved.put("segment", "Mid-market");
        moved.remove("owner");
        JsonPath updated = Ingest.json(put(api, writer, "acme", moved), 200);
        assertThat(updated.getString("segment")).isEqualTo("Mid-market");
        assertThat(updated.getString("owner")).as("PUT replaces every field").isNull();
        assertThat(updated.getString("createdAt")).isEqualTo(createdAt);
        assertThat(Instant.parse(updated.getString("updatedAt"))).isAfterOrEqualTo(Instant.parse(createdAt));

        JsonPath read = Ingest.json(api.raw(writer).get(ACCOUNTS + "/acme"), 200);
        assertThat(read.getMap("")).isEqualTo(updated.getMap(""));
        api.raw(writer).get(ACCOUNTS + "/nobody").then().statusCode(404).contentType("application/problem+json");

        // The audit trail shows one creation and one update: the unchanged PUT wrote nothing.
        List<String> actions = api.as(ws.adminSecret()).queryParam("limit", 1000).get("/api/v1/audit").then()
                .statusCode(200).extract().jsonPath().getList("items.action");
        assertThat(actions).filteredOn(a -> a.startsWith("account.")).containsExactly("account.updated",
                "account.created");
    }

    @BackendTest
    void listFiltersBySegmentAndProductLineAndPagesInExternalIdOrder(Api api) {
        String writer = api.newKey(api.newWorkspace().adminSecret(), "WRITER");
        // externalId -> segment, productLine
        String[][] accounts = {
                {"a-01", "Enterprise", "Analytics"}, {"a-02", "SMB", "Analytics"}, {"a-03", "Enterprise", "Payments"},
                {"a-04", "SMB", "Payments"}, {"a-05", "Enterprise", "Analytics"}};
        for (String[] a : accounts) {
            put(api, writer, a[0], Map.of("name", "Account " + a[0], "segment", a[1], "productLine", a[2])).then()
                    .statusCode(201);
        }

        assertThat(ids(api, writer, Map.of("segment", "Enterprise"))).containsExactly("a-01", "a-03", "a-05");
        assertThat(ids(api, writer, Map.of("productLine", "Payments"))).containsExactly("a-03", "a-04");
        assertThat(ids(api, writer, Map.of("segment", "Enterprise", "productLine", "Analytics")))
                .containsExactly("a-01", "a-05");
        assertThat(ids(api, writer, Map.of("segment", "Nobody"))).isEmpty();
        // Filters match exactly: MySQL's default collation would match "enterprise" too; utf8mb4_bin does not.
        assertThat(ids(api, writer, Map.of("segment", "enterprise"))).isEmpty();

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = api.raw(writer).queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = Ingest.json(request.get(ACCOUNTS), 200);
            assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(2);
            seen.addAll(page.getList("items.externalId"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactly("a-01", "a-02", "a-03", "a-04", "a-05");
        assertThat(pages).isEqualTo(3);

        // A filtered list pages too, and its cursor keeps the filter's order.
        JsonPath first = Ingest.json(api.raw(writer).queryParam("segment", "Enterprise").queryParam("limit", 2)
                .get(ACCOUNTS), 200);
        assertThat(first.getList("items.externalId")).containsExactly("a-01", "a-03");
        JsonPath second = Ingest.json(api.raw(writer).queryParam("segment", "Enterprise").queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor")).get(ACCOUNTS), 200);
        assertThat(second.getList("items.externalId")).containsExactly("a-05");
        assertThat(second.getString("nextCursor")).isNull();

        api.raw(writer).queryParam("limit", 0).get(ACCOUNTS).then().statusCode(400);
        api.raw(writer).queryParam("cursor", "garbage").get(ACCOUNTS).then().statusCode(400);
    }

    @BackendTest
    void bulkUpsertsInJsonNdjsonAndCsvCountWhatChanged(Api api) {
        String writer = api.newKey(api.newWorkspace().adminSecret(), "WRITER");

        String json = """
                [{"externalId": "acme", "name": "Acme", "segment": "Enterprise", "arr": 1000,
                  "attributes": {"region": "EMEA"}},
                 {"externalId": "globex", "name": "Globex", "segment": "SMB"}]""";
        assertThat(counts(Ingest.accounts(api, writer, JSON, json), "accounts")).isEqualTo(counts(2, 0, 0));

        // NDJSON: one new account, one changed (globex moves segment), one as it was (acme).
        String ndjson = """
                {"externalId": "acme", "name": "Acme", "segment": "Enterprise", "arr": 1000.00, "attributes": {"region": "EMEA"}}
                {"externalId": "globex", "name": "Globex", "segment": "Mid-market"}
                {"externalId": "initech", "name": "Initech", "productLine": "Payments"}
                """;
        assertThat(counts(Ingest.accounts(api, writer, NDJSON, ndjson), "accounts")).isEqualTo(counts(1, 1, 1));

        // CSV cannot nest: attributes arrive as attributes.<name> columns; an empty cell is no attribute.
        String csv = """
                externalId,name,segment,productLine,arr,owner,startDate,renewalDate,attributes.region,attributes.tier
                umbrella,Umbrella,Enterprise,Analytics,2500.75,ops@example.com,2024-01-01,2025-12-31,APAC,gold
                hooli,Hooli,SMB,,,,,,NA,
                """;
        Response csvAnswer = Ingest.accounts(api, writer, CSV, csv);
        assertThat(counts(csvAnswer, "accounts")).isEqualTo(counts(2, 0, 0));
        // Only the kind the request carried is counted.
        assertThat(csvAnswer.jsonPath().getMap("")).containsOnlyKeys("accounts");

        JsonPath umbrella = Ingest.json(api.raw(writer).get(ACCOUNTS + "/umbrella"), 200);
        assertThat(umbrella.getString("segment")).isEqualTo("Enterprise");
        assertThat(umbrella.getString("productLine")).isEqualTo("Analytics");
        assertThat(umbrella.getDouble("arr")).isEqualTo(2500.75);
        assertThat(umbrella.getString("owner")).isEqualTo("ops@example.com");
        assertThat(umbrella.getString("startDate")).isEqualTo("2024-01-01");
        assertThat(umbrella.getString("renewalDate")).isEqualTo("2025-12-31");
        assertThat(umbrella.getMap("attributes")).containsExactlyInAnyOrderEntriesOf(
                Map.of("region", "APAC", "tier", "gold"));
        JsonPath hooli = Ingest.json(api.raw(writer).get(ACCOUNTS + "/hooli"), 200);
        assertThat(hooli.getMap("attributes")).containsExactlyEntriesOf(Map.of("region", "NA"));
        assertThat(hooli.getString("productLine")).isNull();
        assertThat(hooli.getString("arr")).isNull();
        assertThat(Ingest.json(api.raw(writer).get(ACCOUNTS + "/acme"), 200).getMap("attributes"))
                .containsExactlyEntriesOf(Map.of("region", "EMEA"));
        assertThat(Ingest.json(api.raw(writer).get(ACCOUNTS + "/globex"), 200).getString("segment"))
                .isEqualTo("Mid-market");

        // Posting the same bulk again changes nothing, and says so.
        Ingest.Stored before = Ingest.stored(api, writer);
        assertThat(counts(Ingest.accounts(api, writer, NDJSON, ndjson), "accounts")).isEqualTo(counts(0, 0, 3));
        assertThat(counts(Ingest.accounts(api, writer, CSV, csv), "accounts")).isEqualTo(counts(0, 0, 2));
        assertThat(Ingest.stored(api, writer)).isEqualTo(before);
        assertThat(Ingest.accountIds(api, writer)).containsExactly("acme", "globex", "hooli", "initech", "umbrella");
    }

    /** A PUT and a bulk row with the same content are the same account: neither path sees a change. */
    @BackendTest
    void anAccountPutOverRestIsUnchangedWhenTheSameDataArrivesInBulk(Api api) {
        String writer = api.newKey(api.newWorkspace().adminSecret(), "WRITER");
        put(api, writer, "acme", acme()).then().statusCode(201);
        Ingest.Stored before = Ingest.stored(api, writer);

        String csv = """
                externalId,name,segment,productLine,arr,owner,startDate,renewalDate,attributes.region,attributes.tier
                acme,Acme Corp,Enterprise,Analytics,120000.50,dana@cs.example,2024-02-01,2026-01-31,EMEA,gold
                """;
        assertThat(counts(Ingest.accounts(api, writer, CSV, csv), "accounts")).isEqualTo(counts(0, 0, 1));
        assertThat(Ingest.stored(api, writer)).isEqualTo(before);
        put(api, writer, "acme", acme()).then().statusCode(200);
        assertThat(Ingest.stored(api, writer)).isEqualTo(before);
    }

    @BackendTest
    void badPutBodiesAreRefusedAndStoreNothing(Api api) {
        String writer = api.newKey(api.newWorkspace().adminSecret(), "WRITER");
        put(api, writer, "acme", acme()).then().statusCode(201);
        Ingest.Stored before = Ingest.stored(api, writer);

        record Case(String why, String externalId, Object body, int status, String field) {
        }
        List<Case> cases = new ArrayList<>();
        for (String target : List.of("acme", "newco")) {
            cases.add(new Case("an unknown field", target, with(b -> b.put("colour", "red")), 400, "colour"));
            cases.add(new Case("arr -1", target, with(b -> b.put("arr", -1)), 422, "arr"));
            cases.add(new Case("arr with three decimals", target, with(b -> b.put("arr", 1.005)), 422, "arr"));
            cases.add(new Case("a date that does not exist", target, with(b -> b.put("startDate", "2026-02-30")), 400,
                    "startDate"));
            cases.add(new Case("a date in another format", target, with(b -> b.put("renewalDate", "31/01/2026")),
                    400, "renewalDate"));
            cases.add(new Case("a number as name", target, with(b -> b.put("name", 5)), 400, "name"));
            cases.add(new Case("malformed JSON", target, "{\"name\":", 400, "body"));
        }
        cases.add(new Case("an externalId with a trailing space", "acme ", acme(), 422, "externalId"));
        cases.add(new Case("an externalId with a leading space", " newco", acme(), 422, "externalId"));
        cases.add(new Case("a 201-character externalId", "x".repeat(201), acme(), 422, "externalId"));

        assertAll("bad account PUTs", cases.stream().map(c -> () -> {
            Response response = put(api, writer, c.externalId(), c.body());
            MetricBadInputIT.assertProblem(c.why() + " on " + c.externalId(), response, c.status(), c.field());
            assertThat(Ingest.stored(api, writer)).as("what is stored after %s on %s", c.why(), c.externalId())
                    .isEqualTo(before);
        }));
    }

    @BackendTest
    void aBulkWithOneBadRowStoresNoneOfItsAccounts(Api api) {
        String writer = api.newKey(api.newWorkspace().adminSecret(), "WRITER");
        put(api, writer, "acme", acme()).then().statusCode(201);
        Ingest.Stored before = Ingest.stored(api, writer);

        // Line 2 would change acme and line 3 would create globex; line 4 is bad: none of it may stay.
        Response negative = Ingest.accounts(api, writer, CSV, """
                externalId,name,arr
                acme,Acme renamed,10
                globex,Globex,20
                initech,Initech,-1
                """);
        Ingest.assertRowErrors("a negative arr in bulk", negative, at(4, "arr"));
        assertThat(Ingest.stored(api, writer)).isEqualTo(before);

        // The same account twice with different values cannot both be true.
        Response twice = Ingest.accounts(api, writer, JSON, """
                [{"externalId": "globex", "segment": "SMB"},
                 {"externalId": "globex", "segment": "Enterprise"}]""");
        Ingest.assertRowErrors("one account given two ways", twice, at(2, "externalId"));
        assertThat(Ingest.stored(api, writer)).isEqualTo(before);

        Response unknown = Ingest.accounts(api, writer, NDJSON, """
                {"externalId": "globex"}
                {"externalId": "initech", "plan": "gold"}
                """);
        Ingest.assertRowErrors("an unknown field in bulk", unknown, at(2, "plan"));
        Response noId = Ingest.accounts(api, writer, CSV, "name,segment\nGlobex,SMB\n");
        Ingest.assertRowErrors("a CSV without the externalId column", noId, at(1, "externalId"));
        assertThat(Ingest.stored(api, writer)).isEqualTo(before);
    }

    // ---- bugs found by these tests (disabled until fixed; each says what is wrong) ----

    /**
     * PUT refuses attribute names that are blank or over 100 characters and values over 1,000
     * (422 naming attributes.&lt;name&gt;); bulk rows skip that check, so bulk stores accounts that
     * cannot be PUT back as they read.
     */
    @BackendTest
    void bulkAttributesFollowTheRulesPutFollows(Api api) {
        String writer = api.newKey(api.newWorkspace().adminSecret(), "WRITER");
        Ingest.Stored before = Ingest.stored(api, writer);
        String longName = "n".repeat(101);
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("a", "v".repeat(1001));
        cases.put(longName, "x");
        cases.put("", "x");
        assertAll("attributes PUT refuses", cases.entrySet().stream().map(c -> () -> {
            String field = "attributes." + c.getKey();
            MetricBadInputIT.assertProblem("PUT " + field, put(api, writer, "acme",
                    Map.of("attributes", Map.of(c.getKey(), c.getValue()))), 422, field);
            Response bulk = Ingest.accounts(api, writer, JSON, "[{\"externalId\": \"acme\", \"attributes\": {\""
                    + c.getKey() + "\": \"" + c.getValue() + "\"}}]");
            Ingest.assertRowErrors("bulk " + field, bulk, at(1, field));
            assertThat(Ingest.stored(api, writer)).as("what is stored after bulk %s", field).isEqualTo(before);
        }));
    }

    @BackendTest
    void anArrInJavaLiteralSyntaxIsA422NotA500(Api api) {
        String writer = api.newKey(api.newWorkspace().adminSecret(), "WRITER");
        Response response = Ingest.accounts(api, writer, CSV, "externalId,arr\nacme,12d\n");
        Ingest.assertRowErrors("the arr 12d", response, at(2, "arr"));
        assertThat(Ingest.accountIds(api, writer)).isEmpty();
    }

    // ---- helpers ----

    private static Map<String, Object> with(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = acme();
        change.accept(body);
        return body;
    }

    private static List<String> ids(Api api, String secret, Map<String, String> query) {
        return Ingest.json(api.raw(secret).queryParams(query).queryParam("limit", 1000).get(ACCOUNTS), 200)
                .getList("items.externalId");
    }
}
