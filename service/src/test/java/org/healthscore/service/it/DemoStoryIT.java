package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.healthscore.service.demo.DemoCatalog;
import org.healthscore.service.demo.DemoStory;
import org.healthscore.service.demo.NaiveScorecard;
import org.healthscore.service.json.ApiJson;

/**
 * The demo story told through the service at a small size: the naive scorecard evaluates WEAK or
 * worse, with false greens and support tickets flagged as pointing the wrong way; its applied
 * suggestions, published and evaluated on the same dates, rank better.
 */
class DemoStoryIT {

    private static final int SIZE = 200;
    /** Absent rather than null: the contract does not allow null for optional fields such as a metric's status. */
    private static final ObjectMapper JSON = ApiJson.newMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    @BackendTest
    void theNaiveScorecardIsExposedAndTheSuggestionsRepairIt(Api api) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String admin = api.newWorkspace().adminSecret();
        DemoCatalog.metrics().forEach(m -> post(api, admin, "/api/v1/metrics", m, 201));
        DemoStory story = DemoStory.generate(today, SIZE, DemoStory.SEED);
        Ingest.accounts(api, admin, Ingest.CSV, story.accounts()).then().statusCode(200);
        Ingest.observations(api, admin, Ingest.CSV, story.observations()).then().statusCode(200);
        Ingest.outcomes(api, admin, Ingest.CSV, story.outcomes()).then().statusCode(200);
        post(api, admin, "/api/v1/scorecards", NaiveScorecard.input(), 201);
        api.as(admin).post("/api/v1/scorecards/" + NaiveScorecard.KEY + "/publish").then().statusCode(201);

        Map<String, Object> request = request(today);
        JsonPath first = Evaluations.run(api, admin, request);
        assertThat(first.getList("asOfDates")).hasSize(12);
        String findings = String.join("\n", first.getList("findings", String.class));
        assertThat(first.getString("verdict")).as(findings).isIn("WEAK", "NOT_PREDICTIVE");
        assertThat(first.getLong("falseGreens.count")).as(findings).isPositive();
        Map<String, Map<String, Object>> measures = new LinkedHashMap<>();
        first.<Map<String, Object>>getList("measures").forEach(m -> measures.put((String) m.get("metric"), m));
        assertThat(measures.get(DemoCatalog.SUPPORT_TICKETS).get("wrongWay")).isEqualTo(true);
        assertThat(measures.get(DemoCatalog.LICENSE_UTILIZATION).get("wrongWay")).isEqualTo(false);
        assertThat(first.getList("redundantPairs.a")).isNotEmpty();

        Response applied = api.as(admin).post(Evaluations.START + "/{id}/apply", first.getString("id"));
        assertThat(applied.statusCode()).as(applied.asString()).isEqualTo(200);
        api.as(admin).post("/api/v1/scorecards/" + NaiveScorecard.KEY + "/publish").then().statusCode(201);
        JsonPath second = Evaluations.run(api, admin, request);
        assertThat(second.getInt("scorecard.version")).isEqualTo(2);
        assertThat(second.getList("asOfDates")).isEqualTo(first.getList("asOfDates"));
        assertThat(second.getDouble("suggestedWeights.cvAuc.current"))
                .as("cross-validated AUC after applying the suggestions")
                .isGreaterThan(first.getDouble("suggestedWeights.cvAuc.current"));
        System.out.println(findings + "\n" + String.join("\n", second.getList("findings", String.class)));
        System.out.printf("demo story %d accounts: v1 AUC %s %s false greens %s; v2 AUC %s %s; cvAuc %s -> %s%n",
                SIZE, first.getDouble("auc.value"), first.getString("verdict"), first.getLong("falseGreens.count"),
                second.getDouble("auc.value"), second.getString("verdict"),
                first.getDouble("suggestedWeights.cvAuc.current"), second.getDouble("suggestedWeights.cvAuc.current"));
    }

    /** Twelve monthly asOf dates, the last one's 90-day horizon ending before today. */
    static Map<String, Object> request(LocalDate today) {
        LocalDate from = DemoStory.monthDate(today, 2);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scorecard", NaiveScorecard.KEY);
        body.put("asOfFrom", from.toString());
        body.put("asOfTo", from.plusDays(330).toString());
        body.put("stepDays", 30);
        body.put("horizonDays", 90);
        body.put("outcomesKnownThrough", today.toString());
        return body;
    }

    private static void post(Api api, String secret, String path, Object body, int status) {
        try {
            Response response = api.as(secret).contentType(ContentType.JSON).body(JSON.writeValueAsString(body))
                    .post(path);
            assertThat(response.statusCode()).as("%s: %s", path, response.asString()).isEqualTo(status);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
