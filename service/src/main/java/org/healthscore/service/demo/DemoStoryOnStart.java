package org.healthscore.service.demo;

import io.dropwizard.lifecycle.Managed;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.healthscore.api.evaluation.Evaluation;
import org.healthscore.api.evaluation.EvaluationRequest;
import org.healthscore.api.job.Job;
import org.healthscore.api.job.JobStatus;
import org.healthscore.api.job.RecomputeRequest;
import org.healthscore.api.key.Role;
import org.healthscore.persistence.job.JobRow;
import org.healthscore.service.Services;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.config.DemoFactory;
import org.healthscore.service.jobs.TrackedJob;
import org.healthscore.service.paging.PageRequest;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First start of the embedded default: once HTTP is up, loads the demo story into the demo workspace
 * as a visible job (kind DEMO, at /api/v1/jobs), then computes a year of monthly score history and
 * evaluates the naive scorecard, each as its own job; logs progress and, at the end, where to look.
 * A later start finds the DEMO job SUCCEEDED and only prints the banner.
 */
public final class DemoStoryOnStart implements Managed {

    public static final String KIND = "DEMO";
    private static final Logger LOG = LoggerFactory.getLogger(DemoStoryOnStart.class);
    /** Progress units of the DEMO job: the load, the history job, the evaluation job. */
    private static final long LOAD_UNITS = 50;
    private static final long HISTORY_UNITS = 30;
    private static final long EVALUATION_UNITS = 20;
    private static final long POLL_MILLIS = 500;
    private static final long LOG_EVERY_MILLIS = 3_000;

    private final Jdbi jdbi;
    private final Services services;
    private final DemoFactory demo;
    private final Clock clock;
    private static final String STOPPED = "the service stopped before the demo was loaded";
    private volatile Thread thread;
    private volatile boolean stopping;
    private volatile String baseUrl = "http://localhost:8080";

    public DemoStoryOnStart(Jdbi jdbi, Services services, DemoFactory demo, Clock clock) {
        this.jdbi = jdbi;
        this.services = services;
        this.demo = demo;
        this.clock = clock;
    }

    /** Called once Jetty listens: the load runs behind the open port, never delaying it. */
    public void serverStarted(int port) {
        baseUrl = "http://localhost:" + port;
        Thread worker = new Thread(this::run, "demo-story-loader");
        worker.setDaemon(true);
        thread = worker;
        worker.start();
    }

    @Override
    public void start() {
        // Nothing before the server listens; see serverStarted.
    }

    @Override
    public void stop() throws InterruptedException {
        stopping = true;
        Thread worker = thread;
        if (worker != null) {
            worker.interrupt();
            worker.join(5_000);
        }
    }

    private void run() {
        Caller writer = new Caller(null, "demo loader", DemoWorkspace.ID, Role.WRITER);
        Optional<JobRow> newest = services.jobs().newestOfKind(DemoWorkspace.ID, KIND);
        if (newest.isPresent() && JobStatus.SUCCEEDED.name().equals(newest.get().status())) {
            banner(writer, null);
            return;
        }
        // A DEMO job left RUNNING was cut short by a stop; the loader is idempotent, so start over.
        newest.filter(job -> JobStatus.RUNNING.name().equals(job.status()))
                .ifPresent(job -> services.jobs().abandon(job.id(), STOPPED));
        TrackedJob job = services.jobs().track(writer, KIND, Map.of("accounts", demo.getStoryAccounts()),
                LOAD_UNITS + HISTORY_UNITS + EVALUATION_UNITS);
        LOG.info("demo story: loading {} accounts into workspace {} as job {}; follow it with"
                        + " curl -H 'Authorization: Bearer {}' {}/api/v1/jobs/{}", demo.getStoryAccounts(),
                DemoWorkspace.ID, job.id(), demo.getReaderSecret(), baseUrl, job.id());
        try {
            long[] loaded = {0};
            new DemoStoryLoader(jdbi, services, clock, line -> LOG.info("demo story: {}", line))
                    .load(writer, demo.getStoryAccounts(), step -> {
                        long reached = LOAD_UNITS * cumulativeWeight(step) / 100;
                        job.advance(reached - loaded[0]);
                        loaded[0] = reached;
                        LOG.info("demo story: {}% ({} loaded)", reached, step.name().toLowerCase(Locale.ROOT));
                    });
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            Job history = services.jobs().startRecompute(writer, new RecomputeRequest(NaiveScorecard.KEY, null, null,
                    today.minusMonths(12), today, 30, null, null, null), "demo:" + job.id() + ":history");
            LOG.info("demo story: computing a year of monthly scores (job {})", history.id());
            follow(history.id(), "score history", LOAD_UNITS, HISTORY_UNITS, job::advance);
            Evaluation evaluation = services.evaluations().start(writer, new EvaluationRequest(NaiveScorecard.KEY,
                    null, null, null, null, null, null, null, null, null, null, null), "demo:" + job.id()
                    + ":evaluation");
            LOG.info("demo story: evaluating scorecard {} against churn (job {})", NaiveScorecard.KEY,
                    evaluation.id());
            follow(evaluation.id(), "evaluation", LOAD_UNITS + HISTORY_UNITS, EVALUATION_UNITS, job::advance);
            job.succeed();
            banner(writer, evaluation.id());
        } catch (InterruptedException e) {
            job.fail(STOPPED);
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (stopping) {
                // Whatever a stop breaks underneath (the validator, a statement) is the stop, not the demo.
                LOG.info("demo story: {}; the next start loads it again", STOPPED);
                job.fail(STOPPED);
            } else {
                LOG.error("demo story: loading failed; the service runs on without it", e);
                job.fail("demo loading failed: " + e.getMessage());
            }
        }
    }

    private static long cumulativeWeight(DemoStoryLoader.Step upTo) {
        long sum = 0;
        for (DemoStoryLoader.Step step : DemoStoryLoader.Step.values()) {
            sum += step.weight;
            if (step == upTo) {
                break;
            }
        }
        return sum;
    }

    /** Waits for a job to end, moving the DEMO job's progress along with it. */
    private void follow(String jobId, String what, long offset, long units, LongConsumer advance)
            throws InterruptedException {
        long credited = 0;
        long lastLog = 0;
        while (true) {
            JobRow row = services.jobs().row(DemoWorkspace.ID, jobId);
            long reached = row.totalUnits() == 0 ? units : units * row.doneUnits() / row.totalUnits();
            advance.accept(reached - credited);
            credited = reached;
            boolean ended = !JobStatus.QUEUED.name().equals(row.status())
                    && !JobStatus.RUNNING.name().equals(row.status());
            if (ended || System.currentTimeMillis() - lastLog >= LOG_EVERY_MILLIS) {
                LOG.info("demo story: {}% ({} {} of {}, {})", offset + reached, what, row.doneUnits(),
                        row.totalUnits(), row.status().toLowerCase(Locale.ROOT));
                lastLog = System.currentTimeMillis();
            }
            if (ended) {
                if (!JobStatus.SUCCEEDED.name().equals(row.status())) {
                    throw new IllegalStateException(what + " job " + jobId + " ended " + row.status() + ": "
                            + row.error());
                }
                advance.accept(units - credited);
                return;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private void banner(Caller writer, String evaluationId) {
        Evaluation evaluation = evaluationId != null ? services.evaluations().get(writer, evaluationId)
                : services.evaluations().list(writer, NaiveScorecard.KEY, PageRequest.fromQuery("20", null)).items()
                .stream().filter(e -> e.status() == JobStatus.SUCCEEDED).findFirst().orElse(null);
        String api = baseUrl + "/api/v1";
        String verdict = evaluation == null || evaluation.report() == null ? "no finished evaluation yet"
                : String.format(Locale.ROOT, "%s, AUC %.3f, %d false greens (%.0f%% of churners)",
                evaluation.report().verdict(), evaluation.report().auc().value(),
                evaluation.report().falseGreens().count(),
                100 * orZero(evaluation.report().falseGreens().shareOfPositives()));
        String report = evaluation == null ? api + "/evaluations?scorecard=" + NaiveScorecard.KEY
                : api + "/evaluations/" + evaluation.id() + "/report.html";
        LOG.info("""

                ==================== DEMO READY, {} s after start (embedded config only; these keys are public) ====================
                  workspace {} ({}): the demo story, {} accounts, scorecard "{}"
                  evaluation of {}: {}
                  ADMIN  key: {}
                  WRITER key: {}
                  READER key: {}
                  report:   curl -s -H 'Authorization: Bearer {}' {} > report.html   (then open report.html)
                  docs:     {}/docs/    GraphiQL: {}/graphiql/    jobs: {}/jobs
                  README "Tours" walks through it as a CS lead, a frontend developer, a partner and a script.
                ==========================================================================================================""",
                String.format(Locale.ROOT, "%.1f", ManagementFactory.getRuntimeMXBean().getUptime() / 1e3),
                demo.getWorkspaceName(), DemoWorkspace.ID, demo.getStoryAccounts(), NaiveScorecard.KEY,
                NaiveScorecard.KEY, verdict, demo.getAdminSecret(), demo.getWriterSecret(), demo.getReaderSecret(),
                demo.getReaderSecret(), report, baseUrl, baseUrl, api);
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }
}
