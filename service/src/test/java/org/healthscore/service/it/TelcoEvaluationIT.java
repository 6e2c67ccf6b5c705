package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The evaluation on real data: IBM's Telco churn sample (../shared/data, when present) imported with
 * docs/examples, one asOf (2024-12-31) and churn within 90 days. A naive team's scorecard takes monthly
 * charges as higher-is-better; the report's AUC equals a brute-force count over the scores
 * /scores/compute gives, flags monthly charges, and its suggestions, applied and published, do better.
 */
class TelcoEvaluationIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BackendTest
    void theTelcoReportMatchesTheServicesOwnScoresAndItsSuggestionsDoBetter(Api api) throws IOException {
        Optional<Path> data = firstExisting(Path.of("..", "..", "shared", "data", "telco_customer_churn.csv"),
                Path.of("..", "shared", "data", "telco_customer_churn.csv"));
        Assumptions.assumeTrue(data.isPresent(), "Telco evaluation SKIPPED: ../shared/data/telco_customer_churn.csv"
                + " (next to the repository) is not on this machine");
        Path examples = firstExisting(Path.of("..", "docs", "examples"), Path.of("docs", "examples")).orElseThrow();
        String admin = api.newWorkspace().adminSecret();
        for (String line : Files.readAllLines(examples.resolve("telco-metrics.ndjson"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                Map<String, Object> metric = JSON.readValue(line, new TypeReference<>() { });
                if (metric.get("key").equals("monthly_charges")) {
                    // The naive team's belief: a customer who spends more is a healthier one.
                    metric.put("direction", "HIGHER_IS_BETTER");
                }
                api.createMetric(admin, metric);
            }
        }
        WideImportIT.importWide(api, admin, Files.readString(data.get(), StandardCharsets.UTF_8),
                Files.readString(examples.resolve("telco-mapping.json"), StandardCharsets.UTF_8)).then().statusCode(200);
        Map<String, Object> draft = ScorecardBodies.draft("telco", "Telco naive", List.of(
                ScorecardBodies.measure("tenure_months", 20, ScorecardBodies.linear(0, 72)),
                ScorecardBodies.measure("monthly_charges", 20, ScorecardBodies.linear(18, 119)),
                ScorecardBodies.measure("contract_term", 20, ScorecardBodies.linear(0, 2)),
                ScorecardBodies.measure("tech_support", 20, ScorecardBodies.linear(0, 1)),
                ScorecardBodies.measure("online_security", 20, ScorecardBodies.linear(0, 1))));
        api.as(admin).contentType(ContentType.JSON).body(draft).post("/api/v1/scorecards").then().statusCode(201);
        api.as(admin).post("/api/v1/scorecards/telco/publish").then().statusCode(201);

        Map<String, Object> request = new LinkedHashMap<>();
        request.put("scorecard", "telco");
        request.put("asOfFrom", "2024-12-31");
        request.put("asOfTo", "2024-12-31");
        request.put("horizonDays", 90);
        request.put("outcomesKnownThrough", "2025-03-31");
        JsonPath first = Evaluations.run(api, admin, request);
        assertThat(first.getLong("counts.rows")).isEqualTo(7043);
        assertThat(first.getLong("counts.positives")).isEqualTo(1869);

        // The service's own scores, fetched 1,000 at a time, and the AUC by brute force over every pair.
        List<String> accounts = new ArrayList<>();
        String cursor = null;
        do {
            var page = api.as(admin).queryParam("limit", 1000);
            if (cursor != null) {
                page = page.queryParam("cursor", cursor);
            }
            JsonPath listed = page.get("/api/v1/accounts").then().statusCode(200).extract().jsonPath();
            accounts.addAll(listed.getList("items.externalId"));
            cursor = listed.getString("nextCursor");
        } while (cursor != null);
        List<String> churned = Jobs.json(api.as(admin).queryParam("limit", 1000)
                .get("/api/v1/evaluations/{id}/false-greens", first.getString("id"))).getList("items.account");
        java.util.Set<String> positives = churnedAccounts(data.get());
        List<double[]> rows = new ArrayList<>();
        for (int from = 0; from < accounts.size(); from += 1000) {
            List<String> batch = accounts.subList(from, Math.min(accounts.size(), from + 1000));
            JsonPath scores = Jobs.json(api.as(admin).contentType(ContentType.JSON).body(Map.of("scorecard", "telco",
                    "version", 1, "asOf", "2024-12-31", "accounts", batch)).post("/api/v1/scores/compute"));
            for (int k = 0; k < batch.size(); k++) {
                rows.add(new double[] {scores.getDouble("results[" + k + "].score"),
                        positives.contains(batch.get(k)) ? 1 : 0});
            }
        }
        assertThat(first.getDouble("auc.value")).isCloseTo(Evaluations.bruteForceAuc(rows, true), within(1e-9));
        assertThat(churned).allMatch(positives::contains);

        Map<String, Map<String, Object>> measures = new LinkedHashMap<>();
        first.getList("measures", Map.class).forEach(m -> measures.put((String) m.get("metric"), m));
        assertThat(measures.get("monthly_charges").get("wrongWay")).isEqualTo(true);
        assertThat(measures.get("tenure_months").get("wrongWay")).isEqualTo(false);
        assertThat(((Number) measures.get("tenure_months").get("auc")).doubleValue()).isCloseTo(0.74, within(0.03));
        Map<String, Object> charges = first.getList("suggestedWeights.weights", Map.class).stream()
                .filter(w -> w.get("metric").equals("monthly_charges")).findFirst().orElseThrow();
        assertThat(((Number) charges.get("suggested")).doubleValue()).isZero();
        assertThat(first.getList("candidates.metric")).contains("paperless_billing");

        api.as(admin).post("/api/v1/evaluations/{id}/apply", first.getString("id")).then().statusCode(200);
        api.as(admin).post("/api/v1/scorecards/telco/publish").then().statusCode(201);
        JsonPath second = Evaluations.run(api, admin, request);
        assertThat(second.getInt("scorecard.version")).isEqualTo(2);
        assertThat(second.getLong("counts.rows")).isEqualTo(7043);
        assertThat(second.getDouble("suggestedWeights.cvAuc.current"))
                .isGreaterThan(first.getDouble("suggestedWeights.cvAuc.current"));
        assertThat(second.getDouble("auc.value")).isGreaterThan(first.getDouble("auc.value"));
        System.out.printf("Telco evaluation: naive v1 AUC %.4f [%.4f-%.4f] cv %.4f, %s; applied v2 AUC %.4f cv %.4f,"
                        + " %s%n", first.getDouble("auc.value"), first.getDouble("auc.low"), first.getDouble("auc.high"),
                first.getDouble("suggestedWeights.cvAuc.current"), first.getString("verdict"),
                second.getDouble("auc.value"), second.getDouble("suggestedWeights.cvAuc.current"),
                second.getString("verdict"));
    }

    /** The customers whose Churn column says Yes, read straight from the file. */
    private static java.util.Set<String> churnedAccounts(Path csv) throws IOException {
        java.util.Set<String> out = new java.util.HashSet<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        int id = header.indexOf("customerID");
        int churn = header.indexOf("Churn");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells.length > churn && cells[churn].trim().equals("Yes")) {
                out.add(cells[id]);
            }
        }
        return out;
    }

    private static Optional<Path> firstExisting(Path... candidates) {
        return Stream.of(candidates).filter(Files::exists).findFirst();
    }
}
