package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.healthscore.service.HealthScoreConfiguration;
import org.healthscore.service.demo.NaiveScorecard;

/**
 * First start of the embedded default with {@code demo.loadOnStart}: the API answers while the demo
 * story loads as a DEMO job whose progress can be followed; it ends with a published naive scorecard,
 * a stored year of monthly scores and a finished evaluation. A stop in the middle ends that job as
 * FAILED and the next start loads it again; a start after a finished load loads nothing.
 */
class DemoOnStartIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(4);
    /** Big enough to be still loading when the first start is stopped, small enough to load quickly. */
    private static final int ACCOUNTS = 400;
    private static final String READER = "hs_demoreader_DEMO-ONLY_public-key_do-not-use-in-prod_rea";
    private static final String WRITER = "hs_demowriter_DEMO-ONLY_public-key_do-not-use-in-prod_wri";

    /**
     * One story on one database (the demo workspace's id is fixed): a start stopped while loading,
     * a start that loads it all, a start that loads nothing.
     */
    @BackendTest
    void theDemoStoryLoadsAsAVisibleJobAfterStartSurvivesAStopAndLoadsOnlyOnce(Api shared) {
        // The shared app started first: ConfigOverrides are system properties while an app runs.
        Backend backend = shared.backend;

        // 1. Stopped while loading: the DEMO job ends FAILED, saying why.
        DropwizardTestSupport<HealthScoreConfiguration> first = backend.start(demoOverrides());
        String database = first.getConfiguration().getDatabase().getUrl();
        String cut;
        try {
            cut = (String) awaitDemoJobs(new Api(backend, first), 1).get(0).get("id");
        } finally {
            first.after();
        }

        // 2. The next start loads it all, as a visible job, with the API up meanwhile.
        DropwizardTestSupport<HealthScoreConfiguration> second = backend.start(database, demoOverrides());
        List<Map<String, Object>> jobsBefore;
        try {
            Api api = new Api(backend, second);
            JsonPath stopped = Jobs.get(api, READER, cut);
            assertThat(stopped.getString("status")).as(stopped.prettify()).isEqualTo("FAILED");
            assertThat(stopped.getString("error")).isEqualTo("the service stopped before the demo was loaded");

            String demoJob = (String) awaitDemoJobs(api, 2).get(0).get("id");
            JsonPath seen = Jobs.get(api, READER, demoJob);
            assertThat(seen.getString("kind")).isEqualTo("DEMO");
            assertThat(seen.getLong("progress.total")).isEqualTo(100);
            JsonPath done = Jobs.awaitEnd(api, READER, demoJob, TIMEOUT);
            assertThat(done.getString("status")).as(done.prettify()).isEqualTo("SUCCEEDED");
            assertThat(done.getLong("progress.done")).isEqualTo(100);

            // What it left: every account once, the naive scorecard published once...
            assertThat(api.as(READER).get("/api/v1/scorecards/{key}", NaiveScorecard.KEY).then().statusCode(200)
                    .extract().jsonPath().getInt("latestVersion")).isEqualTo(1);
            assertThat(api.as(READER).queryParam("limit", 1000).get("/api/v1/accounts").then().statusCode(200)
                    .extract().jsonPath().getList("items")).hasSize(ACCOUNTS);
            // ...a RECOMPUTE and an EVALUATION job that succeeded...
            jobsBefore = allJobs(api);
            assertThat(jobsBefore).extracting(j -> j.get("kind") + " " + j.get("status"))
                    .contains("DEMO SUCCEEDED", "RECOMPUTE SUCCEEDED", "EVALUATION SUCCEEDED");
            // ...a year of monthly scores for an account...
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            List<Map<String, Object>> history = Jobs.history(api, READER, "acct-0001", NaiveScorecard.KEY,
                    today.minusMonths(13).toString(), today.toString());
            assertThat(history).hasSizeGreaterThanOrEqualTo(12);
            // ...and an evaluation with a verdict.
            JsonPath evaluations = api.as(READER).queryParam("scorecard", NaiveScorecard.KEY)
                    .get("/api/v1/evaluations").then().statusCode(200).extract().jsonPath();
            assertThat(evaluations.getString("items[0].status")).isEqualTo("SUCCEEDED");
            assertThat(evaluations.getString("items[0].verdict")).isNotNull();
            assertThat(evaluations.getLong("items[0].counts.rows")).isPositive();
            api.as(WRITER).get("/api/v1/jobs").then().statusCode(200);
        } finally {
            second.after();
        }

        // 3. A later start finds the demo loaded: no new job of any kind.
        DropwizardTestSupport<HealthScoreConfiguration> third = backend.start(database, demoOverrides());
        try {
            Api api = new Api(backend, third);
            Jobs.sleep(1_500);
            assertThat(allJobs(api)).extracting(j -> j.get("id"))
                    .containsExactlyElementsOf(jobsBefore.stream().map(j -> j.get("id")).toList());
        } finally {
            third.after();
        }
    }

    /** The port opens first; a DEMO job appears as soon as the loader starts behind it. Newest first. */
    private static List<Map<String, Object>> awaitDemoJobs(Api api, int count) {
        List<Map<String, Object>> jobs = demoJobs(api);
        for (int i = 0; i < 500 && jobs.size() < count; i++) {
            Jobs.sleep(20);
            jobs = demoJobs(api);
        }
        assertThat(jobs).hasSize(count);
        return jobs;
    }

    private static List<ConfigOverride> demoOverrides() {
        return List.of(
                ConfigOverride.config("demo.enabled", "true"),
                ConfigOverride.config("demo.loadOnStart", "true"),
                ConfigOverride.config("demo.storyAccounts", String.valueOf(ACCOUNTS)),
                ConfigOverride.config("demo.adminSecret", "hs_demoadmin1_DEMO-ONLY_public-key_do-not-use-in-prod_adm"),
                ConfigOverride.config("demo.writerSecret", WRITER),
                ConfigOverride.config("demo.readerSecret", READER),
                ConfigOverride.config("jobs.pollMillis", "20"));
    }

    private static List<Map<String, Object>> demoJobs(Api api) {
        return allJobs(api).stream().filter(j -> "DEMO".equals(j.get("kind"))).toList();
    }

    private static List<Map<String, Object>> allJobs(Api api) {
        return api.as(READER).queryParam("limit", 100).get("/api/v1/jobs").then().statusCode(200).extract()
                .jsonPath().getList("items");
    }
}
