package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;

class MetricCatalogIT {

    @BackendTest
    void createReadUpdateWithRevisionsAndEtags(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String writer = api.newKey(ws.adminSecret(), "WRITER");

        Response created = api.createMetric(writer, Api.metric("logins"));
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.header("Location")).endsWith("/api/v1/metrics/logins");
        assertThat(created.jsonPath().getString("createdBy")).isEqualTo("writer key");

        Response read = api.as(writer).get("/api/v1/metrics/logins");
        read.then().statusCode(200).header("ETag", "\"1\"");
        assertThat(read.jsonPath().getString("createdAt")).isEqualTo(created.jsonPath().getString("createdAt"));

        Map<String, Object> changed = Api.metric("logins");
        changed.put("name", "Logins per week");
        changed.put("tags", List.of("core", "weekly"));
        Response updated = api.as(writer).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(changed)
                .put("/api/v1/metrics/logins");
        updated.then().statusCode(200).header("ETag", "\"2\"");
        assertThat(updated.jsonPath().getList("tags")).containsExactly("core", "weekly");

        // The same body again changes nothing: no new revision.
        api.as(writer).contentType(ContentType.JSON).header("If-Match", "\"2\"").body(changed)
                .put("/api/v1/metrics/logins").then().statusCode(200).header("ETag", "\"2\"");

        // A writer still holding revision 1 is told it is stale, and nothing changes.
        Map<String, Object> stale = Api.metric("logins");
        stale.put("name", "Stale edit");
        api.as(writer).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(stale)
                .put("/api/v1/metrics/logins").then().statusCode(412)
                .contentType("application/problem+json");
        assertThat(api.as(writer).get("/api/v1/metrics/logins").jsonPath().getString("name"))
                .isEqualTo("Logins per week");

        JsonPath revisions = api.as(writer).get("/api/v1/metrics/logins/revisions").then().statusCode(200)
                .extract().jsonPath();
        assertThat(revisions.getList("items.revision", Integer.class)).containsExactly(2, 1);
        assertThat(revisions.getList("items.change")).containsExactly("UPDATED", "CREATED");
        assertThat(revisions.getList("items.changedBy")).containsOnly("writer key");
        assertThat(revisions.getList("items.changedAt")).allSatisfy(at -> assertThat(at).isNotNull());
        assertThat(revisions.getString("items[1].metric.name")).isEqualTo("Metric logins");
    }

    @BackendTest
    void deleteKeepsTheTrailAndARecreatedKeyContinuesIt(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String admin = ws.adminSecret();
        api.createMetric(admin, Api.metric("nps"));
        api.as(admin).header("If-Match", "\"7\"").delete("/api/v1/metrics/nps").then().statusCode(412);
        api.as(admin).header("If-Match", "\"1\"").delete("/api/v1/metrics/nps").then().statusCode(204);
        api.as(admin).get("/api/v1/metrics/nps").then().statusCode(404).contentType("application/problem+json");
        api.as(admin).delete("/api/v1/metrics/nps").then().statusCode(404);

        Response recreated = api.createMetric(admin, Api.metric("nps"));
        assertThat(recreated.header("ETag")).isEqualTo("\"3\"");
        assertThat(api.as(admin).get("/api/v1/metrics/nps/revisions").jsonPath().getList("items.change"))
                .containsExactly("CREATED", "DELETED", "CREATED");
        api.as(admin).get("/api/v1/metrics/never_was/revisions").then().statusCode(404);
    }

    @BackendTest
    void listsFilterAndPageWithCursors(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String admin = ws.adminSecret();
        for (int i = 0; i < 7; i++) {
            Map<String, Object> body = Api.metric("m" + i);
            body.put("dimension", i % 2 == 0 ? "ADOPTION" : "RISK");
            body.put("tags", i < 3 ? List.of("core", "t" + i) : List.of("extra"));
            body.put("status", i == 6 ? "DEPRECATED" : "ACTIVE");
            api.createMetric(admin, body);
        }
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = api.as(admin).queryParam("limit", 3);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/metrics").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.key"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6");
        assertThat(pages).isEqualTo(3);

        assertThat(api.as(admin).queryParam("dimension", "RISK").get("/api/v1/metrics").jsonPath()
                .getList("items.key")).containsExactly("m1", "m3", "m5");
        assertThat(api.as(admin).queryParam("tag", "core").get("/api/v1/metrics").jsonPath()
                .getList("items.key")).containsExactly("m0", "m1", "m2");
        assertThat(api.as(admin).queryParam("status", "DEPRECATED").get("/api/v1/metrics").jsonPath()
                .getList("items.key")).containsExactly("m6");
        assertThat(api.as(admin).queryParam("status", "ACTIVE").queryParam("dimension", "ADOPTION")
                .queryParam("tag", "core").get("/api/v1/metrics").jsonPath().getList("items.key"))
                .containsExactly("m0", "m2");
    }

    @BackendTest
    void catalogRendersAsJsonMarkdownAndEscapedHtml(Api api) {
        Api.Workspace ws = api.newWorkspace();
        String admin = ws.adminSecret();
        Map<String, Object> body = Api.metric("risky");
        body.put("description", "Counts *logins*.\n\n<script>alert('x')</script> [link](javascript:alert)");
        body.put("name", "Risky | name");
        api.createMetric(admin, body);
        api.createMetric(admin, Api.metric("plain"));

        JsonPath json = api.as(admin).accept(ContentType.JSON).get("/api/v1/catalog").then().statusCode(200)
                .extract().jsonPath();
        assertThat(json.getList("metrics.key")).containsExactly("plain", "risky");

        String markdown = api.as(admin).accept("text/markdown").get("/api/v1/catalog").then().statusCode(200)
                .contentType("text/markdown").extract().asString();
        assertThat(markdown).contains("# Metric catalog", "## Risky | name (`risky`)", "Counts *logins*.",
                "Risky \\| name");

        String html = api.as(admin).accept("text/html").get("/api/v1/catalog").then().statusCode(200)
                .contentType("text/html").extract().asString();
        assertThat(html).contains("<em>logins</em>", "&lt;script&gt;").doesNotContain("<script>")
                .doesNotContain("href=\"javascript");

        // ?format= overrides Accept.
        api.as(admin).accept("text/html").queryParam("format", "markdown").get("/api/v1/catalog").then()
                .statusCode(200).contentType("text/markdown");
        api.bad(admin).queryParam("format", "pdf").get("/api/v1/catalog").then().statusCode(400)
                .contentType("application/problem+json");
        api.bad(admin).accept("image/png").get("/api/v1/catalog").then().statusCode(406)
                .contentType("application/problem+json");
    }
}
