package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Champion vs challenger (DESIGN.md 3.6): a second scorecard evaluated on exactly the same rows, its report
 * under the same names and the difference, over REST and GraphQL; bad challengers are 422s naming the field.
 */
class EvaluationChallengerIT {

    /** The naive workspace plus "usage_only", published: usage alone, the measure that carries the signal. */
    private static String workspace(Api api) {
        String admin = Evaluations.workspace(api);
        Map<String, Object> draft = ScorecardBodies.draft("usage_only", "Usage only", List.of(
                ScorecardBodies.measure("usage", 1, ScorecardBodies.linear(0, 100))));
        api.as(admin).contentType(ContentType.JSON).body(draft).post("/api/v1/scorecards").then().statusCode(201);
        api.as(admin).post("/api/v1/scorecards/usage_only/publish").then().statusCode(201);
        return admin;
    }

    @BackendTest
    void aChallengerIsEvaluatedOnTheSameRowsAndTheDifferenceIsItsMinusTheChampions(Api api) {
        String admin = workspace(api);
        Map<String, Object> body = Evaluations.request("naive");
        body.put("challenger", Map.of("scorecard", "usage_only"));
        JsonPath both = Evaluations.run(api, admin, body);
        JsonPath alone = Evaluations.run(api, admin, Evaluations.request("usage_only"));
        JsonPath champion = Evaluations.run(api, admin, Evaluations.request("naive"));

        assertThat(both.getString("challenger.scorecard.key")).isEqualTo("usage_only");
        assertThat(both.getInt("challenger.scorecard.version")).isEqualTo(1);
        // The same rows: counts equal, and each side equals its own evaluation run alone.
        assertThat(both.getLong("challenger.counts.rows")).isEqualTo(both.getLong("counts.rows"));
        assertThat(both.getLong("challenger.counts.positives")).isEqualTo(both.getLong("counts.positives"));
        assertThat((Object) both.get("challenger.auc")).isEqualTo(alone.get("auc"));
        assertThat((Object) both.get("challenger.bands")).isEqualTo(alone.get("bands"));
        assertThat((Object) both.get("auc")).isEqualTo(champion.get("auc"));
        assertThat(both.getDouble("challenger.difference.auc"))
                .isCloseTo(alone.getDouble("auc.value") - champion.getDouble("auc.value"), within(1e-12))
                .isPositive();
        assertThat(both.getDouble("challenger.difference.falseGreenShare")).isCloseTo(
                alone.getDouble("falseGreens.shareOfPositives") - champion.getDouble("falseGreens.shareOfPositives"),
                within(1e-12));
        assertThat(both.getList("challenger.difference.bands.band")).containsExactly("RED", "YELLOW", "GREEN");
        assertThat(both.getString("challenger.verdict")).isEqualTo(alone.getString("verdict"));

        // GraphQL: the same numbers under the same names.
        JsonPath graphql = Jobs.json(api.graphql(admin, "query($id: String!) { evaluation(id: $id) { auc { value }"
                + " challenger { scorecard { key version draft } auc { value low high } falseGreens { count }"
                + " difference { auc falseGreenShare bands { band champion challenger difference } } verdict } } }",
                Map.of("id", both.getString("id"))));
        assertThat((Object) graphql.get("errors")).isNull();
        assertThat((Object) graphql.get("data.evaluation.challenger.auc")).isEqualTo(both.get("challenger.auc"));
        assertThat((Object) graphql.get("data.evaluation.challenger.difference"))
                .isEqualTo(both.get("challenger.difference"));
    }

    @BackendTest
    void aDraftChallengerNeedsNoPublishing(Api api) {
        String admin = Evaluations.workspace(api);
        Map<String, Object> body = Evaluations.request("naive");
        body.put("challenger", Map.of("scorecard", "naive", "draft", true));
        JsonPath both = Evaluations.run(api, admin, body);
        assertThat(both.getBoolean("challenger.scorecard.draft")).isTrue();
        assertThat((Object) both.get("challenger.scorecard.version")).isNull();
        // The draft equals version 1 here: the same numbers, a zero difference.
        assertThat(both.getDouble("challenger.difference.auc")).isZero();
    }

    @BackendTest
    void badChallengersNameTheirField(Api api) {
        String admin = workspace(api);
        refused(api, admin, Map.of("scorecard", "nope"), "challenger.scorecard");
        refused(api, admin, Map.of("scorecard", "usage_only", "version", 7), "challenger.version");
        refused(api, admin, Map.of("scorecard", "naive", "version", 1), "challenger");
        Map<String, Object> both = new LinkedHashMap<>();
        both.put("scorecard", "usage_only");
        both.put("version", 1);
        both.put("draft", true);
        refused(api, admin, both, "challenger.version");
        Map<String, Object> body = Evaluations.request("naive");
        body.put("challenger", Map.of("version", 1));
        Response missing = api.bad(admin).contentType(ContentType.JSON).body(body).post(Evaluations.START);
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.asString()).contains("challenger.scorecard");
        assertThat(api.as(admin).get(Evaluations.START).then().statusCode(200).extract().jsonPath().getList("items"))
                .isEmpty();
    }

    private static void refused(Api api, String secret, Map<String, Object> challenger, String field) {
        Map<String, Object> body = Evaluations.request("naive");
        body.put("challenger", challenger);
        Response response = api.bad(secret).contentType(ContentType.JSON).body(body).post(Evaluations.START);
        assertThat(response.statusCode()).as("%s: %s", challenger, response.asString()).isEqualTo(422);
        assertThat(response.jsonPath().getList("errors.field")).as(response.asString()).contains(field);
    }
}
