package org.healthscore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;

/**
 * Re-scoring end to end on the MySQL-protocol server: N accounts x 10 measures x 12 monthly
 * observations, one job at one asOf, beside the floor measured in the same run: a plain JDBC scan
 * of the same observations plus a batched insert of as many snapshot rows.
 */
final class RescoreBenchmark {

    private static final int MEASURES = 10;
    private static final int MONTHS = 12;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RescoreBenchmark() {
    }

    /**
     * What one run measured. The cold round (NaN when skipped) runs the job's and the floor's code paths in a
     * fresh JVM on a cold buffer pool: the job went first, so it alone paid for compiling the JDBC driver's row
     * decoding and batch encoding, which the floor then reused. The measured round comes after it (another asOf,
     * so the job again writes new keys, and the floor writes into a new table), where both run warm.
     */
    record Figures(int accounts, int rows, double jobSeconds, double floorSeconds, double coldJob,
                   double coldFloor) {
    }

    static void run(int accounts) throws Exception {
        Figures f = measure(accounts, true);
        System.out.printf("%nRe-score benchmark: %,d accounts x %d measures x %d monthly observations (%,d rows),"
                + " one asOf, MySQL-protocol server%n%n", accounts, MEASURES, MONTHS, f.rows());
        System.out.printf("%-58s %10s %14s %8s%n", "path", "seconds", "accounts/s", "x floor");
        System.out.printf("%-58s %10.1f %,14.0f %8.2f%n", "floor: JDBC scan of the observations + batched inserts",
                f.floorSeconds(), accounts / f.floorSeconds(), 1.0);
        System.out.printf("%-58s %10.1f %,14.0f %8.2f%n", "re-scoring job (claim, load, score, store snapshots)",
                f.jobSeconds(), accounts / f.jobSeconds(), f.jobSeconds() / f.floorSeconds());
        System.out.printf("%-58s %10.1f %,14.0f %8.2f%n", "first round, cold: floor", f.coldFloor(),
                accounts / f.coldFloor(), 1.0);
        System.out.printf("%-58s %10.1f %,14.0f %8.2f%n", "first round, cold: re-scoring job", f.coldJob(),
                accounts / f.coldJob(), f.coldJob() / f.coldFloor());
    }

    /** Loads the data on a fresh database, then (after a cold round, when asked) times the job and the floor. */
    static Figures measure(int accounts, boolean coldRound) throws Exception {
        try (BenchServer bench = BenchServer.withJobWorkers("rescore")) {
            String admin = bench.workspace();
            bench.scorecardAndAccounts(admin, MEASURES, "AVERAGE", 365, accounts);
            bench.monthlyObservations(admin, accounts, MEASURES, MONTHS, LocalDate.of(2026, 1, 15),
                    i -> i * 31L % 100);
            double coldJob = coldRound ? job(bench, admin, "2026-12-30") : Double.NaN;
            double coldFloor = coldRound ? floor(bench, accounts, "floor_warmup") : Double.NaN;
            double jobSeconds = job(bench, admin, "2026-12-31");
            double floorSeconds = floor(bench, accounts, "floor_snapshot");
            return new Figures(accounts, accounts * MEASURES * MONTHS, jobSeconds, floorSeconds, coldJob, coldFloor);
        }
    }

    /** Runs one re-scoring job of every account at {@code asOf} and waits for it to succeed; its seconds. */
    private static double job(BenchServer bench, String admin, String asOf) throws Exception {
        long t0 = System.nanoTime();
        String job = JSON.readTree(bench.post("/api/v1/jobs/recompute", admin, "application/json",
                "{\"scorecard\":\"bench\",\"asOf\":\"" + asOf + "\"}")).get("id").asText();
        JsonNode status;
        do {
            Thread.sleep(100);
            status = JSON.readTree(bench.get("/api/v1/jobs/" + job, admin));
        } while (!status.get("status").asText().matches("SUCCEEDED|FAILED|CANCELLED"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!"SUCCEEDED".equals(status.get("status").asText())) {
            throw new IllegalStateException("job ended " + status);
        }
        return seconds;
    }

    /** Reads every observation in account order and writes one snapshot-sized row per account. */
    private static double floor(BenchServer bench, int accounts, String table) throws Exception {
        try (Connection c = bench.connect()) {
            c.createStatement().execute("CREATE TABLE " + table + " LIKE score_snapshot");
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            double sum = 0;
            long n = 0;
            try (PreparedStatement scan = c.prepareStatement("SELECT account_id, metric_id, observed_at, raw_value"
                    + " FROM observation ORDER BY account_id, metric_id, observed_at",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                scan.setFetchSize(Integer.MIN_VALUE);
                try (ResultSet rs = scan.executeQuery()) {
                    while (rs.next()) {
                        // Every column, as the service reads them (ids, the UTC timestamp, the value).
                        sum += rs.getLong(1) % 2 + rs.getLong(2) % 2 + rs.getDouble(4);
                        if (rs.getObject(3, java.time.LocalDateTime.class) != null) {
                            n++;
                        }
                    }
                }
            }
            // A document the size of a real health answer with ten measures in its breakdown.
            String measure = "{\"metric\":\"m0\",\"rawValue\":49.5,\"score\":49.5,\"weight\":1.0,"
                    + "\"contribution\":4.95,\"pointsLost\":5.05,\"group\":null,\"ageDays\":16}";
            String document = "{\"account\":\"acct-0\",\"scorecard\":{\"key\":\"bench\",\"version\":1},"
                    + "\"asOf\":\"2026-12-31\",\"score\":" + (sum / Math.max(1, n)) + ",\"band\":\"YELLOW\","
                    + "\"coverage\":1.0,\"trend\":null,\"measures\":[" + (measure + ",").repeat(MEASURES - 1)
                    + measure + "],\"groups\":[]}";
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " (account_id, scorecard_key,"
                    + " version, as_of, workspace_id, score, band, document, computed_at)"
                    + " VALUES (?, 'bench', 1, '2026-12-31', 'w', ?, 'GREEN', ?, '2026-12-31 00:00:00')")) {
                for (int a = 0; a < accounts; a++) {
                    insert.setLong(1, a);
                    insert.setDouble(2, 50);
                    insert.setString(3, document);
                    insert.addBatch();
                    if (a % 500 == 499) {
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
