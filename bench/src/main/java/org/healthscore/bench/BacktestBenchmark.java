package org.healthscore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;

/**
 * An evaluation end to end on the MySQL-protocol server: a BACKTEST of a ten-measure scorecard over N
 * accounts x 12 monthly asOf dates (scores recomputed from 12 monthly observations per measure, labels
 * from churn outcomes, then the report), beside the floor measured in the same run: per asOf a plain
 * JDBC scan of the observations in the measures' window, plus a batched insert of as many evaluation rows.
 */
final class BacktestBenchmark {

    private static final int MEASURES = 10;
    private static final int MONTHS = 12;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate FIRST = LocalDate.of(2025, 1, 15);

    private BacktestBenchmark() {
    }

    static void run(int accounts) throws Exception {
        Figures f = measure(accounts, true);
        Round warm = f.warm();
        Round cold = f.cold();
        System.out.printf("%nBacktest benchmark: %,d accounts x %d asOf dates (%,d rows evaluated, AUC %.3f, %s),"
                        + " %d measures x %d monthly observations (%,d), MySQL-protocol server%n%n", accounts,
                warm.dates, warm.rows, warm.auc, warm.verdict, MEASURES, MONTHS, f.observations());
        System.out.printf("%-62s %10s %12s %8s%n", "path", "seconds", "rows/s", "x floor");
        print("floor: JDBC scan of each asOf's window + inserts", warm.floor, warm.rows, warm.floor);
        print("evaluation job (rows by backtest, then the report)", warm.job, warm.rows, warm.floor);
        print("first round, cold: floor", cold.floor, cold.rows, cold.floor);
        print("first round, cold: evaluation job", cold.job, cold.rows, cold.floor);
    }

    /** What one run measured: the warm round, and the cold one before it (null when skipped). */
    record Figures(int accounts, int observations, Round warm, Round cold) {
    }

    /**
     * Loads the data on a fresh database, then times an evaluation and its floor. With {@code coldRound}, a first
     * round pays for JIT-compiling the driver's and Jackson's paths in a fresh JVM, which whatever runs second
     * would reuse; the warm round is the one to compare.
     */
    static Figures measure(int accounts, boolean coldRound) throws Exception {
        try (BenchServer bench = BenchServer.withJobWorkers("backtest")) {
            String admin = bench.workspace();
            bench.scorecardAndAccounts(admin, MEASURES, "LATEST", 45, accounts);
            int rows = accounts * MEASURES * MONTHS;
            // Measure m0 carries signal (accounts that churn score low on it); the others are noise.
            bench.monthlyObservations(admin, accounts, MEASURES, MONTHS, FIRST, i -> {
                int account = i % accounts;
                int metric = i / accounts % MEASURES;
                return metric == 0 ? (churns(account) ? 20 : 60) + account % 37 : i * 31L % 100;
            });
            int churners = (int) java.util.stream.IntStream.range(0, accounts).filter(BacktestBenchmark::churns)
                    .count();
            bench.stream("/api/v1/outcomes", admin, "text/csv",
                    () -> new Lines("account,type,occurredAt\n", churners, k -> "acct-" + (k * 5) + ",CHURNED,"
                            + FIRST.plusMonths(2).plusDays(k * 7L % 330) + "\n"));
            Round cold = coldRound ? round(bench, admin, "floor_cold") : null;
            Round warm = round(bench, admin, "floor_warm");
            return new Figures(accounts, rows, warm, cold);
        }
    }

    record Round(double job, double floor, long rows, int dates, double auc, String verdict) {
    }

    private static Round round(BenchServer bench, String admin, String floorTable) throws Exception {
        long t0 = System.nanoTime();
        String id = JSON.readTree(bench.post("/api/v1/evaluations", admin, "application/json",
                "{\"scorecard\":\"bench\",\"asOfFrom\":\"2025-01-31\",\"asOfTo\":\"2025-12-31\",\"stepDays\":30,"
                        + "\"horizonDays\":90,\"outcomesKnownThrough\":\"2026-04-01\"}")).get("id").asText();
        JsonNode status;
        do {
            Thread.sleep(100);
            status = JSON.readTree(bench.get("/api/v1/evaluations/" + id, admin));
        } while (!status.get("status").asText().matches("SUCCEEDED|FAILED|CANCELLED"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!"SUCCEEDED".equals(status.get("status").asText())) {
            throw new IllegalStateException("evaluation ended " + status);
        }
        long evaluated = status.get("counts").get("rows").asLong() + status.get("counts").get("insufficient").asLong();
        int dates = status.get("asOfDates").size();
        return new Round(seconds, floor(bench, evaluated, dates, floorTable), evaluated, dates,
                status.get("auc").get("value").asDouble(), status.get("verdict").asText());
    }

    private static void print(String path, double seconds, long rows, double floor) {
        System.out.printf("%-62s %10.1f %,12.0f %8.2f%n", path, seconds, rows / seconds, seconds / floor);
    }

    /** One account in five churns. */
    private static boolean churns(int account) {
        return account % 5 == 0;
    }

    /** Scans each asOf's window of observations (what recomputing reads) and writes one row per evaluated row. */
    private static double floor(BenchServer bench, long evaluated, int dates, String table) throws Exception {
        try (Connection c = bench.connect()) {
            c.createStatement().execute("CREATE TABLE " + table + " LIKE evaluation_row");
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            double sum = 0;
            for (int d = 0; d < dates; d++) {
                // The rows a backtest reads at this asOf: the measures' 45-day window (and a day of slack).
                java.time.LocalDateTime to = LocalDate.of(2025, 1, 31).plusDays(30L * d + 1).atStartOfDay();
                try (PreparedStatement scan = c.prepareStatement("SELECT account_id, metric_id, observed_at,"
                        + " raw_value FROM observation WHERE observed_at > ? AND ? > observed_at"
                        + " ORDER BY account_id, metric_id, observed_at",
                        ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                    scan.setString(1, to.minusDays(46).toString().replace('T', ' '));
                    scan.setString(2, to.toString().replace('T', ' '));
                    scan.setFetchSize(Integer.MIN_VALUE);
                    try (ResultSet rs = scan.executeQuery()) {
                        while (rs.next()) {
                            sum += rs.getLong(1) % 2 + rs.getLong(2) % 2 + rs.getDouble(4)
                                    + (rs.getObject(3, java.time.LocalDateTime.class) == null ? 0 : 1);
                        }
                    }
                }
            }
            String scores = "49.5,".repeat(MEASURES - 1) + "49.5";
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " (evaluation_id, variant,"
                    + " account_id, as_of, workspace_id, external_id, segment, score, measure_scores,"
                    + " candidate_scores, positive, outcome_date) VALUES ('e', 0, ?, ?, 'w', ?, NULL, ?, ?, '', 0,"
                    + " NULL)")) {
                for (long r = 0; r < evaluated; r++) {
                    insert.setLong(1, r / dates);
                    insert.setObject(2, LocalDate.of(2025, 1, 31).plusDays(30 * (r % dates)));
                    insert.setString(3, "acct-" + r / dates);
                    insert.setDouble(4, sum % 100);
                    insert.setString(5, scores);
                    insert.addBatch();
                    if (r % 500 == 499) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
            return (System.nanoTime() - t0) / 1e9;
        }
    }
}
