package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import io.dropwizard.testing.ResourceHelpers;
import org.healthscore.service.HealthScoreApplication;
import org.healthscore.service.HealthScoreConfiguration;
import org.healthscore.service.jobs.ChunkWorkers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Jobs that do not succeed: a chunk that fails (through the test-only fault hook) fails the job with
 * a message naming it and leaves nothing of itself stored; cancel before and during the run. Each
 * test runs its own application (its own H2 database) with its own job settings. H2 only: the
 * failure paths are the service's, not the database's.
 */
class JobFailureIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @BeforeAll
    static void startTheSharedAppFirst() {
        // ConfigOverrides are system properties while an app runs: the shared app must not start
        // meanwhile and inherit these tests' job settings.
        Backend.H2.app();
    }


    private static int stored(Api api, String secret, String account) {
        return Jobs.history(api, secret, account, "prove", "2026-01-01", "2026-12-31").size();
    }

    @Test
    void aFailingChunkFailsTheJobNamingItAndLeavesNothingOfItself() {
        DropwizardTestSupport<HealthScoreConfiguration> app = Backend.H2.start(List.of(
                ConfigOverride.config("jobs.chunkSize", "2"),
                ConfigOverride.config("jobs.workerThreads", "1"),
                ConfigOverride.config("jobs.pollMillis", "20")));
        Predicate<String> hook = ChunkWorkers.faultHook;
        try {
            Api api = new Api(Backend.H2, app);
            String writer = Jobs.proveWorkspace(api);
            Jobs.accountsWithObservations(api, writer, "f-", 6);
            // Chunk 1 of every job fails after its first asOf was written in its transaction.
            ChunkWorkers.faultHook = chunk -> chunk.endsWith("/1");
            // 6 accounts in chunks of 2 (accounts in creation order), 2 asOf dates: 3 chunks of 4 units.
            String id = Jobs.start(api, writer, Jobs.proveRange("2026-11-15", "2026-11-30", 15), null).getString("id");
            JsonPath ended = Jobs.awaitEnd(api, writer, id, TIMEOUT);

            assertThat(ended.getString("status")).as(ended.prettify()).isEqualTo("FAILED");
            assertThat(ended.getString("error")).contains("chunk 1").contains("fault injected");
            assertThat(ended.getString("finishedAt")).isNotNull();
            assertThat(ended.getLong("progress.total")).isEqualTo(12);
            // One worker takes chunks in order: chunk 0 done, chunk 1 failed, chunk 2 dropped.
            assertThat(ended.getLong("progress.done")).isEqualTo(4);

            List<Integer> perAccount = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                perAccount.add(stored(api, writer, "f-" + i));
            }
            // Whole chunks or nothing: the two accounts of chunk 0 have both dates; chunk 1, which
            // failed after writing its first date, left nothing; chunk 2 never ran.
            assertThat(perAccount).containsExactlyInAnyOrder(2, 2, 0, 0, 0, 0);
            assertThat(perAccount.stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo((int) ended.getLong("progress.done"));

            // A failed job has ended: cancel is a conflict; it still shows in the list.
            api.as(writer).post("/api/v1/jobs/{id}/cancel", id).then().statusCode(409);

            // Without the fault the same request succeeds and fills every account.
            ChunkWorkers.faultHook = hook;
            JsonPath retried = Jobs.awaitEnd(api, writer,
                    Jobs.start(api, writer,
                            Jobs.proveRange("2026-11-15", "2026-11-30", 15), null).getString("id"), TIMEOUT);
            assertThat(retried.getString("status")).isEqualTo("SUCCEEDED");
            for (int i = 0; i < 6; i++) {
                assertThat(stored(api, writer, "f-" + i)).as("f-%s after the retry", i).isEqualTo(2);
            }
        } finally {
            ChunkWorkers.faultHook = hook;
            app.after();
        }
    }

    @Test
    void aQueuedJobCancelledStaysCancelledWhenWorkersStartLater() {
        DropwizardTestSupport<HealthScoreConfiguration> idle = Backend.H2.start(List.of(
                ConfigOverride.config("jobs.workerThreads", "0")));
        DropwizardTestSupport<HealthScoreConfiguration> busy = null;
        try {
            Api api = new Api(Backend.H2, idle);
            String writer = Jobs.proveWorkspace(api);
            Jobs.accountsWithObservations(api, writer, "q-", 4);
            String id = Jobs.start(api, writer, Jobs.proveRange("2026-10-01", "2026-11-30", 15), null).getString("id");
            Jobs.sleep(300);
            JsonPath queued = Jobs.get(api, writer, id);
            assertThat(queued.getString("status")).isEqualTo("QUEUED");
            assertThat(queued.getString("startedAt")).isNull();
            assertThat((Object) queued.get("progress.etaSeconds")).isNull();

            JsonPath cancelled = api.as(writer).post("/api/v1/jobs/{id}/cancel", id).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(cancelled.getString("status")).isEqualTo("CANCELLED");
            assertThat(cancelled.getString("finishedAt")).isNotNull();
            assertThat(cancelled.getLong("progress.done")).isZero();
            api.as(writer).post("/api/v1/jobs/{id}/cancel", id).then().statusCode(409);

            // Workers start on the same database: they find nothing to do.
            String url = idle.getConfiguration().getDatabase().getUrl();
            busy = startOn(url, ConfigOverride.config("jobs.workerThreads", "2"),
                    ConfigOverride.config("jobs.pollMillis", "20"));
            Api other = new Api(Backend.H2, busy);
            // A job started now is processed, so the workers do run...
            String control = Jobs.start(other, writer,
                    Jobs.proveRange("2026-11-30", "2026-11-30", 15), null).getString("id");
            assertThat(Jobs.awaitEnd(other, writer, control, TIMEOUT).getString("status")).isEqualTo("SUCCEEDED");
            // ...but the cancelled one stays as it was.
            Jobs.sleep(500);
            JsonPath after = Jobs.get(other, writer, id);
            assertThat(after.getString("status")).isEqualTo("CANCELLED");
            assertThat(after.getLong("progress.done")).isZero();
            assertThat(after.getString("startedAt")).isNull();
            for (int i = 0; i < 4; i++) {
                // Only the control job's 2026-11-30 is stored; nothing of the cancelled range.
                assertThat(Jobs.history(other, writer, "q-" + i, "prove", "2026-01-01", "2026-12-31"))
                        .extracting(h -> h.get("asOf")).containsExactly("2026-11-30");
            }
        } finally {
            if (busy != null) {
                busy.after();
            }
            idle.after();
        }
    }

    /** Another application on the H2 database at {@code url} (Backend.H2.start makes a new database). */
    private static DropwizardTestSupport<HealthScoreConfiguration> startOn(String url, ConfigOverride... extra) {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config("database.url", url),
                ConfigOverride.config("database.driverClass", Backend.H2.driver()),
                ConfigOverride.config("database.user", Backend.H2.user()),
                ConfigOverride.config("database.password", Backend.H2.password())));
        overrides.addAll(List.of(extra));
        DropwizardTestSupport<HealthScoreConfiguration> app = new DropwizardTestSupport<>(
                HealthScoreApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
                overrides.toArray(ConfigOverride[]::new));
        try {
            app.before();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start a second application on " + url, e);
        }
        return app;
    }

    @Test
    void aRunningJobCancelledStopsTakingChunks() {
        DropwizardTestSupport<HealthScoreConfiguration> app = Backend.H2.start(List.of(
                ConfigOverride.config("jobs.chunkSize", "1"),
                ConfigOverride.config("jobs.workerThreads", "1"),
                ConfigOverride.config("jobs.pollMillis", "20")));
        try {
            Api api = new Api(Backend.H2, app);
            String writer = Jobs.proveWorkspace(api);
            Jobs.accountsWithObservations(api, writer, "r-", 200);
            Map<String, Object> body = Jobs.proveRange("2026-09-01", "2026-11-30", 15);
            String id = Jobs.start(api, writer, body, null).getString("id");
            assertThat(Jobs.awaitSomeProgress(api, writer, id, TIMEOUT)).as("the job was still running").isTrue();

            JsonPath cancelled = api.as(writer).post("/api/v1/jobs/{id}/cancel", id).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(cancelled.getString("status")).isEqualTo("CANCELLED");
            assertThat(cancelled.getString("startedAt")).isNotNull();
            // The chunk in hand may still finish; after that nothing moves.
            Jobs.sleep(1000);
            long settled = Jobs.get(api, writer, id).getLong("progress.done");
            Jobs.sleep(1000);
            JsonPath later = Jobs.get(api, writer, id);
            assertThat(later.getString("status")).isEqualTo("CANCELLED");
            assertThat(later.getLong("progress.done")).isEqualTo(settled)
                    .isGreaterThanOrEqualTo(cancelled.getLong("progress.done"))
                    .isLessThan(later.getLong("progress.total"));
            assertThat(later.getString("error")).isNull();
        } finally {
            app.after();
        }
    }
}
