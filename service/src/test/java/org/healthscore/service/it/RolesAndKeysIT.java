package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who may do what (DESIGN.md 4.1): the bootstrap admin manages workspaces and nothing else;
 * READER reads, WRITER also writes metrics, ADMIN also manages keys and reads the audit trail.
 * Keys are shown once, listed without secrets, revoked at once, and the last ADMIN key stays.
 */
class RolesAndKeysIT {

    private static final String SECRET_SHAPE = "^hs_[a-z0-9]{10}_[A-Za-z0-9_-]{43}$";

    @BackendTest
    void bootstrapAdminCreatesAWorkspaceWithItsFirstAdminKey(Api api) {
        String name = "Acme " + UUID.randomUUID();
        // Leading and trailing spaces are dropped from the name.
        Response created = api.as(Backend.BOOTSTRAP).contentType(ContentType.JSON).body(Map.of("name", "  " + name + " "))
                .post("/api/v1/workspaces");
        created.then().statusCode(201);
        JsonPath body = created.jsonPath();
        // Flat: the first key's fields sit beside the workspace's, nothing nested.
        assertThat(body.getMap("")).containsOnlyKeys("id", "name", "keyId", "role", "secret");
        assertThat(body.getString("name")).isEqualTo(name);
        assertThat(body.getString("role")).isEqualTo("ADMIN");
        assertThat(body.getString("id")).isNotBlank().isNotEqualTo(body.getString("keyId"));
        String secret = body.getString("secret");
        assertThat(secret).matches(SECRET_SHAPE);

        JsonPath metrics = api.as(secret).get("/api/v1/metrics").then().statusCode(200).extract().jsonPath();
        assertThat(metrics.getList("items")).isEmpty();
        JsonPath keys = api.as(secret).get("/api/v1/keys").then().statusCode(200).extract().jsonPath();
        assertThat(keys.getList("items.id")).containsExactly(body.getString("keyId"));
        assertThat(keys.getList("items.role")).containsExactly("ADMIN");
        assertThat(keys.getList("items.createdBy")).containsExactly("bootstrap-admin");

        assertThat(allWorkspaces(api)).containsEntry(body.getString("id"), name);
    }

    @BackendTest
    void bootstrapAdminMayOnlyManageWorkspaces(Api api) {
        String boot = Backend.BOOTSTRAP;
        api.as(boot).get("/api/v1/metrics").then().statusCode(403).contentType("application/problem+json");
        api.as(boot).contentType(ContentType.JSON).body(Api.metric("boot_metric")).post("/api/v1/metrics").then()
                .statusCode(403);
        api.as(boot).get("/api/v1/keys").then().statusCode(403);
        api.as(boot).contentType(ContentType.JSON).body(Map.of("name", "boot key", "role", "ADMIN"))
                .post("/api/v1/keys").then().statusCode(403);
        api.as(boot).get("/api/v1/audit").then().statusCode(403);

        // GraphQL refuses inside a 200 GraphQL document, coded like REST's 403.
        JsonPath graphql = api.graphql(boot, "{ metrics { nodes { key } } }", null).then().statusCode(200)
                .extract().jsonPath();
        assertThat(graphql.getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");
    }

    @BackendTest
    void workspaceKeysCannotManageWorkspaces(Api api) {
        Api.Workspace ws = api.newWorkspace();
        for (String role : List.of("READER", "WRITER", "ADMIN")) {
            String secret = role.equals("ADMIN") ? ws.adminSecret() : api.newKey(ws.adminSecret(), role);
            api.as(secret).contentType(ContentType.JSON).body(Map.of("name", "sneaky")).post("/api/v1/workspaces")
                    .then().statusCode(403).contentType("application/problem+json");
            api.as(secret).get("/api/v1/workspaces").then().statusCode(403);
        }
        assertThat(allWorkspaces(api)).doesNotContainValue("sneaky");
    }

    @BackendTest
    void readerReadsButChangesNothing(Api api) {
        Api.Workspace ws = api.newWorkspace();
        api.createMetric(ws.adminSecret(), Api.metric("logins"));
        String reader = api.newKey(ws.adminSecret(), "READER");

        api.as(reader).get("/api/v1/metrics").then().statusCode(200);
        api.as(reader).get("/api/v1/metrics/logins").then().statusCode(200).header("ETag", "\"1\"");
        api.as(reader).get("/api/v1/metrics/logins/revisions").then().statusCode(200);
        api.as(reader).accept(ContentType.JSON).get("/api/v1/catalog").then().statusCode(200);

        api.as(reader).contentType(ContentType.JSON).body(Api.metric("new_one")).post("/api/v1/metrics").then()
                .statusCode(403).contentType("application/problem+json");
        Map<String, Object> renamed = Api.metric("logins");
        renamed.put("name", "Renamed by a reader");
        api.as(reader).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(renamed)
                .put("/api/v1/metrics/logins").then().statusCode(403);
        api.as(reader).header("If-Match", "\"1\"").delete("/api/v1/metrics/logins").then().statusCode(403);
        api.as(reader).contentType(ContentType.JSON).body(Map.of("name", "escalate", "role", "ADMIN"))
                .post("/api/v1/keys").then().statusCode(403);
        api.as(reader).get("/api/v1/keys").then().statusCode(403);
        api.as(reader).get("/api/v1/audit").then().statusCode(403);

        JsonPath list = api.as(reader).get("/api/v1/metrics").jsonPath();
        assertThat(list.getList("items.key")).containsExactly("logins");
        assertThat(list.getList("items.name")).containsExactly("Metric logins");
        assertThat(list.getList("items.revision", Integer.class)).containsExactly(1);
        assertThat(activeKeyNames(api, ws.adminSecret())).containsExactly("first admin key", "reader key");
    }

    @BackendTest
    void writerWritesMetricsButManagesNoKeys(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String writer = api.newKey(ws.adminSecret(), "WRITER");
        String firstKeyId = keyIds(api, ws.adminSecret()).get(0);

        api.createMetric(writer, Api.metric("seats"));
        Map<String, Object> renamed = Api.metric("seats");
        renamed.put("name", "Seats used");
        api.as(writer).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(renamed)
                .put("/api/v1/metrics/seats").then().statusCode(200).header("ETag", "\"2\"");
        api.as(writer).header("If-Match", "\"2\"").delete("/api/v1/metrics/seats").then().statusCode(204);

        api.as(writer).contentType(ContentType.JSON).body(Map.of("name", "escalate", "role", "ADMIN"))
                .post("/api/v1/keys").then().statusCode(403).contentType("application/problem+json");
        api.as(writer).get("/api/v1/keys").then().statusCode(403);
        api.as(writer).delete("/api/v1/keys/" + firstKeyId).then().statusCode(403);
        api.as(writer).get("/api/v1/audit").then().statusCode(403);

        assertThat(activeKeyNames(api, ws.adminSecret())).containsExactly("first admin key", "writer key");
    }

    @BackendTest
    void adminCreatesListsAndRevokesKeys(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String admin = ws.adminSecret();
        JsonPath created = api.as(admin).contentType(ContentType.JSON).body(Map.of("name", "CRM sync", "role", "WRITER"))
                .post("/api/v1/keys").then().statusCode(201).extract().jsonPath();
        assertThat(created.getMap("")).containsOnlyKeys("id", "name", "role", "prefix", "createdAt", "secret");
        assertThat(created.getString("name")).isEqualTo("CRM sync");
        assertThat(created.getString("role")).isEqualTo("WRITER");
        String secret = created.getString("secret");
        assertThat(secret).matches(SECRET_SHAPE);
        // The prefix is the secret's public start, "hs_" and its 10 lookup characters.
        assertThat(created.getString("prefix")).matches("^hs_[a-z0-9]{10}$").isEqualTo(secret.substring(0, 13));

        String listed = api.as(admin).get("/api/v1/keys").then().statusCode(200).extract().asString();
        assertThat(listed).doesNotContain("\"secret\"").doesNotContain(secret).doesNotContain(admin)
                .doesNotContain(secret.substring(14));
        JsonPath keys = JsonPath.from(listed);
        assertThat(keys.getList("items.name")).containsExactly("first admin key", "CRM sync");
        assertThat(keys.getList("items.prefix")).containsExactly(admin.substring(0, 13), created.getString("prefix"));
        assertThat(keys.getList("items.createdBy")).containsExactly("bootstrap-admin", "first admin key");
        assertThat(keys.getString("items[1].createdAt")).isEqualTo(created.getString("createdAt"));

        api.as(secret).get("/api/v1/metrics").then().statusCode(200);
        api.as(admin).delete("/api/v1/keys/" + created.getString("id")).then().statusCode(204);
        // Revoked at once: the very next request with it is refused.
        api.as(secret).get("/api/v1/metrics").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"healthscore\"");
        api.as(admin).delete("/api/v1/keys/" + created.getString("id")).then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(activeKeyNames(api, admin)).containsExactly("first admin key");
        api.as(admin).delete("/api/v1/keys/" + UUID.randomUUID()).then().statusCode(404);
    }

    @BackendTest
    void theLastAdminKeyCannotBeRevoked(Api api) {
        JsonPath ws = api.as(Backend.BOOTSTRAP).contentType(ContentType.JSON)
                .body(Map.of("name", "ws-" + UUID.randomUUID())).post("/api/v1/workspaces").then().statusCode(201)
                .extract().jsonPath();
        String first = ws.getString("secret");
        String firstId = ws.getString("keyId");
        // Other roles do not count: a WRITER cannot manage keys, so the workspace would be locked.
        api.newKey(first, "WRITER");

        api.as(first).delete("/api/v1/keys/" + firstId).then().statusCode(409)
                .contentType("application/problem+json");
        api.as(first).get("/api/v1/keys").then().statusCode(200);

        JsonPath second = api.as(first).contentType(ContentType.JSON).body(Map.of("name", "second admin", "role", "ADMIN"))
                .post("/api/v1/keys").then().statusCode(201).extract().jsonPath();
        api.as(second.getString("secret")).delete("/api/v1/keys/" + firstId).then().statusCode(204);
        api.as(first).get("/api/v1/keys").then().statusCode(401);

        // Now the second is the last ADMIN key, even for itself.
        api.as(second.getString("secret")).delete("/api/v1/keys/" + second.getString("id")).then().statusCode(409);
        assertThat(activeKeyNames(api, second.getString("secret"))).containsExactly("writer key", "second admin");
    }

    @BackendTest
    void auditTrailNamesWhoDidWhatNewestFirstAndPages(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String admin = ws.adminSecret();
        JsonPath writer = api.as(admin).contentType(ContentType.JSON).body(Map.of("name", "sync job", "role", "WRITER"))
                .post("/api/v1/keys").then().statusCode(201).extract().jsonPath();
        String writerId = writer.getString("id");
        api.createMetric(writer.getString("secret"), Api.metric("churn_risk"));
        api.as(admin).delete("/api/v1/keys/" + writerId).then().statusCode(204);
        String adminId = keyIds(api, admin).get(0);

        JsonPath audit = api.as(admin).get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertThat(audit.getList("items.action"))
                .containsExactly("key.revoked", "metric.created", "key.created", "workspace.created");
        assertThat(audit.getList("items.actor"))
                .containsExactly("first admin key", "sync job", "first admin key", "bootstrap-admin");
        assertThat(audit.getList("items.actorKeyId")).containsExactly(adminId, writerId, adminId, null);
        assertThat(audit.getList("items.target")).containsExactly(writerId, "churn_risk", writerId, ws.id());
        assertThat(audit.getString("items[1].detail")).isEqualTo("revision 1");
        assertThat(audit.getString("items[2].detail")).isEqualTo("sync job (WRITER)");
        assertThat(audit.getString("nextCursor")).isNull();

        // One event per page, following the cursors, gives the same events in the same order.
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var request = api.as(admin).queryParam("limit", 1);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("items")).hasSize(1);
            paged.add(page.getString("items[0].id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null && paged.size() < 10);
        assertThat(paged).containsExactlyElementsOf(audit.getList("items.id"));
    }

    /** Every workspace, id to name, following the cursors (the shared app holds other tests' workspaces). */
    private static Map<String, String> allWorkspaces(Api api) {
        Map<String, String> all = new LinkedHashMap<>();
        String cursor = null;
        do {
            var request = api.as(Backend.BOOTSTRAP).queryParam("limit", 1000);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/workspaces").then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("items.id");
            List<String> names = page.getList("items.name");
            for (int i = 0; i < ids.size(); i++) {
                all.put(ids.get(i), names.get(i));
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return all;
    }

    private static List<String> activeKeyNames(Api api, String admin) {
        return api.as(admin).get("/api/v1/keys").then().statusCode(200).extract().jsonPath().getList("items.name");
    }

    private static List<String> keyIds(Api api, String admin) {
        return api.as(admin).get("/api/v1/keys").then().statusCode(200).extract().jsonPath().getList("items.id");
    }
}
