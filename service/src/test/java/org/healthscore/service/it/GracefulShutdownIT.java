package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.healthscore.service.HealthScoreApplication;
import org.healthscore.service.HealthScoreConfiguration;
import org.healthscore.service.jobs.ChunkWorkers;

/**
 * A graceful stop (DESIGN.md section 5: a job survives an instance going away): the stopping
 * instance finishes the request it is serving, and hands back the job chunk it holds at once, so
 * another instance finishes the job without waiting for the lease (two minutes here) to run out.
 * Two instances on one database, on each backend.
 */
class GracefulShutdownIT {

    /** Every 10 days of November 2026, for the "prove" scorecard. */
    private static final Map<String, Object> NOVEMBER = Jobs.proveRange("2026-11-01", "2026-11-30", 10);

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern OWNER = Pattern.compile("instance-[0-9a-f-]{36}");

    @BackendTest
    void aStoppingInstanceFinishesItsRequestAndHandsBackItsChunk(Backend backend) throws Exception {
        // The shared app first: ConfigOverrides are system properties while an app runs.
        backend.app();
        String url = backend.jdbcUrl().orElseThrow();
        DropwizardTestSupport<HealthScoreConfiguration> stopping = startOn(backend, url);
        DropwizardTestSupport<HealthScoreConfiguration> staying = null;
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        AtomicBoolean armed = new AtomicBoolean(true);
        Predicate<String> hook = ChunkWorkers.faultHook;
        try {
            staying = startOn(backend, url);
            String leaving = owner(stopping);
            String remaining = owner(staying);
            Api a = new Api(backend, stopping);
            Api b = new Api(backend, staying);
            String writer = Jobs.proveWorkspace(a);
            Jobs.accountsWithObservations(a, writer, "g-", 20);

            // Only the stopping instance works, and its first chunk of the job stays in hand (as a long
            // chunk would) until the instance stops and interrupts its worker.
            ChunkWorkers.onlyOwner(leaving);
            String id;
            ChunkWorkers.pauseAll();
            try {
                id = Jobs.start(a, writer, NOVEMBER, null).getString("id");
                ChunkWorkers.faultHook = chunk -> {
                    if (chunk.startsWith(leaving + "/" + id + "/") && armed.compareAndSet(true, false)) {
                        reached.countDown();
                        try {
                            never.await();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException("the chunk was interrupted: its instance stops", e);
                        }
                    }
                    return false;
                };
            } finally {
                ChunkWorkers.resumeAll();
            }
            assertThat(reached.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("a chunk in hand").isTrue();
            assertThat(heldBy(backend, url, id)).containsExactly(leaving);

            // A bulk upload in flight when the stop begins: headers and the first rows sent, not the rest.
            try (Socket upload = new Socket("localhost", stopping.getLocalPort())) {
                upload.setSoTimeout((int) TIMEOUT.toMillis());
                OutputStream out = upload.getOutputStream();
                out.write(("POST /api/v1/accounts/bulk HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + writer
                        + "\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + chunk("externalId,segment\nlate-1,ENT\n")).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Jobs.sleep(300);

                DropwizardTestSupport<HealthScoreConfiguration> toStop = stopping;
                Thread stopper = new Thread(toStop::after, "stop-instance");
                stopper.start();
                stopping = null;
                awaitRefused(toStop.getLocalPort());

                out.write((chunk("late-2,SMB\n") + "0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String status = new BufferedReader(new InputStreamReader(upload.getInputStream(),
                        StandardCharsets.US_ASCII)).readLine();
                assertThat(status).as("the in-flight request's answer").startsWith("HTTP/1.1 200");
                stopper.join(TIMEOUT.toMillis());
                assertThat(stopper.isAlive()).as("the instance stopped").isFalse();
            }

            // Handed back, not left to its two-minute lease: nobody holds a chunk of the job now.
            assertThat(heldBy(backend, url, id)).isEmpty();
            ChunkWorkers.onlyOwner(remaining);
            JsonPath ended = Jobs.awaitEnd(b, writer, id, TIMEOUT);
            assertThat(ended.getString("status")).as(ended.prettify()).isEqualTo("SUCCEEDED");
            assertThat(ended.getLong("progress.done")).isEqualTo(ended.getLong("progress.total"));
            assertThat(processors(backend, url, id)).containsOnlyKeys(remaining);
            // Both rows of the upload the stopping instance finished were stored.
            b.as(writer).get("/api/v1/accounts/late-2").then().statusCode(200);
        } finally {
            never.countDown();
            ChunkWorkers.faultHook = hook;
            ChunkWorkers.onlyOwner(null);
            if (stopping != null) {
                stopping.after();
            }
            if (staying != null) {
                staying.after();
            }
        }
    }


    private static String chunk(String data) {
        return Integer.toHexString(data.getBytes(StandardCharsets.US_ASCII).length) + "\r\n" + data + "\r\n";
    }

    /** Waits until the port takes no new connections: the instance has begun to stop. */
    private static void awaitRefused(int port) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket("localhost", port)) {
                Jobs.sleep(20);
            } catch (IOException refused) {
                return;
            }
        }
        throw new AssertionError("port " + port + " still open after " + TIMEOUT);
    }

    /** The owners of the job's chunks that are held (RUNNING) now. */
    private static List<String> heldBy(Backend backend, String url, String jobId) throws SQLException {
        List<String> owners = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, backend.user(), backend.password());
             PreparedStatement s = c.prepareStatement(
                     "SELECT lease_owner FROM job_chunk WHERE job_id = ? AND status = 'RUNNING'")) {
            s.setString(1, jobId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    owners.add(r.getString(1));
                }
            }
        }
        return owners;
    }

    /** Chunks of the job by the instance that finished them. */
    private static Map<String, Integer> processors(Backend backend, String url, String jobId) throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url, backend.user(), backend.password());
             PreparedStatement s = c.prepareStatement(
                     "SELECT processed_by, COUNT(*) FROM job_chunk WHERE job_id = ? GROUP BY processed_by")) {
            s.setString(1, jobId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), r.getInt(2));
                }
            }
        }
        return out;
    }

    private static String owner(DropwizardTestSupport<HealthScoreConfiguration> app) {
        String body = RestAssured.given().baseUri("http://localhost:" + app.getAdminPort()).get("/healthcheck")
                .asString();
        Matcher m = OWNER.matcher(body);
        assertThat(m.find()).as("a worker id in %s", body).isTrue();
        return m.group();
    }

    /** An instance on the database at {@code url} with a lease far longer than the test. */
    private static DropwizardTestSupport<HealthScoreConfiguration> startOn(Backend backend, String url)
            throws Exception {
        DropwizardTestSupport<HealthScoreConfiguration> app = new DropwizardTestSupport<>(
                HealthScoreApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
                ConfigOverride.config("database.url", url),
                ConfigOverride.config("database.driverClass", backend.driver()),
                ConfigOverride.config("database.user", backend.user()),
                ConfigOverride.config("database.password", backend.password()),
                ConfigOverride.config("jobs.workerThreads", "1"),
                ConfigOverride.config("jobs.chunkSize", "5"),
                ConfigOverride.config("jobs.leaseSeconds", "120"),
                ConfigOverride.config("jobs.pollMillis", "20"));
        app.before();
        return app;
    }
}
