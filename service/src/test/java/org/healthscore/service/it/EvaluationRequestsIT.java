package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bad evaluation requests are 4xx problems naming the field and start nothing; roles; workspace walls. */
class EvaluationRequestsIT {

    @BackendTest
    void badRequestsNameTheFieldAndStartNothing(Api api) {
        String admin = Evaluations.workspace(api);
        refused(api, admin, with("horizonDays", 0), 422, "horizonDays");
        refused(api, admin, with("stepDays", 400), 422, "stepDays");
        refused(api, admin, with("scorecard", "nope"), 422, "scorecard");
        refused(api, admin, with("version", 9), 422, "version");
        Map<String, Object> both = with("draft", true);
        both.put("version", 1);
        refused(api, admin, both, 422, "version");
        Map<String, Object> snapshotsOfDraft = with("draft", true);
        snapshotsOfDraft.put("source", "SNAPSHOTS");
        refused(api, admin, snapshotsOfDraft, 422, "source");
        refused(api, admin, with("asOfFrom", "2025-12-01"), 422, "asOfFrom");
        refused(api, admin, with("outcomesKnownThrough", "2025-01-01"), 422, "outcomesKnownThrough");
        Map<String, Object> noScorecard = Evaluations.request("naive");
        noScorecard.remove("scorecard");
        refused(api, admin, noScorecard, 422, "scorecard");
        refused(api, admin, with("surprise", 1), 400, "surprise");
        refused(api, admin, with("outcome", "RENEWAL"), 400, "outcome");
        refused(api, admin, with("asOfFrom", "2025-13-01"), 400, "asOfFrom");
        Response notJson = api.bad(admin).contentType(ContentType.JSON).body("{\"scorecard\": ").post(Evaluations.START);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.contentType()).startsWith("application/problem+json");
        // Nothing was started by any of them.
        assertThat(api.as(admin).get(Evaluations.START).then().statusCode(200).extract().jsonPath().getList("items"))
                .isEmpty();
        assertThat(api.as(admin).get("/api/v1/jobs").then().statusCode(200).extract().jsonPath().getList("items"))
                .isEmpty();

        // Unknown ids are 404; results of an evaluation that has not finished are 409.
        assertThat(api.as(admin).get(Evaluations.START + "/{id}", "no-such-id").statusCode()).isEqualTo(404);
        assertThat(api.as(admin).get(Evaluations.START + "/{id}/false-greens", "no-such-id").statusCode())
                .isEqualTo(404);
        assertThat(api.as(admin).post(Evaluations.START + "/{id}/apply", "no-such-id").statusCode()).isEqualTo(404);
        Response badCursor = api.bad(admin).queryParam("cursor", "garbage").get(Evaluations.START);
        assertThat(badCursor.statusCode()).isEqualTo(400);
        assertThat(badCursor.asString()).contains("cursor");
    }

    @BackendTest
    void readersReadAndWritersStartAndApply(Api api) {
        String admin = Evaluations.workspace(api);
        String reader = api.newKey(admin, "READER");
        Response forbidden = api.as(reader).contentType(ContentType.JSON).body(Evaluations.request("naive"))
                .post(Evaluations.START);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        String writer = api.newKey(admin, "WRITER");
        JsonPath done = Evaluations.run(api, writer, Evaluations.request("naive"));
        String id = done.getString("id");
        assertThat(Evaluations.get(api, reader, id).getString("verdict")).isEqualTo(done.getString("verdict"));
        assertThat(api.as(reader).get(Evaluations.START + "/{id}/false-greens", id).statusCode()).isEqualTo(200);
        assertThat(api.as(reader).post(Evaluations.START + "/{id}/apply", id).statusCode()).isEqualTo(403);
        assertThat(api.as(writer).post(Evaluations.START + "/{id}/apply", id).statusCode()).isEqualTo(200);
    }

    @BackendTest
    void anotherWorkspaceSeesNothingOfAnEvaluation(Api api) {
        String one = Evaluations.workspace(api);
        String two = Evaluations.workspace(api);
        JsonPath done = Evaluations.run(api, one, Evaluations.request("naive"));
        String id = done.getString("id");
        assertThat(api.as(two).get(Evaluations.START + "/{id}", id).statusCode()).isEqualTo(404);
        assertThat(api.as(two).get(Evaluations.START + "/{id}/false-greens", id).statusCode()).isEqualTo(404);
        assertThat(api.as(two).accept("text/csv").get(Evaluations.START + "/{id}/false-greens.csv", id).statusCode())
                .isEqualTo(404);
        assertThat(api.as(two).post(Evaluations.START + "/{id}/apply", id).statusCode()).isEqualTo(404);
        assertThat(api.as(two).post("/api/v1/jobs/{id}/cancel", id).statusCode()).isEqualTo(404);
        assertThat(api.as(two).get(Evaluations.START).then().statusCode(200).extract().jsonPath().getList("items.id"))
                .doesNotContain(id);
        // A cursor from workspace one's false greens reads nothing of it in workspace two.
        JsonPath page = Jobs.json(api.as(one).queryParam("limit", 1).get(Evaluations.START + "/{id}/false-greens", id));
        String cursor = page.getString("nextCursor");
        assertThat(cursor).isNotNull();
        assertThat(api.as(two).queryParam("cursor", cursor).get(Evaluations.START + "/{id}/false-greens", id)
                .statusCode()).isEqualTo(404);
        // Workspace two's own evaluation of its own scorecard is unaffected by one's apply.
        api.as(one).post(Evaluations.START + "/{id}/apply", id).then().statusCode(200);
        assertThat(api.as(two).get("/api/v1/scorecards/naive").then().statusCode(200).extract().jsonPath()
                .getList("measures.metric")).containsExactly("usage", "logins");
    }

    @BackendTest
    void resultsOfAnUnfinishedEvaluationAreAConflict(Api api) {
        String admin = Evaluations.workspace(api);
        org.healthscore.service.jobs.ChunkWorkers.pauseAll();
        String id;
        try {
            id = Evaluations.start(api, admin, Evaluations.request("naive"), null).getString("id");
            JsonPath queued = Evaluations.get(api, admin, id);
            assertThat(queued.getString("status")).isEqualTo("QUEUED");
            assertThat((Object) queued.get("auc")).isNull();
            Response early = api.as(admin).get(Evaluations.START + "/{id}/false-greens", id);
            assertThat(early.statusCode()).isEqualTo(409);
            assertThat(api.as(admin).post(Evaluations.START + "/{id}/apply", id).statusCode()).isEqualTo(409);
            // Cancelled while queued: it never runs, and stays without a report.
            api.as(admin).post("/api/v1/jobs/{id}/cancel", id).then().statusCode(200);
        } finally {
            org.healthscore.service.jobs.ChunkWorkers.resumeAll();
        }
        JsonPath cancelled = Evaluations.get(api, admin, id);
        assertThat(cancelled.getString("status")).isEqualTo("CANCELLED");
        Jobs.sleep(300);
        assertThat((Object) Evaluations.get(api, admin, id).get("verdict")).isNull();
        assertThat(Jobs.awaitEnd(api, admin, id, Duration.ofSeconds(5)).getString("status")).isEqualTo("CANCELLED");
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = new LinkedHashMap<>(Evaluations.request("naive"));
        body.put(field, value);
        return body;
    }

    private static void refused(Api api, String secret, Map<String, Object> body, int status, String field) {
        Response response = api.bad(secret).contentType(ContentType.JSON).body(body).post(Evaluations.START);
        assertThat(response.statusCode()).as("%s; body %s", body, response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.asString()).as("names %s", field).contains(field);
        assertThat(response.asString()).doesNotContain("Exception");
    }

    static List<String> ids(List<Map<String, Object>> items) {
        return items.stream().map(m -> (String) m.get("id")).toList();
    }
}
