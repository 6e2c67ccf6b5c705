package org.healthscore.service.cli;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jersey.validation.Validators;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.healthscore.api.job.Job;
import org.healthscore.api.job.JobStatus;
import org.healthscore.api.job.RecomputeRequest;
import org.healthscore.persistence.Persistence;
import org.healthscore.service.HealthScoreConfiguration;
import org.healthscore.service.Services;
import org.healthscore.service.auth.ApiKeyAuthenticator;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.json.ApiJson;
import org.healthscore.service.problem.ApiException;
import org.healthscore.service.validation.RequestValidator;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code recompute config.yml --scorecard prove --from 2026-01-01 --to 2026-12-01}: starts a re-scoring
 * job, works on its chunks here (running instances help too), shows a progress bar until the job
 * ends, and exits non-zero unless it succeeded. The workspace is the one of the key in
 * {@code --key} or {@code HEALTHSCORE_KEY} (a WRITER key).
 */
public final class RecomputeCommand extends ConfiguredCommand<HealthScoreConfiguration> {

    public RecomputeCommand() {
        super("recompute", "Re-score accounts and store their scores, with a progress bar");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--key").help("a WRITER key of the workspace (default: $HEALTHSCORE_KEY)");
        subparser.addArgument("--scorecard").help("scorecard key (default: every published scorecard)");
        subparser.addArgument("--version").type(Integer.class).help("scorecard version (default: latest)");
        subparser.addArgument("--as-of").dest("asOf").help("one asOf date, YYYY-MM-DD (default: today)");
        subparser.addArgument("--from").dest("from").help("first asOf of a range");
        subparser.addArgument("--to").dest("to").help("last asOf of a range");
        subparser.addArgument("--step-days").dest("stepDays").type(Integer.class).help("days between asOf dates (30)");
        subparser.addArgument("--segment").help("only accounts of this segment");
        subparser.addArgument("--product-line").dest("productLine").help("only accounts of this product line");
    }

    @Override
    protected void run(Bootstrap<HealthScoreConfiguration> bootstrap, Namespace ns, HealthScoreConfiguration config)
            throws Exception {
        String key = Optional.ofNullable(ns.getString("key")).orElse(System.getenv("HEALTHSCORE_KEY"));
        if (key == null) {
            fail("give a WRITER key with --key or HEALTHSCORE_KEY");
        }
        MetricRegistry registry = new MetricRegistry();
        ManagedDataSource dataSource = config.getDatabase().build(registry, "recompute");
        dataSource.start();
        Services services = null;
        try {
            // The schema is the service's to migrate (`db migrate`, or at its start-up); this only uses it.
            Jdbi jdbi = Persistence.configure(Jdbi.create(dataSource));
            Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
            services = Services.build(jdbi, config.getJobs(), new RequestValidator(Validators.newValidator()),
                    ApiJson.newMapper(), clock, registry);
            Caller caller = new ApiKeyAuthenticator(jdbi, config.getAuth().getBootstrapSecret()).authenticate(key)
                    .filter(c -> !c.isBootstrap())
                    .orElseThrow(() -> new CommandFailed("the key is not a valid, unrevoked workspace key"));
            Job job = services.jobs().startRecompute(caller, new RecomputeRequest(ns.getString("scorecard"),
                    ns.getInt("version"), date(ns, "asOf"), date(ns, "from"), date(ns, "to"), ns.getInt("stepDays"),
                    ns.getString("segment"), ns.getString("productLine"), null), null);
            System.out.println("Job " + job.id() + ": " + job.progress().total() + " account-dates to score");
            services.workers().start();
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("recompute")
                    .setInitialMax(Math.max(1, job.progress().total())).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(200).build()) {
                while (job.status() == JobStatus.QUEUED || job.status() == JobStatus.RUNNING) {
                    Thread.sleep(250);
                    job = services.jobs().get(caller, job.id());
                    bar.stepTo(job.progress().done());
                }
                bar.stepTo(job.progress().done());
            }
            System.out.println("Job " + job.id() + " " + job.status()
                    + (job.error() == null ? "" : ": " + job.error()));
            if (job.status() != JobStatus.SUCCEEDED) {
                throw new CommandFailed("job " + job.id() + " ended " + job.status());
            }
        } catch (ApiException e) {
            throw new CommandFailed(e.getMessage() + (e.errors().isEmpty() ? "" : " " + e.errors()));
        } finally {
            if (services != null) {
                services.workers().stop();
            }
            dataSource.stop();
        }
    }

    private static LocalDate date(Namespace ns, String name) {
        String text = ns.getString(name);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new CommandFailed("--" + name + " must be a date such as 2026-01-31");
        }
    }

    private static void fail(String message) {
        throw new CommandFailed(message);
    }

    /** A refusal the user can act on: Dropwizard prints its message and the command exits non-zero. */
    static final class CommandFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CommandFailed(String message) {
            super(message, null, false, false);
        }
    }
}
