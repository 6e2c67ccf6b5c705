package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a re-scoring job fills is what the band filter and GraphQL show: the accounts whose newest
 * stored score is GREEN are exactly those listed under band=GREEN, and GraphQL's history equals REST's.
 */
class StoredScoresIT {

    @BackendTest
    void theBandFilterAndGraphQLHistoryReadTheStoredScores(Api api) {
        String writer = Jobs.proveWorkspace(api);
        Jobs.accountsWithObservations(api, writer, "acct", 8);
        JsonPath job = Jobs.start(api, writer, Map.of("scorecard", "prove", "asOfFrom", "2026-09-01",
                "asOfTo", "2026-11-30", "stepDays", 30), null);
        assertThat(Jobs.awaitEnd(api, writer, job.getString("id"), Duration.ofSeconds(60)).getString("status"))
                .isEqualTo("SUCCEEDED");

        List<String> expectedGreen = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            List<Map<String, Object>> history = Jobs.history(api, writer, "acct" + i, "prove", "2026-09-01",
                    "2026-11-30");
            Map<String, Object> newest = history.get(history.size() - 1);
            if ("GREEN".equals(newest.get("band"))) {
                expectedGreen.add("acct" + i);
            }
            // GraphQL shows the same stored scores.
            JsonPath gql = api.graphql(writer, "query($id: String!) { account(externalId: $id) {"
                    + " history(scorecard: \"prove\", from: \"2026-09-01\", to: \"2026-11-30\") { asOf score band } } }",
                    Map.of("id", "acct" + i)).jsonPath();
            assertThat(gql.getList("data.account.history.asOf"))
                    .isEqualTo(history.stream().map(h -> h.get("asOf")).toList());
            assertThat(gql.getList("data.account.history.band"))
                    .isEqualTo(history.stream().map(h -> h.get("band")).toList());
        }
        List<String> green = api.as(writer).queryParam("scorecard", "prove").queryParam("band", "GREEN")
                .get("/api/v1/accounts").then().statusCode(200).extract().jsonPath().getList("items.externalId");
        assertThat(green).isEqualTo(expectedGreen);
        JsonPath gqlGreen = api.graphql(writer, "{ accounts(first: 50, filter: {scorecard: \"prove\", band: GREEN}) {"
                + " nodes { externalId } } }", null).jsonPath();
        assertThat(gqlGreen.getList("data.accounts.nodes.externalId")).isEqualTo(expectedGreen);

        api.bad(writer).queryParam("band", "GREEN").get("/api/v1/accounts").then().statusCode(422);
        api.bad(writer).queryParam("scorecard", "prove").queryParam("band", "PINK").get("/api/v1/accounts").then()
                .statusCode(400);
    }
}
