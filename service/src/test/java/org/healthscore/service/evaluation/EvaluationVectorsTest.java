package org.healthscore.service.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.healthscore.api.evaluation.EvaluationReport;
import org.healthscore.api.evaluation.OutcomeKind;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The independent reference values of {@code ../shared/data/evaluation-vectors.json} (a separate pure-Python
 * implementation of DESIGN.md 3.6): AUC to 1e-9, interval and logistic coefficients to 1e-6, deciles and
 * suggested bands exactly. The file lives outside the repository; without it these tests are skipped.
 */
class EvaluationVectorsTest {

    private static final List<Path> CANDIDATES = List.of(
            Path.of("../../shared/data/evaluation-vectors.json"), Path.of("../shared/data/evaluation-vectors.json"));

    private static JsonNode vectors() throws IOException {
        Path file = CANDIDATES.stream().filter(Files::isRegularFile).findFirst().orElse(null);
        Assumptions.assumeTrue(file != null, "evaluation-vectors.json not found at " + CANDIDATES
                + " (relative to " + Path.of("").toAbsolutePath() + "): the shared data folder is absent, skipping");
        return new ObjectMapper().readTree(file.toFile());
    }

    @TestFactory
    Stream<DynamicTest> scoreCases() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : vectors().get("cases")) {
            if (c.has("rows")) {
                tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> checkScoreCase(c)));
            }
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(3);
        return tests.stream();
    }

    private static void checkScoreCase(JsonNode c) {
        OutcomeKind outcome = OutcomeKind.valueOf(c.get("outcome").asText());
        JsonNode rows = c.get("rows");
        String[] accounts = new String[rows.size()];
        double[] scores = new double[rows.size()];
        boolean[] y = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            accounts[i] = rows.get(i).get("account").asText();
            scores[i] = rows.get(i).get("score").asDouble();
            y[i] = rows.get(i).get("y").asInt() == 1;
        }
        EvaluationReport report = TestRows.evaluate(TestRows.design(outcome), TestRows.scoreOnly(accounts, scores, y))
                .report();

        assertThat(report.auc().value()).isCloseTo(c.get("auc").asDouble(), within(1e-9));
        assertThat(report.auc().low()).isCloseTo(c.get("aucInterval").get(0).asDouble(), within(1e-6));
        assertThat(report.auc().high()).isCloseTo(c.get("aucInterval").get(1).asDouble(), within(1e-6));
        if (c.has("deciles")) {
            List<long[]> expected = new ArrayList<>();
            for (JsonNode d : c.get("deciles")) {
                expected.add(new long[] {d.get("decile").asLong(), d.get("rows").asLong(), d.get("positives").asLong()});
            }
            List<long[]> actual = report.deciles().stream()
                    .map(d -> new long[] {d.decile(), d.rows(), d.positives()}).toList();
            assertThat(actual).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(expected);
        }
        if (c.has("suggestedBands")) {
            assertThat(report.suggestedBands().redBelow()).isEqualTo(c.get("suggestedBands").get("redBelow").asDouble());
            assertThat(report.suggestedBands().greenFrom())
                    .isEqualTo(c.get("suggestedBands").get("greenFrom").asDouble());
        }
    }

    @Test
    void signConstrainedLogistic() throws IOException {
        JsonNode c = null;
        for (JsonNode k : vectors().get("cases")) {
            if (k.has("coefficients")) {
                c = k;
            }
        }
        assertThat(c).as("a logistic case").isNotNull();
        JsonNode scores = c.get("scores");
        int n = scores.size();
        int p = c.get("measures").size();
        double[][] columns = new double[p][n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                columns[j][i] = scores.get(i).get(j).asDouble();
            }
            y[i] = c.get("y").get(i).asInt() == 1;
        }
        int[] sign = new int[p];
        java.util.Arrays.fill(sign, c.get("outcome").asText().equals("CHURN") ? -1 : 1);

        ConstrainedLogistic.Fit fit = ConstrainedLogistic.fit(FeatureMatrix.ofScores(columns, n, y), null, sign, null);

        assertThat(fit.converged()).isTrue();
        assertThat(fit.intercept()).isCloseTo(c.get("intercept").asDouble(), within(1e-6));
        double[] weights = WeightSuggestion.weights(fit);
        for (int j = 0; j < p; j++) {
            assertThat(fit.coefficients()[j]).as("b%d", j + 1)
                    .isCloseTo(c.get("coefficients").get(j).asDouble(), within(1e-6));
            String metric = c.get("measures").get(j).asText();
            assertThat(weights[j]).as("weight of %s", metric)
                    .isCloseTo(c.get("suggestedWeights").get(metric).asDouble(), within(1e-6));
        }

        // The same through the whole evaluation: rows scored by equal weights, one account per row.
        EvaluationRows.Builder builder = EvaluationRows.builder(p, 0);
        List<String> metrics = new ArrayList<>();
        c.get("measures").forEach(m -> metrics.add(m.asText()));
        for (int i = 0; i < n; i++) {
            double[] row = new double[p];
            double sum = 0;
            for (int j = 0; j < p; j++) {
                row[j] = columns[j][i];
                sum += row[j];
            }
            builder.add("acc-" + i, TestRows.DAY, null, sum / p, row, null, y[i], null);
        }
        EvaluationReport report = TestRows.evaluate(TestRows.design(OutcomeKind.CHURN, metrics.toArray(String[]::new)),
                builder.build()).report();
        for (int j = 0; j < p; j++) {
            assertThat(report.suggestedWeights().weights().get(j).suggested())
                    .isCloseTo(c.get("suggestedWeights").get(metrics.get(j)).asDouble(), within(1e-6));
        }
    }
}
