package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthscore.service.it.Ingest.CSV;
import static org.healthscore.service.it.Ingest.JSON;
import static org.healthscore.service.it.Ingest.at;
import static org.healthscore.service.it.Ingest.counts;
import static org.healthscore.service.it.Ingest.obs;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * No account, observation or outcome crosses workspaces (DESIGN.md 5), through REST or GraphQL.
 * Both workspaces hold an account under the SAME externalId ({@code acme}) and workspace two one
 * of its own ({@code only_two}); every key of workspace one must act as if workspace two did not
 * exist, and whatever it writes must leave workspace two exactly as it was.
 */
class IngestIsolationIT {

    private static final String SHARED = "acme";
    private static final String ONLY_TWO = "only_two";

    private record Setup(Api.Workspace one, String oneWriter, String oneReader, Api.Workspace two) {
        List<String> oneKeys() {
            return List.of(one.adminSecret(), oneWriter, oneReader);
        }
    }

    private static Setup twoWorkspaces(Api api) {
        Api.Workspace one = api.newWorkspace();
        Api.Workspace two = api.newWorkspace();
        api.createMetric(one.adminSecret(), Api.metric("uptime"));
        api.createMetric(two.adminSecret(), Api.metric("uptime"));
        put(api, one.adminSecret(), SHARED, "Acme in one");
        put(api, two.adminSecret(), SHARED, "Acme in two");
        put(api, two.adminSecret(), ONLY_TWO, "Only in two");
        Ingest.observations(api, two.adminSecret(), CSV, """
                account,metric,observedAt,value
                acme,uptime,2026-01-01T00:00:00Z,20
                only_two,uptime,2026-01-01T00:00:00Z,30
                """).then().statusCode(200);
        Ingest.outcomes(api, two.adminSecret(), CSV, "account,type,occurredAt\nonly_two,CHURNED,2026-02-01\n").then()
                .statusCode(200);
        return new Setup(one, api.newKey(one.adminSecret(), "WRITER"), api.newKey(one.adminSecret(), "READER"), two);
    }

    private static void put(Api api, String secret, String externalId, String name) {
        api.raw(secret).contentType(JSON).body(Map.of("name", name, "segment", "Enterprise"))
                .put("/api/v1/accounts/{id}", externalId).then().statusCode(201);
    }

    @BackendTest
    void restReadsOfAnotherWorkspacesAccountsFindNothing(Api api) {
        Setup s = twoWorkspaces(api);
        for (String secret : s.oneKeys()) {
            api.raw(secret).get("/api/v1/accounts/" + ONLY_TWO).then().statusCode(404)
                    .contentType("application/problem+json");
            api.raw(secret).get("/api/v1/accounts/" + ONLY_TWO + "/observations").then().statusCode(404);
            api.raw(secret).get("/api/v1/accounts/" + ONLY_TWO + "/outcomes").then().statusCode(404);
            assertThat(Ingest.accountIds(api, secret)).containsExactly(SHARED);
            assertThat(Ingest.json(api.raw(secret).queryParam("segment", "Enterprise").get("/api/v1/accounts"), 200)
                    .getList("items.name")).containsExactly("Acme in one");

            // The shared externalId is workspace one's own account, without workspace two's rows.
            assertThat(Ingest.json(api.raw(secret).get("/api/v1/accounts/" + SHARED), 200).getString("name"))
                    .isEqualTo("Acme in one");
            assertThat(Ingest.observationsOf(api, secret, SHARED, null)).isEmpty();
            assertThat(Ingest.outcomesOf(api, secret, SHARED)).isEmpty();
        }
    }

    @BackendTest
    void writesNamingAnotherWorkspacesAccountsFindNoSuchAccountAndChangeNothingThere(Api api) {
        Setup s = twoWorkspaces(api);
        Ingest.Stored twoBefore = Ingest.stored(api, s.two().adminSecret());
        Ingest.Stored oneBefore = Ingest.stored(api, s.oneWriter());

        Ingest.assertRowErrors("an observation for workspace two's account", Ingest.observations(api, s.oneWriter(),
                CSV, "account,metric,observedAt,value\nonly_two,uptime,2026-01-01T00:00:00Z,99\n"), at(2, "account"));
        Ingest.assertRowErrors("an outcome for workspace two's account", Ingest.outcomes(api, s.oneWriter(), JSON,
                "[{\"account\": \"only_two\", \"type\": \"RENEWED\", \"occurredAt\": \"2026-02-01\"}]"),
                at(1, "account"));
        assertThat(Ingest.stored(api, s.oneWriter())).isEqualTo(oneBefore);

        // Writing to the shared externalId reaches workspace one's account only.
        assertThat(counts(Ingest.observations(api, s.oneWriter(), CSV,
                "account,metric,observedAt,value\nacme,uptime,2026-01-01T00:00:00Z,99\n"), "observations"))
                .as("workspace two's row with this key does not make it an update").isEqualTo(counts(1, 0, 0));
        assertThat(counts(Ingest.outcomes(api, s.oneWriter(), CSV, "account,type,occurredAt\nacme,CHURNED,2026-02-01\n"),
                "outcomes")).isEqualTo(counts(1, 0, 0));
        assertThat(Ingest.observationsOf(api, s.oneWriter(), SHARED, null))
                .containsExactly(obs(SHARED, "uptime", "2026-01-01T00:00:00Z", 99));

        // Creating an account under workspace two's externalId makes workspace one's own.
        assertThat(counts(Ingest.accounts(api, s.oneWriter(), CSV, "externalId,name\nonly_two,Mine now\n"), "accounts"))
                .isEqualTo(counts(1, 0, 0));
        Response wide = api.raw(s.oneWriter())
                .multiPart("file", "sheet.csv", "id,uptime\nacme,98\nonly_two,97\n".getBytes(StandardCharsets.UTF_8),
                        "text/csv")
                .multiPart("mapping", "mapping.json", ("{\"accountColumn\": \"id\", \"observedAt\":"
                        + " \"2026-03-01T00:00:00Z\", \"metrics\": [{\"column\": \"uptime\", \"metric\": \"uptime\"}]}")
                        .getBytes(StandardCharsets.UTF_8), "application/json")
                .post(Ingest.WIDE);
        assertThat(counts(wide, "accounts")).isEqualTo(counts(0, 0, 2));
        assertThat(counts(wide, "observations")).isEqualTo(counts(2, 0, 0));

        assertThat(Ingest.stored(api, s.two().adminSecret())).isEqualTo(twoBefore);
        assertThat(Ingest.json(api.raw(s.two().adminSecret()).get("/api/v1/accounts/" + ONLY_TWO), 200)
                .getString("name")).isEqualTo("Only in two");
    }

    @BackendTest
    void graphqlSeesAndWritesOnlyItsOwnWorkspace(Api api) {
        Setup s = twoWorkspaces(api);
        Ingest.Stored twoBefore = Ingest.stored(api, s.two().adminSecret());
        String read = "query($id: String!) { account(externalId: $id) { name observations { nodes { value } }"
                + " outcomes { type } } }";
        for (String secret : s.oneKeys()) {
            JsonPath other = IngestGraphQLIT.data(api.graphql(secret, read, Map.of("id", ONLY_TWO)));
            assertThat(other.getMap("data")).containsEntry("account", null);
            JsonPath shared = IngestGraphQLIT.data(api.graphql(secret, read, Map.of("id", SHARED)));
            assertThat(shared.getString("data.account.name")).isEqualTo("Acme in one");
            assertThat(shared.getList("data.account.observations.nodes")).isEmpty();
            assertThat(shared.getList("data.account.outcomes")).isEmpty();
            JsonPath list = IngestGraphQLIT.data(api.graphql(secret,
                    "{ accounts(first: 100) { nodes { externalId name } } }", null));
            assertThat(list.getList("data.accounts.nodes.externalId")).containsExactly(SHARED);
            assertThat(list.getList("data.accounts.nodes.name")).containsExactly("Acme in one");
        }

        JsonPath observation = IngestGraphQLIT.ok(api.graphql(s.oneWriter(), IngestGraphQLIT.RECORD_OBSERVATIONS,
                Map.of("rows", List.of(Map.of("account", ONLY_TWO, "metric", "uptime",
                        "observedAt", "2026-01-01T00:00:00Z", "value", 1)))));
        assertThat(observation.getString("errors[0].extensions.code")).isEqualTo("VALIDATION");
        assertThat(observation.getString("errors[0].extensions.errors[0].field")).isEqualTo("account");
        JsonPath outcome = IngestGraphQLIT.ok(api.graphql(s.oneWriter(), IngestGraphQLIT.RECORD_OUTCOMES,
                Map.of("rows", List.of(Map.of("account", ONLY_TWO, "type", "RENEWED", "occurredAt", "2026-02-01")))));
        assertThat(outcome.getString("errors[0].extensions.code")).isEqualTo("VALIDATION");
        assertThat(outcome.getString("errors[0].extensions.errors[0].field")).isEqualTo("account");

        assertThat(Ingest.stored(api, s.two().adminSecret())).isEqualTo(twoBefore);
    }

    @BackendTest
    void aReaderMayReadAccountsButNotWriteThem(Api api) {
        Setup s = twoWorkspaces(api);
        String reader = s.oneReader();
        Ingest.Stored before = Ingest.stored(api, reader);

        forbidden("observations", Ingest.observations(api, reader, CSV,
                "account,metric,observedAt,value\nacme,uptime,2026-01-01T00:00:00Z,1\n"));
        forbidden("outcomes", Ingest.outcomes(api, reader, CSV, "account,type,occurredAt\nacme,CHURNED,2026-01-01\n"));
        forbidden("accounts in bulk", Ingest.accounts(api, reader, CSV, "externalId,name\nnewco,Newco\n"));
        forbidden("an account PUT", api.raw(reader).contentType(JSON).body(Map.of("name", "Renamed"))
                .put("/api/v1/accounts/" + SHARED));
        forbidden("a wide import", WideImportIT.importWide(api, reader, "id,uptime\nacme,1\n",
                "{\"accountColumn\": \"id\", \"observedAt\": \"2026-03-01T00:00:00Z\","
                        + " \"metrics\": [{\"column\": \"uptime\", \"metric\": \"uptime\"}]}"));

        JsonPath upsert = IngestGraphQLIT.ok(api.graphql(reader, IngestGraphQLIT.UPSERT,
                Map.of("id", SHARED, "in", Map.of("name", "Renamed"))));
        assertThat(upsert.getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");
        JsonPath record = IngestGraphQLIT.ok(api.graphql(reader, IngestGraphQLIT.RECORD_OBSERVATIONS,
                Map.of("rows", List.of(Map.of("account", SHARED, "metric", "uptime",
                        "observedAt", "2026-01-01T00:00:00Z", "value", 1)))));
        assertThat(record.getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");
        JsonPath outcomes = IngestGraphQLIT.ok(api.graphql(reader, IngestGraphQLIT.RECORD_OUTCOMES,
                Map.of("rows", List.of(Map.of("account", SHARED, "type", "CHURNED", "occurredAt", "2026-01-01")))));
        assertThat(outcomes.getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");

        // Without any key: 401.
        Ingest.observations(api, null, CSV, "account,metric,observedAt,value\n").then().statusCode(401)
                .contentType("application/problem+json");
        assertThat(Ingest.stored(api, reader)).isEqualTo(before);
        assertThat(Ingest.json(api.raw(reader).get("/api/v1/accounts/" + SHARED), 200).getString("name"))
                .isEqualTo("Acme in one");
    }

    private static void forbidden(String what, Response response) {
        assertThat(response.statusCode()).as("status of a reader's %s; body %s", what, response.asString())
                .isEqualTo(403);
        assertThat(response.contentType()).as("Content-Type of a reader's %s", what)
                .startsWith("application/problem+json");
    }
}
