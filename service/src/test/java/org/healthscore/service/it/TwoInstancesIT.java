package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.healthscore.service.HealthScoreConfiguration;
import org.healthscore.service.jobs.ChunkWorkers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two application instances on one MySQL-protocol database process one job together (DESIGN.md
 * section 2): both claim chunks, and stopping one in the middle still completes the job, with one
 * stored score per (account, version, asOf), each equal to what the scoring core computes live.
 * MySQL only (the point is the shared server); skipped loudly without one, failed under CI.
 * The shared MySQL app of the other tests runs workers on the same database too; assertions name
 * the two instances started here by their worker ids, read from their admin health checks.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    /** Every 5 days of November 2026, for the "prove" scorecard. */
    private static final Map<String, Object> NOVEMBER = Jobs.proveRange("2026-11-01", "2026-11-30", 5);

    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final int ACCOUNTS = 300;
    /** 2026-11-01 to 11-26 every 5 days: 6 asOf dates, 1,800 units in 60 chunks of 5 accounts. */
    private static final List<String> DATES = List.of("2026-11-01", "2026-11-06", "2026-11-11", "2026-11-16",
            "2026-11-21", "2026-11-26");
    private static final Pattern OWNER = Pattern.compile("instance-[0-9a-f-]{36}");

    private static DropwizardTestSupport<HealthScoreConfiguration> first;
    private static DropwizardTestSupport<HealthScoreConfiguration> second;
    private static String firstOwner;
    private static String secondOwner;

    @BeforeAll
    static void startTwoInstances() {
        if (Backend.MYSQL.jdbcUrl().isEmpty()) {
            String message = "TwoInstancesIT SKIPPED: set " + Backend.MYSQL_URL
                    + " (e.g. jdbc:mysql://127.0.0.1:3306/hs_test) to run it; .ci/run does";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI=true but no MySQL-protocol server: " + message);
            }
            System.err.println("\n" + "!".repeat(100) + "\n!!! " + message + "\n" + "!".repeat(100) + "\n");
            Assumptions.abort(message);
        }
        // The shared app first: ConfigOverrides are system properties while an app runs.
        Backend.MYSQL.app();
        List<ConfigOverride> jobs = List.of(
                ConfigOverride.config("jobs.workerThreads", "1"),
                ConfigOverride.config("jobs.chunkSize", "5"),
                ConfigOverride.config("jobs.leaseSeconds", "2"),
                ConfigOverride.config("jobs.pollMillis", "20"));
        first = Backend.MYSQL.start(jobs);
        second = Backend.MYSQL.start(jobs);
        firstOwner = owner(first);
        secondOwner = owner(second);
        assertThat(firstOwner).isNotEqualTo(secondOwner);
    }

    @AfterAll
    static void stopThem() {
        if (second != null) {
            second.after();
        }
        if (first != null) {
            first.after();
        }
    }

    @Test
    @Order(1)
    void twoInstancesShareOneJobAndStoreWhatTheCoreComputes() throws SQLException {
        Api a = new Api(Backend.MYSQL, first);
        Api b = new Api(Backend.MYSQL, second);
        Api.Workspace ws = a.newWorkspace();
        String writer = ws.adminSecret();
        load(a, writer);
        // Planned by the first instance in chunks of 5: 60 chunks of 30 units.
        JsonPath started = Jobs.start(a, writer, NOVEMBER, null);
        String id = started.getString("id");
        assertThat(started.getLong("progress.total")).isEqualTo((long) ACCOUNTS * DATES.size());
        JsonPath ended = Jobs.awaitEnd(b, writer, id, TIMEOUT);
        assertThat(ended.getString("status")).as(ended.prettify()).isEqualTo("SUCCEEDED");
        assertThat(ended.getLong("progress.done")).isEqualTo(ended.getLong("progress.total"));

        Map<String, Integer> byOwner = chunksByOwner(id);
        assertThat(byOwner.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(60);
        assertThat(byOwner).as("chunks per instance").containsKeys(firstOwner, secondOwner);
        assertThat(byOwner.get(firstOwner)).isPositive();
        assertThat(byOwner.get(secondOwner)).isPositive();

        assertStoredOncePerKeyAndEqualToLive(a, ws);
    }

    @Test
    @Order(2)
    void stoppingOneInstanceInTheMiddleStillCompletesTheJob() throws SQLException {
        Api a = new Api(Backend.MYSQL, first);
        Api b = new Api(Backend.MYSQL, second);
        Api.Workspace ws = b.newWorkspace();
        String writer = ws.adminSecret();
        load(b, writer);
        String id = Jobs.start(b, writer, NOVEMBER, null).getString("id");
        assertThat(Jobs.awaitSomeProgress(b, writer, id, TIMEOUT)).as("the job was still running").isTrue();
        // Stop the first instance while it works: its lease (2 s) runs out and others take its chunk.
        first.after();
        first = null;

        JsonPath ended = Jobs.awaitEnd(b, writer, id, TIMEOUT);
        assertThat(ended.getString("status")).as(ended.prettify()).isEqualTo("SUCCEEDED");
        assertThat(ended.getLong("progress.done")).isEqualTo(ended.getLong("progress.total"));
        Map<String, Integer> byOwner = chunksByOwner(id);
        System.out.println("TwoInstancesIT: chunks per instance after stopping " + firstOwner + ": " + byOwner);
        assertThat(byOwner.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(60);
        assertThat(byOwner).containsKey(secondOwner);

        assertStoredOncePerKeyAndEqualToLive(b, ws);
        // The history endpoint agrees for a sample.
        assertThat(Jobs.history(b, writer, "m-7", "prove", "2026-11-01", "2026-11-30"))
                .extracting(h -> h.get("asOf")).containsExactlyElementsOf(DATES);
    }

    @Test
    @Order(3)
    void aChunkHeldByAnInstanceThatDiedIsTakenOverWhenItsLeaseRunsOut() throws SQLException {
        Api b = new Api(Backend.MYSQL, second);
        Api.Workspace ws = b.newWorkspace();
        String writer = ws.adminSecret();
        load(b, writer);
        String id;
        // Whole seconds: Connector/J drops the milliseconds of temporal parameters on MariaDB (it reports 5.5.5).
        Instant leaseEnd = Instant.now().plusSeconds(3).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        // While no worker of this JVM polls, chunk 0 is made to look taken by an instance that then died.
        ChunkWorkers.pauseAll();
        try {
            id = Jobs.start(b, writer, NOVEMBER, null).getString("id");
            try (Connection c = connection(); PreparedStatement s = c.prepareStatement(
                    "UPDATE job_chunk SET status = 'RUNNING', lease_owner = 'instance-that-died', lease_until = ?,"
                            + " attempts = 1 WHERE job_id = ? AND chunk_no = 0 AND status = 'PENDING'")) {
                s.setObject(1, LocalDateTime.ofInstant(leaseEnd, ZoneOffset.UTC));
                s.setString(2, id);
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
        } finally {
            ChunkWorkers.resumeAll();
        }
        JsonPath ended = Jobs.awaitEnd(b, writer, id, TIMEOUT);
        assertThat(ended.getString("status")).as(ended.prettify()).isEqualTo("SUCCEEDED");
        assertThat(ended.getLong("progress.done")).isEqualTo(ended.getLong("progress.total"));
        // Not before the dead instance's lease ran out.
        assertThat(Instant.parse(ended.getString("finishedAt"))).isAfterOrEqualTo(leaseEnd.minusMillis(200));
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(
                "SELECT processed_by, attempts, status FROM job_chunk WHERE job_id = ? AND chunk_no = 0")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isNotEqualTo("instance-that-died").startsWith("instance-");
                assertThat(r.getInt(2)).isEqualTo(2);
                assertThat(r.getString(3)).isEqualTo("DONE");
            }
        }
        assertStoredOncePerKeyAndEqualToLive(b, ws);
    }


    private static void load(Api api, String writer) {
        api.raw(writer).contentType(ContentType.JSON).body(Map.of("key", "prove", "fromFramework", "PROVE"))
                .post("/api/v1/scorecards").then().statusCode(201);
        api.raw(writer).post("/api/v1/scorecards/prove/publish").then().statusCode(201);
        Jobs.accountsWithObservations(api, writer, "m-", ACCOUNTS);
    }

    /** Exactly one snapshot per (account, asOf) in the workspace, each equal to the live score. */
    private static void assertStoredOncePerKeyAndEqualToLive(Api api, Api.Workspace ws) throws SQLException {
        Map<String, Map<String, Object[]>> stored = new HashMap<>();
        int rows = 0;
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(
                "SELECT a.external_id, s.as_of, s.version, s.score, s.band FROM score_snapshot s"
                        + " JOIN account a ON a.id = s.account_id WHERE s.workspace_id = ? AND s.scorecard_key = ?")) {
            s.setString(1, ws.id());
            s.setString(2, "prove");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows++;
                    Object previous = stored.computeIfAbsent(r.getString(1), k -> new HashMap<>())
                            .put(r.getString(2), new Object[] {r.getObject(4), r.getString(5)});
                    assertThat(previous).as("a second snapshot of %s at %s", r.getString(1), r.getString(2)).isNull();
                    assertThat(r.getInt(3)).isEqualTo(1);
                }
            }
        }
        assertThat(rows).isEqualTo(ACCOUNTS * DATES.size());
        assertThat(stored).hasSize(ACCOUNTS);
        List<String> ids = new ArrayList<>(stored.keySet());
        for (String asOf : DATES) {
            JsonPath live = Jobs.json(api.as(ws.adminSecret()).contentType(ContentType.JSON)
                    .body(Map.of("scorecard", "prove", "asOf", asOf, "accounts", ids))
                    .post("/api/v1/scores/compute").then().statusCode(200).extract().response());
            List<Map<String, Object>> results = live.getList("results");
            assertThat(results).hasSize(ACCOUNTS);
            for (Map<String, Object> result : results) {
                Object[] row = stored.get((String) result.get("account")).get(asOf);
                assertThat(row).as("snapshot of %s at %s", result.get("account"), asOf).isNotNull();
                assertThat(row[1]).as("band of %s at %s", result.get("account"), asOf).isEqualTo(result.get("band"));
                if (result.get("score") == null) {
                    assertThat(row[0]).isNull();
                } else {
                    assertThat(((Number) row[0]).doubleValue()).as("score of %s at %s", result.get("account"), asOf)
                            .isCloseTo(((Number) result.get("score")).doubleValue(), within(1e-9));
                }
            }
        }
    }

    private static Map<String, Integer> chunksByOwner(String jobId) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(
                "SELECT processed_by, status, COUNT(*) FROM job_chunk WHERE job_id = ? GROUP BY processed_by, status")) {
            s.setString(1, jobId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    assertThat(r.getString(2)).as("chunk status").isEqualTo("DONE");
                    out.merge(r.getString(1), r.getInt(3), Integer::sum);
                }
            }
        }
        return out;
    }

    private static Connection connection() throws SQLException {
        return DriverManager.getConnection(Backend.MYSQL.jdbcUrl().orElseThrow(), Backend.MYSQL.user(),
                Backend.MYSQL.password());
    }

    /** The worker id of an instance, as its admin health check names it. */
    private static String owner(DropwizardTestSupport<HealthScoreConfiguration> app) {
        String body = RestAssured.given().baseUri("http://localhost:" + app.getAdminPort()).get("/healthcheck")
                .asString();
        Matcher m = OWNER.matcher(body);
        assertThat(m.find()).as("a worker id in %s", body).isTrue();
        return m.group();
    }

}
