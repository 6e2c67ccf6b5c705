package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthscore.service.it.ScorecardBodies.create;
import static org.healthscore.service.it.ScorecardBodies.draft;
import static org.healthscore.service.it.ScorecardBodies.linear;
import static org.healthscore.service.it.ScorecardBodies.measure;
import static org.healthscore.service.it.ScorecardBodies.publish;
import static org.healthscore.service.it.ScorecardBodies.put;
import static org.healthscore.service.it.ScorecardBodies.read;
import static org.healthscore.service.it.ScorecardBodies.scorecardKeys;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/**
 * No scorecard crosses workspaces (DESIGN.md 3, 5): workspace two's scorecards, versions and
 * template-made metrics are invisible to every key of workspace one, over REST and GraphQL, and
 * cannot be updated or published from there. Both hold a scorecard under the same key.
 */
class ScorecardIsolationIT {

    private static final String SHARED = "shared";
    private static final String THEIRS = "theirs";

    private record Setup(Api.Workspace one, String oneWriter, String oneReader, Api.Workspace two,
                         Map<String, Object> theirs) {
        List<String> oneKeys() {
            return List.of(one.adminSecret(), oneWriter, oneReader);
        }
    }

    private static Setup twoWorkspaces(Api api) {
        Api.Workspace one = api.newWorkspace();
        Api.Workspace two = api.newWorkspace();
        ScorecardBodies.metric(api, one.adminSecret(), "logins", "PERCENT");
        create(api, one.adminSecret(), draft(SHARED, "Shared in one", List.of(measure("logins", 1,
                linear(0, 100)))));
        // Workspace two: PROVE (which creates its catalog entries there), published; and the shared key.
        create(api, two.adminSecret(), Map.of("key", THEIRS, "fromFramework", "PROVE"));
        publish(api, two.adminSecret(), THEIRS).then().statusCode(201);
        create(api, two.adminSecret(), draft(SHARED, "Shared in two", List.of()));
        return new Setup(one, api.newKey(one.adminSecret(), "WRITER"), api.newKey(one.adminSecret(), "READER"), two,
                read(api, two.adminSecret(), THEIRS).getMap(""));
    }

    @BackendTest
    void restSeesOnlyTheCallersWorkspace(Api api) {
        Setup s = twoWorkspaces(api);
        for (String secret : s.oneKeys()) {
            api.as(secret).get("/api/v1/scorecards/" + THEIRS).then().statusCode(404)
                    .contentType("application/problem+json");
            api.as(secret).get("/api/v1/scorecards/" + THEIRS + "/versions/1").then().statusCode(404);
            assertThat(scorecardKeys(api, secret)).containsExactly(SHARED);
            JsonPath shared = read(api, secret, SHARED);
            assertThat(shared.getString("name")).isEqualTo("Shared in one");
            assertThat(shared.getList("measures.metric")).containsExactly("logins");
            // PROVE's catalog entries were made in workspace two only.
            assertThat(ScorecardBodies.metricKeys(api, secret)).containsExactly("logins");
        }
        // Writes aimed at workspace two's scorecard find nothing to change.
        for (String secret : List.of(s.one().adminSecret(), s.oneWriter())) {
            put(api, secret, THEIRS, "\"1\"", draft(null, "Hijacked", List.of())).then().statusCode(404);
            publish(api, secret, THEIRS).then().statusCode(404);
        }
        // A measure naming workspace two's metric is an unknown metric here.
        MetricBadInputIT.assertProblem("another workspace's metric", api.as(s.oneWriter())
                .contentType(ContentType.JSON).body(draft("uses_theirs", "Uses theirs", List.of(
                        measure("user_engagement_pct", 1, linear(0, 100))))).post("/api/v1/scorecards"), 422,
                "measures[0].metric");
        // Workspace one may use the same key for its own scorecard.
        create(api, s.oneWriter(), draft(THEIRS, "Ours now", List.of()));

        assertThat(read(api, s.two().adminSecret(), THEIRS).getMap("")).isEqualTo(s.theirs());
        assertThat(read(api, s.two().adminSecret(), SHARED).getString("name")).isEqualTo("Shared in two");
        assertThat(scorecardKeys(api, s.two().adminSecret())).containsExactly(SHARED, THEIRS);
        api.as(s.two().adminSecret()).get("/api/v1/scorecards/" + THEIRS + "/versions/2").then().statusCode(404);
        assertThat(read(api, s.one().adminSecret(), THEIRS).getString("name")).isEqualTo("Ours now");
    }

    @BackendTest
    void graphqlSeesOnlyTheCallersWorkspace(Api api) {
        Setup s = twoWorkspaces(api);
        for (String secret : s.oneKeys()) {
            JsonPath reads = ScorecardGraphQLIT.data(api.graphql(secret, """
                    { scorecard(key: "theirs") { key }
                      shared: scorecard(key: "shared") { name measures { metric } }
                      scorecardVersion(key: "theirs", version: 1) { version }
                      scorecards { nodes { key } }
                      metrics { nodes { key } } }""", null));
            assertThat(reads.getString("data.scorecard")).isNull();
            assertThat(reads.getString("data.scorecardVersion")).isNull();
            assertThat(reads.getString("data.shared.name")).isEqualTo("Shared in one");
            assertThat(reads.getList("data.scorecards.nodes.key")).containsExactly(SHARED);
            assertThat(reads.getList("data.metrics.nodes.key")).containsExactly("logins");
        }
        for (String secret : List.of(s.one().adminSecret(), s.oneWriter())) {
            JsonPath update = ScorecardGraphQLIT.ok(api.graphql(secret, """
                    mutation { updateScorecardDraft(key: "theirs", expectedRevision: 1, input: {name: "Hijacked"}) {
                      key } }""", null));
            assertThat(ScorecardGraphQLIT.code(update)).isEqualTo("NOT_FOUND");
            JsonPath published = ScorecardGraphQLIT.ok(api.graphql(secret,
                    "mutation { publishScorecard(key: \"theirs\") { version } }", null));
            assertThat(ScorecardGraphQLIT.code(published)).isEqualTo("NOT_FOUND");
        }
        assertThat(read(api, s.two().adminSecret(), THEIRS).getMap("")).isEqualTo(s.theirs());
        JsonPath two = ScorecardGraphQLIT.data(api.graphql(s.two().adminSecret(),
                "{ scorecard(key: \"theirs\") { latestVersion draftRevision } scorecards { nodes { key } } }", null));
        assertThat(two.getInt("data.scorecard.latestVersion")).isEqualTo(1);
        assertThat(two.getInt("data.scorecard.draftRevision")).isEqualTo(1);
        assertThat(two.getList("data.scorecards.nodes.key")).containsExactly(SHARED, THEIRS);
    }
}
