package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthscore.service.it.Ingest.at;
import static org.healthscore.service.it.Ingest.counts;
import static org.healthscore.service.it.Ingest.notALine;
import static org.healthscore.service.it.Ingest.obs;
import static org.healthscore.service.it.Ingest.outcome;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * {@code POST /imports/wide} (DESIGN.md 4.1, issue 12): a spreadsheet with one row per account and
 * a mapping that says which columns are the account, its segment and product line, metric values
 * (text mapped to numbers) and the outcome. Accounts, observations and outcomes are written in one
 * all-or-nothing request; posting the same file again changes nothing.
 */
class WideImportIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Three customers; C-2 has no tenure and churned, C-3 has no TechSupport answer. */
    private static final String SHEET = """
            customerID,Segment,Product,tenure,Contract,TechSupport,Monthly,Churn
            C-1,SMB,DSL,12,Month-to-month,Yes,29.85,No
            C-2,SMB,Fiber optic,,One year,No,56.95,Yes
            C-3,Enterprise,DSL,40,Two year,,99.5,No
            """;
    private static final String AT = "2025-06-30T00:00:00Z";

    private static Map<String, Object> mapping() {
        Map<String, Object> mapping = new LinkedHashMap<>();
        mapping.put("accountColumn", "customerID");
        mapping.put("segmentColumn", "Segment");
        mapping.put("productLineColumn", "Product");
        mapping.put("observedAt", AT);
        mapping.put("metrics", List.of(
                Map.of("column", "tenure", "metric", "tenure_months"),
                Map.of("column", "Contract", "metric", "contract_term",
                        "values", Map.of("Month-to-month", 0, "One year", 1, "Two year", 2)),
                Map.of("column", "TechSupport", "metric", "tech_support", "values", Map.of("Yes", 1, "No", 0)),
                Map.of("column", "Monthly", "metric", "monthly_charges")));
        mapping.put("outcome", Map.of("column", "Churn", "when", "Yes", "type", "CHURNED", "occurredAt", "2025-07-31"));
        return mapping;
    }

    private static String workspace(Api api) {
        String writer = api.newKey(api.newWorkspace().adminSecret(), "WRITER");
        api.createMetric(writer, ObservationIngestIT.metric("tenure_months", "NUMBER"));
        api.createMetric(writer, ObservationIngestIT.metric("contract_term", "NUMBER"));
        api.createMetric(writer, ObservationIngestIT.metric("tech_support", "BOOLEAN"));
        api.createMetric(writer, ObservationIngestIT.metric("monthly_charges", "CURRENCY"));
        return writer;
    }

    static Response importWide(Api api, String secret, String csv, String mapping) {
        return api.raw(secret)
                .multiPart("file", "customers.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("mapping", "mapping.json", mapping.getBytes(StandardCharsets.UTF_8), "application/json")
                .post(Ingest.WIDE);
    }

    private static Response importWide(Api api, String secret, String csv, Map<String, Object> mapping) {
        return importWide(api, secret, csv, json(mapping));
    }

    @BackendTest
    void aSheetBecomesAccountsObservationsAndOutcomesAndTheSameSheetAgainChangesNothing(Api api) {
        String writer = workspace(api);
        // C-1 already exists with fields the sheet does not carry: the import sets only what it maps.
        Ingest.json(api.raw(writer).contentType(Ingest.JSON)
                .body(Map.of("name", "Customer One", "owner", "kim", "segment", "Old"))
                .put("/api/v1/accounts/C-1"), 201);

        Response first = importWide(api, writer, SHEET, mapping());
        assertThat(counts(first, "accounts")).isEqualTo(counts(2, 1, 0));
        // Empty cells are no observation: 4 + 3 + 3.
        assertThat(counts(first, "observations")).isEqualTo(counts(10, 0, 0));
        assertThat(counts(first, "outcomes")).isEqualTo(counts(1, 0, 0));

        JsonPath one = Ingest.json(api.raw(writer).get("/api/v1/accounts/C-1"), 200);
        assertThat(one.getString("name")).isEqualTo("Customer One");
        assertThat(one.getString("owner")).isEqualTo("kim");
        assertThat(one.getString("segment")).isEqualTo("SMB");
        assertThat(one.getString("productLine")).isEqualTo("DSL");
        assertThat(Ingest.json(api.raw(writer).get("/api/v1/accounts/C-2"), 200).getString("productLine"))
                .isEqualTo("Fiber optic");
        assertThat(Ingest.observationsOf(api, writer, "C-1", null)).containsExactlyInAnyOrder(
                obs("C-1", "tenure_months", AT, 12), obs("C-1", "contract_term", AT, 0),
                obs("C-1", "tech_support", AT, 1), obs("C-1", "monthly_charges", AT, 29.85));
        assertThat(Ingest.observationsOf(api, writer, "C-2", null)).containsExactlyInAnyOrder(
                obs("C-2", "contract_term", AT, 1), obs("C-2", "tech_support", AT, 0),
                obs("C-2", "monthly_charges", AT, 56.95));
        assertThat(Ingest.observationsOf(api, writer, "C-3", null)).containsExactlyInAnyOrder(
                obs("C-3", "tenure_months", AT, 40), obs("C-3", "contract_term", AT, 2),
                obs("C-3", "monthly_charges", AT, 99.5));
        assertThat(Ingest.outcomesOf(api, writer, "C-2")).containsExactly(outcome("C-2", "CHURNED", "2025-07-31", null));
        assertThat(Ingest.outcomesOf(api, writer, "C-1")).isEmpty();
        assertThat(Ingest.outcomesOf(api, writer, "C-3")).isEmpty();

        Ingest.Stored stored = Ingest.stored(api, writer);
        Response again = importWide(api, writer, SHEET, mapping());
        assertThat(counts(again, "accounts")).isEqualTo(counts(0, 0, 3));
        assertThat(counts(again, "observations")).isEqualTo(counts(0, 0, 10));
        assertThat(counts(again, "outcomes")).isEqualTo(counts(0, 0, 1));
        assertThat(Ingest.stored(api, writer)).isEqualTo(stored);

        // Next month's sheet: C-1's tenure grew and C-3 moved segment.
        String next = SHEET.replace("C-1,SMB,DSL,12,", "C-1,SMB,DSL,13,").replace("C-3,Enterprise,", "C-3,Mid-market,");
        Response changed = importWide(api, writer, next, mapping());
        assertThat(counts(changed, "accounts")).isEqualTo(counts(0, 1, 2));
        assertThat(counts(changed, "observations")).isEqualTo(counts(0, 1, 9));
        assertThat(counts(changed, "outcomes")).isEqualTo(counts(0, 0, 1));
        assertThat(Ingest.observationsOf(api, writer, "C-1", "tenure_months"))
                .containsExactly(obs("C-1", "tenure_months", AT, 13));
        assertThat(Ingest.json(api.raw(writer).get("/api/v1/accounts/C-3"), 200).getString("segment"))
                .isEqualTo("Mid-market");
    }

    @BackendTest
    void aMappingThatDoesNotFitTheFileOrTheCatalogIsRefused(Api api) {
        String writer = workspace(api);
        Ingest.Stored before = Ingest.stored(api, writer);

        Ingest.assertRowErrors("an unknown metric", importWide(api, writer, SHEET,
                with(m -> m.put("metrics", List.of(Map.of("column", "tenure", "metric", "no_such_metric"))))),
                notALine("metrics[0].metric"));
        Ingest.assertRowErrors("a metric column missing from the file", importWide(api, writer, SHEET,
                with(m -> m.put("metrics", List.of(Map.of("column", "tenure", "metric", "tenure_months"),
                        Map.of("column", "Tenure (months)", "metric", "tenure_months"))))),
                notALine("metrics[1].column"));
        Ingest.assertRowErrors("an account column missing from the file", importWide(api, writer, SHEET,
                with(m -> m.put("accountColumn", "id"))), notALine("accountColumn"));
        Ingest.assertRowErrors("an outcome column missing from the file", importWide(api, writer, SHEET,
                with(m -> m.put("outcome", Map.of("column", "Churned", "when", "Yes", "type", "CHURNED",
                        "occurredAt", "2025-07-31")))), notALine("outcome.column"));
        MetricBadInputIT.assertProblem("no account column in the mapping", importWide(api, writer, SHEET,
                with(m -> m.remove("accountColumn"))), 422, "accountColumn");
        MetricBadInputIT.assertProblem("no metrics", importWide(api, writer, SHEET,
                with(m -> m.put("metrics", List.of()))), 422, "metrics");

        // A mapping that is not readable at all is a 400 naming the part or its field.
        MetricBadInputIT.assertProblem("a mapping that is not JSON", importWide(api, writer, SHEET,
                "accountColumn=customerID"), 400, "mapping");
        MetricBadInputIT.assertProblem("an unknown field in the mapping", importWide(api, writer, SHEET,
                with(m -> m.put("colour", "red"))), 400, "mapping.colour");
        MetricBadInputIT.assertProblem("an outcome type that does not exist", importWide(api, writer, SHEET,
                with(m -> m.put("outcome", Map.of("column", "Churn", "when", "Yes", "type", "LOST",
                        "occurredAt", "2025-07-31")))), 400, "mapping.outcome.type");
        MetricBadInputIT.assertProblem("no file part", api.raw(writer)
                .multiPart("mapping", "mapping.json", json(mapping()).getBytes(StandardCharsets.UTF_8),
                        "application/json").post(Ingest.WIDE), 400, "file");
        MetricBadInputIT.assertProblem("no mapping part", api.raw(writer)
                .multiPart("file", "customers.csv", SHEET.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post(Ingest.WIDE), 400, "mapping");
        assertThat(Ingest.stored(api, writer)).isEqualTo(before);
    }

    @BackendTest
    void aBadCellIsNamedByLineAndColumnAndNothingOfTheSheetIsStored(Api api) {
        String writer = workspace(api);
        Ingest.Stored before = Ingest.stored(api, writer);
        assertThat(before.accounts()).isEmpty();

        // Lines 2 and 3 are fine and would create accounts: the bad cell on line 4 undoes them too.
        Ingest.assertRowErrors("a cell that is neither a number nor a mapped value", importWide(api, writer,
                SHEET.replace("Two year", "Three year"), mapping()), at(4, "Contract"));
        Ingest.assertRowErrors("a number with a unit", importWide(api, writer,
                SHEET.replace("99.5", "99.5 USD"), mapping()), at(4, "Monthly"));
        // A mapped value must still fit the metric: tech_support is a BOOLEAN.
        Ingest.assertRowErrors("a mapped value that breaks the value type", importWide(api, writer, SHEET,
                with(m -> m.put("metrics", List.of(Map.of("column", "TechSupport", "metric", "tech_support",
                        "values", Map.of("Yes", 2, "No", 0)))))), at(2, "TechSupport"));
        Ingest.assertRowErrors("a row without an account", importWide(api, writer,
                SHEET.replace("C-2,SMB", ",SMB"), mapping()), at(3, "customerID"));
        Ingest.assertRowErrors("one customer on two rows with different segments", importWide(api, writer,
                SHEET + "C-1,Enterprise,DSL,12,Month-to-month,Yes,29.85,No\n", mapping()), at(5, "customerID"));
        assertThat(Ingest.stored(api, writer)).isEqualTo(before);
    }

    // ---- the worked example of docs/examples: the IBM Telco churn sample ----

    @BackendTest
    void theTelcoExampleImportsEveryCustomerAndItsChurnAndAgainChangesNothing(Api api) throws IOException {
        Optional<Path> data = firstExisting(Path.of("..", "..", "shared", "data", "telco_customer_churn.csv"),
                Path.of("..", "shared", "data", "telco_customer_churn.csv"));
        Assumptions.assumeTrue(data.isPresent(), "Telco example SKIPPED: ../shared/data/telco_customer_churn.csv"
                + " (next to the repository) is not on this machine");
        Path examples = firstExisting(Path.of("..", "docs", "examples"), Path.of("docs", "examples")).orElseThrow();
        String csv = Files.readString(data.get(), StandardCharsets.UTF_8);
        String mappingText = Files.readString(examples.resolve("telco-mapping.json"), StandardCharsets.UTF_8);
        Map<String, Object> mapping = JSON.readValue(mappingText, new TypeReference<>() { });
        List<Map<String, Object>> metrics = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(examples.resolve("telco-metrics.ndjson"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                metrics.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() { }));
            }
        }

        String writer = api.newKey(api.newWorkspace().adminSecret(), "WRITER");
        metrics.forEach(m -> api.createMetric(writer, m));

        // What the file holds, counted independently of the service.
        Expected expected = expected(csv, mapping);
        assertThat(expected.accounts()).isEqualTo(7043);
        assertThat(expected.churned()).isEqualTo(1869);

        Response first = importWide(api, writer, csv, mappingText);
        assertThat(counts(first, "accounts")).isEqualTo(counts(7043, 0, 0));
        assertThat(counts(first, "observations")).isEqualTo(counts(expected.observations(), 0, 0));
        assertThat(counts(first, "outcomes")).isEqualTo(counts(1869, 0, 0));

        // The first customer of the file, field for field.
        String at = "2024-12-31T00:00:00Z";
        JsonPath customer = Ingest.json(api.raw(writer).get("/api/v1/accounts/7590-VHVEG"), 200);
        assertThat(customer.getString("segment")).isEqualTo("Month-to-month");
        assertThat(customer.getString("productLine")).isEqualTo("DSL");
        assertThat(Ingest.observationsOf(api, writer, "7590-VHVEG", null)).containsExactlyInAnyOrder(
                obs("7590-VHVEG", "tenure_months", at, 1), obs("7590-VHVEG", "monthly_charges", at, 29.85),
                obs("7590-VHVEG", "contract_term", at, 0), obs("7590-VHVEG", "tech_support", at, 0),
                obs("7590-VHVEG", "online_security", at, 0), obs("7590-VHVEG", "paperless_billing", at, 1));
        assertThat(Ingest.outcomesOf(api, writer, "7590-VHVEG")).isEmpty();
        assertThat(Ingest.outcomesOf(api, writer, "3668-QPYBK"))
                .containsExactly(outcome("3668-QPYBK", "CHURNED", "2025-01-31", null));
        assertThat(Ingest.json(api.raw(writer).queryParam("segment", "Two year").queryParam("limit", 1)
                .get("/api/v1/accounts"), 200).getList("items")).hasSize(1);

        Response again = importWide(api, writer, csv, mappingText);
        assertThat(counts(again, "accounts")).isEqualTo(counts(0, 0, 7043));
        assertThat(counts(again, "observations")).isEqualTo(counts(0, 0, expected.observations()));
        assertThat(counts(again, "outcomes")).isEqualTo(counts(0, 0, 1869));
    }

    /** Accounts, non-empty mapped cells and outcome rows of a wide file, read with a plain CSV reader. */
    private record Expected(long accounts, long observations, long churned) {
    }

    @SuppressWarnings("unchecked")
    private static Expected expected(String csv, Map<String, Object> mapping) throws IOException {
        List<String> columns = ((List<Map<String, Object>>) mapping.get("metrics")).stream()
                .map(m -> (String) m.get("column")).toList();
        Map<String, Object> outcome = (Map<String, Object>) mapping.get("outcome");
        Set<String> accounts = new HashSet<>();
        long cells = 0;
        long churned = 0;
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                accounts.add(row.get((String) mapping.get("accountColumn")).strip());
                cells += columns.stream().filter(c -> !row.get(c).isBlank()).count();
                churned += outcome.get("when").equals(row.get((String) outcome.get("column")).strip()) ? 1 : 0;
            }
        }
        return new Expected(accounts.size(), cells, churned);
    }

    // ---- helpers ----

    private static Optional<Path> firstExisting(Path... candidates) {
        return Stream.of(candidates).filter(Files::exists).findFirst();
    }

    private static Map<String, Object> with(Consumer<Map<String, Object>> change) {
        Map<String, Object> mapping = mapping();
        change.accept(mapping);
        return mapping;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
