package org.healthscore.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ingest over HTTP into the MySQL-protocol server, as CSV and as NDJSON, beside the floor: the
 * same number of rows written by plain JDBC batched multi-row inserts into the same table.
 * The body is generated while it is sent, so neither side holds it whole.
 */
final class IngestBenchmark {

    private static final String[] METRICS = {"logins", "seats_used", "tickets", "nps", "days_since_login"};
    private static final int ACCOUNTS_PER_ROWS = 100;

    private IngestBenchmark() {
    }

    /** Seconds for each path over the same rows, the answers of the HTTP paths, and the CSV request's peak heap. */
    record Figures(int rows, int accounts, double floorSeconds, double ndjsonSeconds, double csvSeconds,
                   double unchangedCsvSeconds, long csvPeakHeap, List<String> answers) {
    }

    static void run(int rows) throws Exception {
        Figures f = measure(rows);
        System.out.printf("%nIngest benchmark: %,d observation rows, %,d accounts x %d metrics, MySQL-protocol"
                + " server%n%n", rows, f.accounts(), METRICS.length);
        System.out.printf("%-38s %12s %10s %12s %8s  %s%n", "path", "rows", "seconds", "rows/s", "x floor",
                "answer");
        String[] paths = {"floor: JDBC batched multi-row INSERT", "HTTP NDJSON (new rows)", "HTTP CSV (new rows)",
            "HTTP CSV again (all unchanged)"};
        double[] seconds = {f.floorSeconds(), f.ndjsonSeconds(), f.csvSeconds(), f.unchangedCsvSeconds()};
        for (int p = 0; p < paths.length; p++) {
            System.out.printf("%-38s %,12d %10.1f %,12.0f %8.2f  %s%n", paths[p], rows, seconds[p],
                    rows / seconds[p], seconds[p] / f.floorSeconds(), p == 0 ? "-" : f.answers().get(p - 1));
        }
        System.out.printf("%nPeak heap used during the CSV request: %,d MiB (max heap %,d MiB)%n",
                f.csvPeakHeap() / (1 << 20), Runtime.getRuntime().maxMemory() / (1 << 20));
    }

    /** Times the floor and each HTTP path over {@code rows} rows on a fresh database. */
    static Figures measure(int rows) throws Exception {
        try (BenchServer bench = new BenchServer("ingest")) {
            String admin = bench.workspace();
            for (String metric : METRICS) {
                bench.post("/api/v1/metrics", admin, "application/json", "{\"key\":\"" + metric + "\",\"name\":\""
                        + metric + "\",\"valueType\":\"NUMBER\",\"direction\":\"HIGHER_IS_BETTER\"}");
            }
            int accounts = Math.max(1, rows / ACCOUNTS_PER_ROWS);
            bench.stream("/api/v1/accounts/bulk", admin, "text/csv",
                    () -> new Lines("externalId,segment\n", accounts, i -> "acct-" + i + ",SMB\n"));
            Shape shape = new Shape(rows, accounts);

            // Every inserting path starts from an empty observation table, so none pays for the others' rows.
            long floorNanos = jdbcFloor(bench, shape);

            truncateObservations(bench);
            long t0 = System.nanoTime();
            String ndjsonAnswer = bench.stream("/api/v1/observations", admin, "application/x-ndjson",
                    () -> new Lines("", rows, i -> shape.ndjson(i, 0)));
            long ndjsonNanos = System.nanoTime() - t0;

            truncateObservations(bench);
            resetPeaks();
            t0 = System.nanoTime();
            String csvAnswer = bench.stream("/api/v1/observations", admin, "text/csv",
                    () -> new Lines("account,metric,observedAt,value\n", rows, i -> shape.csv(i, 0)));
            long csvNanos = System.nanoTime() - t0;
            long csvPeak = peakHeap();

            t0 = System.nanoTime();
            String againAnswer = bench.stream("/api/v1/observations", admin, "text/csv",
                    () -> new Lines("account,metric,observedAt,value\n", rows, i -> shape.csv(i, 0)));
            long againNanos = System.nanoTime() - t0;
            return new Figures(rows, accounts, floorNanos / 1e9, ndjsonNanos / 1e9, csvNanos / 1e9, againNanos / 1e9,
                    csvPeak, List.of(ndjsonAnswer, csvAnswer, againAnswer));
        }
    }

    /** Which account, metric and day row {@code i} is about: every account, then every metric, then every day. */
    private record Shape(int rows, int accounts, String[] names) {
        Shape(int rows, int accounts) {
            this(rows, accounts, java.util.stream.IntStream.range(0, accounts).mapToObj(a -> "acct-" + a)
                    .toArray(String[]::new));
        }

        String account(int i) {
            return names[i % accounts];
        }

        String metric(int i) {
            return METRICS[(i / accounts) % METRICS.length];
        }

        LocalDate day(int i, int dayOffset) {
            return LocalDate.of(2026, 1, 1).plusDays(dayOffset + i / (accounts * METRICS.length));
        }

        double value(int i) {
            return (i * 7919L) % 1000 / 10.0;
        }

        String csv(int i, int dayOffset) {
            return account(i) + "," + metric(i) + "," + day(i, dayOffset) + "T00:00:00Z," + value(i) + "\n";
        }

        String ndjson(int i, int dayOffset) {
            return "{\"account\":\"" + account(i) + "\",\"metric\":\"" + metric(i) + "\",\"observedAt\":\""
                    + day(i, dayOffset) + "T00:00:00Z\",\"value\":" + value(i) + "}\n";
        }
    }

    private static void truncateObservations(BenchServer bench) throws Exception {
        try (Connection c = bench.connect()) {
            c.createStatement().execute("TRUNCATE TABLE observation");
        }
    }

    /** The floor: the same number of new rows, written straight into the observation table by JDBC. */
    private static long jdbcFloor(BenchServer bench, Shape shape) throws Exception {
        try (Connection c = bench.connect()) {
            Map<String, Long> accountIds = new HashMap<>();
            Map<String, Long> metricIds = new HashMap<>();
            String workspace;
            try (Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT external_id, id, workspace_id FROM account")) {
                    workspace = null;
                    while (rs.next()) {
                        accountIds.put(rs.getString(1), rs.getLong(2));
                        workspace = rs.getString(3);
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT metric_key, id FROM metric")) {
                    while (rs.next()) {
                        metricIds.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO observation (account_id, metric_id,"
                    + " observed_at, raw_value, workspace_id) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < shape.rows(); i++) {
                    insert.setLong(1, accountIds.get(shape.account(i)));
                    insert.setLong(2, metricIds.get(shape.metric(i)));
                    insert.setString(3, LocalDateTime.of(shape.day(i, 0), java.time.LocalTime.MIDNIGHT)
                            .toString().replace('T', ' '));
                    insert.setDouble(4, shape.value(i));
                    insert.setString(5, workspace);
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
            return System.nanoTime() - t0;
        }
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
