package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Evaluations over GraphQL: the same report under the same names as REST, paged false greens, apply, walls. */
class EvaluationGraphQLIT {

    private static final String START = "mutation($in: EvaluationInput!) { startEvaluation(input: $in) {"
            + " id status progress { done total } scorecard { key version draft } } }";
    private static final String READ = """
            query($id: String!, $first: Int, $after: String) { evaluation(id: $id) {
              id status verdict outcome source horizonDays outcomesKnownThrough asOfDates
              counts { rows accounts positives baseRate insufficient censoredAsOfDates }
              auc { value low high }
              bands { band rows positives rate lift shareOfPositives }
              falseGreens { count shareOfPositives
                rows(first: $first, after: $after) { edges { cursor node { account asOf score outcomeDate } }
                  pageInfo { hasNextPage endCursor } } }
              red { precision recall }
              deciles { decile rows positives rate lift }
              measures { metric auc missingRate weightShare wrongWay }
              redundantPairs { a b rho }
              candidates { metric auc }
              suggestedWeights { weights { metric current suggested } cvAuc { current suggested }
                forwardAuc { current suggested } }
              suggestedBands { redBelow greenFrom bands { band rows positives rate lift shareOfPositives } }
              segments { segment rows baseRate auc falseGreenShare }
              findings
              roc { falsePositiveRate truePositiveRate }
              distribution { from to positives negatives } } }""";

    @BackendTest
    void anEvaluationStartedOverGraphQLReadsTheSameAsOverRest(Api api) {
        String admin = Evaluations.workspace(api);
        Map<String, Object> input = new LinkedHashMap<>(Evaluations.request("naive"));
        JsonPath started = data(api.graphql(admin, START, Map.of("in", input)));
        String id = started.getString("data.startEvaluation.id");
        assertThat(started.getString("data.startEvaluation.scorecard.key")).isEqualTo("naive");
        Jobs.awaitEnd(api, admin, id, Duration.ofSeconds(90));

        JsonPath rest = Evaluations.get(api, admin, id);
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("id", id);
        vars.put("first", 2);
        JsonPath graphql = data(api.graphql(admin, READ, vars));
        Map<String, Object> evaluation = graphql.getMap("data.evaluation");
        for (String field : List.of("verdict", "outcome", "source", "horizonDays", "outcomesKnownThrough",
                "asOfDates", "counts", "auc", "bands", "red", "deciles", "measures", "redundantPairs", "candidates",
                "suggestedWeights", "suggestedBands", "segments", "findings", "roc", "distribution")) {
            assertThat(evaluation.get(field)).as(field).isEqualTo(rest.get(field));
        }
        assertThat(graphql.getLong("data.evaluation.falseGreens.count")).isEqualTo(rest.getLong("falseGreens.count"));

        // The false greens page like REST's, cursor by cursor.
        List<Object> viaGraphql = new java.util.ArrayList<>();
        String after = null;
        do {
            vars.put("after", after);
            JsonPath page = data(api.graphql(admin, READ, vars));
            viaGraphql.addAll(page.getList("data.evaluation.falseGreens.rows.edges.node"));
            after = page.getBoolean("data.evaluation.falseGreens.rows.pageInfo.hasNextPage")
                    ? page.getString("data.evaluation.falseGreens.rows.pageInfo.endCursor") : null;
        } while (after != null);
        List<Object> viaRest = Jobs.json(api.as(admin).queryParam("limit", 1000)
                .get(Evaluations.START + "/{id}/false-greens", id)).getList("items");
        assertThat(viaGraphql).isEqualTo(viaRest).isNotEmpty();

        JsonPath listed = data(api.graphql(admin, "{ evaluations(scorecard: \"naive\") { nodes { id verdict } } }",
                null));
        assertThat(listed.getList("data.evaluations.nodes.id")).containsExactly(id);

        JsonPath applied = data(api.graphql(admin, "mutation($id: String!) { applyEvaluationSuggestions(id: $id) {"
                + " key measures { metric weight } } }", Map.of("id", id)));
        assertThat(applied.getList("data.applyEvaluationSuggestions.measures.metric")).containsExactly("usage");
    }

    @BackendTest
    void anotherWorkspaceReadsNullAndCannotApplyOrStartOnScorecardsItLacks(Api api) {
        String one = Evaluations.workspace(api);
        String two = api.newWorkspace().adminSecret();
        String id = Evaluations.run(api, one, Evaluations.request("naive")).getString("id");
        JsonPath read = data(api.graphql(two, "query($id: String!) { evaluation(id: $id) { id verdict } }",
                Map.of("id", id)));
        assertThat((Object) read.get("data.evaluation")).isNull();
        assertThat(data(api.graphql(two, "{ evaluations { nodes { id } } }", null)).getList("data.evaluations.nodes"))
                .isEmpty();
        JsonPath apply = Jobs.json(api.graphql(two, "mutation($id: String!) { applyEvaluationSuggestions(id: $id) {"
                + " key } }", Map.of("id", id)));
        assertThat(apply.getString("errors[0].extensions.code")).isEqualTo("NOT_FOUND");
        JsonPath start = Jobs.json(api.graphql(two, START, Map.of("in", Evaluations.request("naive"))));
        assertThat(start.getString("errors[0].extensions.code")).isEqualTo("VALIDATION");
        assertThat(start.getString("errors[0].message")).contains("naive");
        String reader = api.newKey(one, "READER");
        JsonPath forbidden = Jobs.json(api.graphql(reader, START, Map.of("in", Evaluations.request("naive"))));
        assertThat(forbidden.getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");
    }

    private static JsonPath data(Response response) {
        assertThat(response.statusCode()).isEqualTo(200);
        JsonPath body = Jobs.json(response);
        assertThat((Object) body.get("errors")).as(response.asString()).isNull();
        return body;
    }
}
