package org.healthscore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.healthscore.service.HealthScoreApplication;
import org.healthscore.service.HealthScoreConfiguration;

/**
 * Ingest over HTTP into the MySQL-protocol server, as CSV and as NDJSON, beside the floor: the
 * same number of rows written by plain JDBC batched multi-row inserts into the same table.
 * The body is generated while it is sent, so neither side holds it whole.
 */
final class IngestBenchmark {

    private static final String BOOTSTRAP = "bench-bootstrap-secret-0123456789abcdef";
    private static final String[] METRICS = {"logins", "seats_used", "tickets", "nps", "days_since_login"};
    private static final int ACCOUNTS_PER_ROWS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private IngestBenchmark() {
    }

    static void run(int rows) throws Exception {
        String server = Optional.ofNullable(System.getenv("HEALTHSCORE_BENCH_MYSQL_SERVER"))
                .orElse("jdbc:mysql://127.0.0.1:3306/");
        String user = Optional.ofNullable(System.getenv("HEALTHSCORE_BENCH_MYSQL_USER")).orElse("root");
        String password = Optional.ofNullable(System.getenv("HEALTHSCORE_BENCH_MYSQL_PASSWORD")).orElse("");
        String database = "hs_bench_" + ProcessHandle.current().pid();
        String options = "?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&rewriteBatchedStatements=true";
        try (Connection c = DriverManager.getConnection(server + options, user, password)) {
            c.createStatement().execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        String url = server + database + options;
        DropwizardTestSupport<HealthScoreConfiguration> app = new DropwizardTestSupport<>(HealthScoreApplication.class,
                ResourceHelpers.resourceFilePath("bench-config.yml"),
                ConfigOverride.config("database.url", url), ConfigOverride.config("database.user", user),
                ConfigOverride.config("database.password", password));
        app.before();
        try {
            String base = "http://localhost:" + app.getLocalPort();
            HttpClient http = HttpClient.newHttpClient();
            String admin = JSON.readTree(send(http, base + "/api/v1/workspaces", BOOTSTRAP, "application/json",
                    HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\"}"))).get("secret").asText();
            for (String metric : METRICS) {
                send(http, base + "/api/v1/metrics", admin, "application/json", HttpRequest.BodyPublishers.ofString(
                        "{\"key\":\"" + metric + "\",\"name\":\"" + metric + "\",\"valueType\":\"NUMBER\","
                                + "\"direction\":\"HIGHER_IS_BETTER\"}"));
            }
            int accounts = Math.max(1, rows / ACCOUNTS_PER_ROWS);
            send(http, base + "/api/v1/accounts/bulk", admin, "text/csv", HttpRequest.BodyPublishers.ofInputStream(
                    () -> new Lines("externalId,segment\n", accounts, i -> "acct-" + i + ",SMB\n")));
            Shape shape = new Shape(rows, accounts);

            // Every inserting path starts from an empty observation table, so none pays for the others' rows.
            List<String[]> table = new ArrayList<>();
            long floorNanos = jdbcFloor(url, user, password, shape);
            table.add(row("floor: JDBC batched multi-row INSERT", rows, floorNanos, "-"));

            truncateObservations(url, user, password);
            long t0 = System.nanoTime();
            String ndjsonAnswer = send(http, base + "/api/v1/observations", admin, "application/x-ndjson",
                    HttpRequest.BodyPublishers.ofInputStream(() -> new Lines("", rows, i -> shape.ndjson(i, 0))));
            table.add(row("HTTP NDJSON (new rows)", rows, System.nanoTime() - t0, ndjsonAnswer));

            truncateObservations(url, user, password);
            resetPeaks();
            t0 = System.nanoTime();
            String csvAnswer = send(http, base + "/api/v1/observations", admin, "text/csv",
                    HttpRequest.BodyPublishers.ofInputStream(() -> new Lines("account,metric,observedAt,value\n", rows,
                            i -> shape.csv(i, 0))));
            table.add(row("HTTP CSV (new rows)", rows, System.nanoTime() - t0, csvAnswer));
            long csvPeak = peakHeap();

            t0 = System.nanoTime();
            String againAnswer = send(http, base + "/api/v1/observations", admin, "text/csv",
                    HttpRequest.BodyPublishers.ofInputStream(() -> new Lines("account,metric,observedAt,value\n", rows,
                            i -> shape.csv(i, 0))));
            table.add(row("HTTP CSV again (all unchanged)", rows, System.nanoTime() - t0, againAnswer));

            System.out.printf("%nIngest benchmark: %,d observation rows, %,d accounts x %d metrics, MySQL-protocol"
                    + " server %s%n%n", rows, accounts, METRICS.length, server);
            System.out.printf("%-38s %12s %10s %12s %8s  %s%n", "path", "rows", "seconds", "rows/s", "x floor",
                    "answer");
            double floorRate = rows / (floorNanos / 1e9);
            for (String[] r : table) {
                double rate = Double.parseDouble(r[3]);
                System.out.printf("%-38s %,12d %10s %,12.0f %8.2f  %s%n", r[0], rows, r[2], rate, floorRate / rate,
                        r[4]);
            }
            System.out.printf("%nPeak heap used during the CSV request: %,d MiB (max heap %,d MiB)%n",
                    csvPeak / (1 << 20), Runtime.getRuntime().maxMemory() / (1 << 20));
        } finally {
            app.after();
            try (Connection c = DriverManager.getConnection(server + options, user, password)) {
                c.createStatement().execute("DROP DATABASE " + database);
            }
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

    private static void truncateObservations(String url, String user, String password) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.createStatement().execute("TRUNCATE TABLE observation");
        }
    }

    /** The floor: the same number of new rows, written straight into the observation table by JDBC. */
    private static long jdbcFloor(String url, String user, String password, Shape shape) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
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

    private static String[] row(String name, int rows, long nanos, String answer) {
        double seconds = nanos / 1e9;
        return new String[] {name, Integer.toString(rows), String.format("%.1f", seconds),
                Double.toString(rows / seconds), answer};
    }

    private static String send(HttpClient http, String url, String secret, String type,
                               HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + secret).header("Content-Type", type)
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode answer = JSON.readTree(response.body());
        return answer.toString();
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
