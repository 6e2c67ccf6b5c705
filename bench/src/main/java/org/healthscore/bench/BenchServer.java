package org.healthscore.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;
import java.util.function.Supplier;
import org.healthscore.service.HealthScoreApplication;
import org.healthscore.service.HealthScoreConfiguration;

/**
 * The service running in-process on a fresh database of the MySQL-protocol server (created at
 * start, dropped at close), and an HTTP client for it. Server, user and password come from
 * HEALTHSCORE_BENCH_MYSQL_SERVER, _USER, _PASSWORD (default: root at 127.0.0.1:3306).
 */
final class BenchServer implements AutoCloseable {

    private static final String BOOTSTRAP = "bench-bootstrap-secret-0123456789abcdef";
    private static final String OPTIONS =
            "?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&rewriteBatchedStatements=true";
    private static final ObjectMapper JSON = new ObjectMapper();

    final String server = env("HEALTHSCORE_BENCH_MYSQL_SERVER", "jdbc:mysql://127.0.0.1:3306/");
    private final String user = env("HEALTHSCORE_BENCH_MYSQL_USER", "root");
    private final String password = env("HEALTHSCORE_BENCH_MYSQL_PASSWORD", "");
    private final String database;
    private final DropwizardTestSupport<HealthScoreConfiguration> app;
    private final HttpClient http = HttpClient.newHttpClient();

    static {
        // Liquibase prints a summary of every update on the console (for every database a benchmark creates):
        // to the (quiet) log instead, so the figures stand alone.
        System.setProperty("liquibase.command.showSummaryOutput", "LOG");
    }

    BenchServer(String name, ConfigOverride... extra) throws Exception {
        database = "hs_bench_" + name + "_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(server + OPTIONS, user, password)) {
            c.createStatement().execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        List<ConfigOverride> overrides = new ArrayList<>(List.of(ConfigOverride.config("database.url", url()),
                ConfigOverride.config("database.user", user), ConfigOverride.config("database.password", password)));
        overrides.addAll(List.of(extra));
        app = new DropwizardTestSupport<>(HealthScoreApplication.class,
                ResourceHelpers.resourceFilePath("bench-config.yml"), overrides.toArray(ConfigOverride[]::new));
        // Likewise each change set it runs, which goes to the UI service of the current scope.
        liquibase.Scope.child(liquibase.Scope.Attr.ui.name(), new liquibase.ui.LoggerUIService(), app::before);
    }

    String url() {
        return server + database + OPTIONS;
    }

    /** A JDBC connection to the benchmark's database, for floors measured beside the service. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    /** A new workspace; its first ADMIN key. */
    String workspace() throws Exception {
        return JSON.readTree(post("/api/v1/workspaces", BOOTSTRAP, "application/json", "{\"name\":\"bench\"}"))
                .get("secret").asText();
    }

    String post(String path, String secret, String type, String body) throws Exception {
        return send(path, secret, type, HttpRequest.BodyPublishers.ofString(body));
    }

    /** Posts a body made while it is sent. */
    String stream(String path, String secret, String type, Supplier<InputStream> body) throws Exception {
        return send(path, secret, type, HttpRequest.BodyPublishers.ofInputStream(body));
    }

    String get(String path, String secret) throws Exception {
        return check(path, http.send(request(path, secret).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Sends a request made by {@link #request}; its body, or an exception when it is not 2xx. */
    String send(HttpRequest request) throws Exception {
        return check(request.uri().getPath(), http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private String send(String path, String secret, String type, HttpRequest.BodyPublisher body) throws Exception {
        return check(path, http.send(request(path, secret).header("Content-Type", type).POST(body).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /** A request to the service over loopback, authenticated by {@code secret}. */
    HttpRequest.Builder request(String path, String secret) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.getLocalPort() + path))
                .header("Authorization", "Bearer " + secret);
    }

    private static String check(String path, HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    @Override
    public void close() throws Exception {
        app.after();
        try (Connection c = DriverManager.getConnection(server + OPTIONS, user, password)) {
            c.createStatement().execute("DROP DATABASE " + database);
        }
    }

    /** The service with job workers tuned by -DchunkSize (500) and -Dworkers (2), polling every 20 ms. */
    static BenchServer withJobWorkers(String name) throws Exception {
        return new BenchServer(name,
                ConfigOverride.config("jobs.chunkSize", System.getProperty("chunkSize", "500")),
                ConfigOverride.config("jobs.workerThreads", System.getProperty("workers", "2")),
                ConfigOverride.config("jobs.pollMillis", "20"));
    }

    /**
     * Metrics m0..m(n-1) (higher is better, aggregated by {@code function} over {@code windowDays}), the
     * scorecard "bench" weighting each 1 (LINEAR 0-100), published, and accounts acct-0..acct-(accounts-1).
     */
    void scorecardAndAccounts(String admin, int measures, String function, int windowDays, int accounts)
            throws Exception {
        StringBuilder list = new StringBuilder();
        for (int m = 0; m < measures; m++) {
            post("/api/v1/metrics", admin, "application/json", "{\"key\":\"m" + m + "\",\"name\":\"m" + m
                    + "\",\"valueType\":\"NUMBER\",\"direction\":\"HIGHER_IS_BETTER\",\"aggregation\":{\"function\":\""
                    + function + "\",\"windowDays\":" + windowDays + "}}");
            list.append(m == 0 ? "" : ",").append("{\"metric\":\"m").append(m)
                    .append("\",\"weight\":1,\"scoring\":{\"type\":\"LINEAR\",\"min\":0,\"max\":100}}");
        }
        post("/api/v1/scorecards", admin, "application/json",
                "{\"key\":\"bench\",\"name\":\"bench\",\"measures\":[" + list + "]}");
        post("/api/v1/scorecards/bench/publish", admin, "application/json", "");
        stream("/api/v1/accounts/bulk", admin, "text/csv",
                () -> new Lines("externalId\n", accounts, i -> "acct-" + i + "\n"));
    }

    /**
     * Observations of m0..m(measures-1) for acct-0..acct-(accounts-1), one a month for {@code months} months from
     * {@code first}, valued {@code value(row)}: every account, then every measure, then every month.
     */
    void monthlyObservations(String admin, int accounts, int measures, int months, LocalDate first,
                             IntToDoubleFunction value) throws Exception {
        int rows = accounts * measures * months;
        stream("/api/v1/observations", admin, "text/csv",
                () -> new Lines("account,metric,observedAt,value\n", rows, i -> "acct-" + (i % accounts) + ",m"
                        + (i / accounts % measures) + "," + first.plusMonths(i / (accounts * measures))
                        + "T00:00:00Z," + value.applyAsDouble(i) + "\n"));
    }

    private static String env(String name, String fallback) {
        return Optional.ofNullable(System.getenv(name)).orElse(fallback);
    }
}
