package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One focused test per fault {@link HostileRequestsIT} and {@link WorkspaceWallsMatrixIT} found,
 * so each stays fixed with a readable failure: 500s on bad input, refused input that was stored
 * anyway, and lenient reads that changed data.
 */
class HardeningRegressionIT {

    @BackendTest
    void anUnreadableUriIsAProblemDocumentForEveryMethod(Api api) {
        String admin = api.newWorkspace().adminSecret();
        // Jetty wrote an empty 400 for PUT and DELETE (its error pages were for GET and POST only).
        for (String method : List.of("GET", "PUT", "DELETE", "POST")) {
            HostileSender.Answer answer = send(api, method, "/api/v1/metrics/%ED%A0%80", admin, null, null);
            assertThat(answer.status()).as(method).isEqualTo(400);
            assertThat(answer.contentType()).as(method).startsWith("application/problem+json");
            assertThat(JsonPath.from(answer.body()).getInt("status")).isEqualTo(400);
        }
    }

    @BackendTest
    void aPageSizeWithAControlCharacterIsRefused(Api api) {
        String admin = api.newWorkspace().adminSecret();
        // trim() dropped the NUL and read "1\u0000" as 1.
        HostileSender.Answer answer = send(api, "GET", "/api/v1/metrics?limit=1%00", admin, null, null);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("\"limit\"");
    }

    @BackendTest
    void aBulkAccountWithoutExternalIdIsARowError(Api api) {
        String admin = api.newWorkspace().adminSecret();
        for (String[] body : List.of(new String[] {Ingest.JSON, "[{\"externalId\":\"ok\"},{\"segment\":\"SMB\"}]"},
                new String[] {Ingest.NDJSON, "{\"externalId\":\"ok\"}\n{\"segment\":\"SMB\"}\n"})) {
            Response response = Ingest.accounts(api, admin, body[0], body[1]);
            Ingest.assertRowErrors("no externalId in " + body[0], response, Ingest.at(2, "externalId"));
        }
        assertThat(Ingest.accountIds(api, admin)).isEmpty();
    }

    @BackendTest
    void bulkBodiesThatAreNotUtf8AreRefusedWhole(Api api) {
        String admin = api.newWorkspace().adminSecret();
        Ingest.accounts(api, admin, Ingest.CSV, "externalId\na\n").then().statusCode(200);
        byte[] csv = concat("externalId,segment\nb,SMB\n", new byte[] {(byte) 0xFF, (byte) 0xFE}, ",SMB\n");
        byte[] ndjson = concat("{\"externalId\":\"b\"}\n{\"externalId\":\"", new byte[] {(byte) 0xFF}, "\"}\n");
        for (Object[] body : List.of(new Object[] {Ingest.CSV, csv}, new Object[] {Ingest.NDJSON, ndjson})) {
            Response response = api.raw(admin).contentType((String) body[0]).body((byte[]) body[1])
                    .post(Ingest.ACCOUNTS_BULK);
            MetricBadInputIT.assertProblem("bytes that are not UTF-8 as " + body[0], response, 400, "body");
        }
        assertThat(Ingest.accountIds(api, admin)).containsExactly("a");
    }

    @BackendTest
    void aCsvLineShorterThanItsHeaderIsARowError(Api api) {
        String admin = api.newWorkspace().adminSecret();
        Ingest.accounts(api, admin, Ingest.CSV, "externalId,segment,startDate\na,SMB,2024-06-01\n").then()
                .statusCode(200);
        // The short line used to clear a's startDate: a bulk row replaces every field.
        Response response = Ingest.accounts(api, admin, Ingest.CSV, "externalId,segment,startDate\nb,SMB,\na,SMB\n");
        Ingest.assertRowErrors("a short line", response, Ingest.at(3, "row"));
        assertThat(Ingest.accounts(api, admin)).singleElement()
                .satisfies(a -> assertThat(a.get("startDate")).isEqualTo("2024-06-01"));
    }

    @BackendTest
    void datesOutsideTheCalendarTheServiceKeepsAreRefused(Api api) {
        String admin = Jobs.proveWorkspace(api);
        api.as(admin).contentType(ContentType.JSON).body(Map.of()).put("/api/v1/accounts/{id}", "a").then()
                .statusCode(201);
        // +999999999-12-31 overflowed date arithmetic (500); -0001-01-01 was scored as a real day.
        for (String day : List.of("+999999999-12-31", "-0001-01-01", "1899-12-31")) {
            Response health = api.bad(admin).queryParam("asOf", day).get("/api/v1/accounts/a/health");
            MetricBadInputIT.assertProblem("health asOf " + day, health, 400, "asOf");
            Response compute = api.bad(admin).contentType(ContentType.JSON)
                    .body(Map.of("asOf", day, "accounts", List.of("a"))).post("/api/v1/scores/compute");
            // Readable, so a rule broken: 422, as for bulk rows and an account's startDate.
            MetricBadInputIT.assertProblem("compute asOf " + day, compute, 422, "asOf");
            Map<String, Object> recompute = Map.of("asOfFrom", day, "asOfTo", "2026-01-01");
            MetricBadInputIT.assertProblem("recompute asOfFrom " + day, api.bad(admin).contentType(ContentType.JSON)
                    .body(recompute).post(Jobs.RECOMPUTE), 422, "asOfFrom");
            JsonPath job = api.graphql(admin, "mutation($d: Date) { startRecompute(input: {asOf: $d}) { id } }",
                    Map.of("d", day)).then().statusCode(200).extract().jsonPath();
            assertThat(job.getList("errors")).as("GraphQL asOf %s", day).isNotEmpty();
        }
        // [] was read as "no date" and [2024, 6, 1] as a date.
        for (Object day : List.of(List.of(), List.of(2024, 6, 1))) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("startDate", day);
            Response put = api.bad(admin).contentType(ContentType.JSON).body(body).put("/api/v1/accounts/a");
            MetricBadInputIT.assertProblem("startDate " + day, put, 400, "startDate");
        }
        assertThat(api.as(admin).get("/api/v1/jobs").jsonPath().getList("items")).isEmpty();
    }

    @BackendTest
    void aWideImportTimestampMustBeText(Api api) {
        String admin = api.newWorkspace().adminSecret();
        // Read as seconds since 1970 before.
        for (Object at : List.of(1767225600, "1767225600")) {
            Map<String, Object> mapping = new LinkedHashMap<>(HostileBases.wideMapping());
            mapping.remove("outcome");
            mapping.put("observedAt", at);
            Response response = api.raw(admin).multiPart("file", "f.csv", "id,seg,tenure\na,ENT,5\n".getBytes(
                    StandardCharsets.UTF_8), "text/csv").multiPart("mapping", HostileJson.write(mapping),
                    "application/json").post(Ingest.WIDE);
            MetricBadInputIT.assertProblem("observedAt " + at, response, 400, "mapping.observedAt");
        }
    }

    @BackendTest
    void aRecomputeListingANullAccountIsRefused(Api api) {
        String admin = Jobs.proveWorkspace(api);
        java.util.List<Object> accounts = new java.util.ArrayList<>();
        accounts.add(null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accounts", accounts);
        Response response = api.bad(admin).contentType(ContentType.JSON).body(body).post(Jobs.RECOMPUTE);
        MetricBadInputIT.assertProblem("accounts [null]", response, 422, "accounts[0]");
        assertThat(api.as(admin).get("/api/v1/jobs").jsonPath().getList("items")).isEmpty();
    }

    @BackendTest
    void graphQLHealthCountsVersionsFromOne(Api api) {
        String admin = Jobs.proveWorkspace(api);
        api.as(admin).contentType(ContentType.JSON).body(Map.of()).put("/api/v1/accounts/{id}", "a").then()
                .statusCode(201);
        JsonPath answer = api.graphql(admin, "{ account(externalId: \"a\") { health(version: 0) { score } } }",
                null).then().statusCode(200).extract().jsonPath();
        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("VALIDATION");
    }

    @BackendTest
    void accountIdsMustBeValidUnicode(Api api) {
        String admin = api.newWorkspace().adminSecret();
        // A lone surrogate is kept by H2 and written as '?' by MySQL: refused on both.
        Response graphql = api.bad(admin).contentType(ContentType.JSON).body("{\"query\":\"mutation($id: String!) "
                + "{ upsertAccount(externalId: $id, input: {}) { externalId } }\",\"variables\":{\"id\":\"\\ud800\"}}")
                .post("/graphql");
        MetricBadInputIT.assertProblem("a lone surrogate as a GraphQL id", graphql, 400, "variables.id");
        Response bulk = Ingest.accounts(api, admin, Ingest.JSON, "[{\"externalId\":\"a\\ud800b\"}]");
        Ingest.assertRowErrors("a lone surrogate", bulk, Ingest.at(1, "externalId"));
        assertThat(Ingest.accountIds(api, admin)).isEmpty();
    }

    @BackendTest
    void textMustBeValidUnicodeInEveryJsonBody(Api api) {
        String admin = api.newWorkspace().adminSecret();
        // MySQL stored "a\ud800b" as "a?b" while the 201 showed what was sent; H2 kept it.
        String metric = "{\"key\":\"m\",\"name\":\"a\\ud800b\",\"valueType\":\"NUMBER\","
                + "\"direction\":\"HIGHER_IS_BETTER\"}";
        Response rest = api.bad(admin).contentType(ContentType.JSON).body(metric).post("/api/v1/metrics");
        MetricBadInputIT.assertProblem("a lone surrogate in a name", rest, 400, "name");
        String graphql = "{\"query\":\"mutation($n: String) { upsertAccount(externalId: \\\"x\\\", "
                + "input: {name: $n}) { name } }\",\"variables\":{\"n\":\"a\\udc00\"}}";
        Response variables = api.bad(admin).contentType(ContentType.JSON).body(graphql).post("/graphql");
        MetricBadInputIT.assertProblem("a lone surrogate in a GraphQL variable", variables, 400, "variables.n");
        api.as(admin).get("/api/v1/metrics/m").then().statusCode(404);
        api.as(admin).get("/api/v1/accounts/x").then().statusCode(404);
    }

    @BackendTest
    void anAccountWithoutSegmentIsScoredOrRefusedNeverAFault(Api api) {
        String admin = api.newWorkspace().adminSecret();
        ScorecardBodies.metric(api, admin, "usage", "PERCENT");
        Map<String, Object> draft = ScorecardBodies.draft("ent", "Enterprise", List.of(
                ScorecardBodies.measure("usage", 1, ScorecardBodies.linear(0, 100))));
        draft.put("appliesTo", Map.of("segments", List.of("ENT")));
        ScorecardBodies.create(api, admin, draft);
        ScorecardBodies.publish(api, admin, "ent").then().statusCode(201);
        api.as(admin).contentType(ContentType.JSON).body(Map.of()).put("/api/v1/accounts/{id}", "plain").then()
                .statusCode(201);
        // An account with no segment made the resolver throw (List.of(...).contains(null)).
        api.as(admin).get("/api/v1/accounts/plain/health").then().statusCode(404)
                .contentType("application/problem+json");
        Jobs.start(api, admin, Map.of("asOf", "2026-01-01"), null);
    }

    private static HostileSender.Answer send(Api api, String method, String path, String secret, String type,
                                             byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + secret);
        if (type != null) {
            headers.put("Content-Type", type);
        }
        return new HostileSender(api).send(new HostileRequest("regression", method + " " + path, method, path, headers,
                body, false));
    }

    private static byte[] concat(String head, byte[] middle, String tail) {
        return HostileBulk.concat(head.getBytes(StandardCharsets.UTF_8), middle, tail.getBytes(StandardCharsets.UTF_8));
    }
}
