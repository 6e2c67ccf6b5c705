package org.healthscore.service.cli;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jersey.validation.Validators;
import java.time.Clock;
import java.time.Duration;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.healthscore.api.key.CreatedApiKey;
import org.healthscore.persistence.Persistence;
import org.healthscore.persistence.SchemaMigrator;
import org.healthscore.service.HealthScoreConfiguration;
import org.healthscore.service.Services;
import org.healthscore.service.demo.DemoStory;
import org.healthscore.service.demo.DemoStoryLoader;
import org.healthscore.service.demo.NaiveScorecard;
import org.healthscore.service.json.ApiJson;
import org.healthscore.service.problem.ApiException;
import org.healthscore.service.validation.RequestValidator;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code demo config.yml}: loads the demo story (about 2,000 accounts, 18 months, a naive scorecard)
 * into the workspace "demo-story" of the configured database and prints how to evaluate it. Running
 * it again changes nothing.
 */
public final class DemoCommand extends ConfiguredCommand<HealthScoreConfiguration> {

    public DemoCommand() {
        super("demo", "Load the demo story (generated accounts, observations, outcomes, a naive scorecard)");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--accounts").type(Integer.class).setDefault(DemoStory.FULL_SIZE)
                .help("how many accounts to generate (" + DemoStory.FULL_SIZE + ")");
    }

    @Override
    protected void run(Bootstrap<HealthScoreConfiguration> bootstrap, Namespace ns, HealthScoreConfiguration config)
            throws Exception {
        int size = ns.getInt("accounts");
        if (size < 1 || size > 100_000) {
            throw new RecomputeCommand.CommandFailed("--accounts must be between 1 and 100000");
        }
        MetricRegistry registry = new MetricRegistry();
        ManagedDataSource dataSource = config.getDatabase().build(registry, "demo");
        dataSource.start();
        try {
            // Same rule as the server: a fresh embedded database gets its schema here too.
            if (config.isMigrateOnStart()) {
                SchemaMigrator.migrate(dataSource);
            }
            Jdbi jdbi = Persistence.configure(Jdbi.create(dataSource));
            Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
            Services services = Services.build(jdbi, config.getJobs(), new RequestValidator(
                    Validators.newValidator()), ApiJson.newMapper(), clock, registry);
            long started = System.nanoTime();
            DemoStoryLoader.Result result = new DemoStoryLoader(jdbi, services, clock, System.out::println).load(size);
            System.out.printf("demo story loaded in %.1f s%n", (System.nanoTime() - started) / 1e9);
            printNextSteps(result);
        } catch (ApiException e) {
            throw new RecomputeCommand.CommandFailed(e.getMessage() + (e.errors().isEmpty() ? "" : " " + e.errors()));
        } finally {
            dataSource.stop();
        }
    }

    private static void printNextSteps(DemoStoryLoader.Result result) {
        System.out.println();
        if (result.newKeys().isEmpty()) {
            System.out.println("Keys were shown when the workspace was created; an ADMIN key can mint more"
                    + " (POST /api/v1/keys).");
        } else {
            System.out.println("Keys of workspace " + DemoStoryLoader.WORKSPACE_NAME + " (shown once, keep them):");
            for (CreatedApiKey key : result.newKeys()) {
                System.out.printf("  %-6s %s%n", key.role(), key.secret());
            }
        }
        System.out.println("""
                Start the service (java -jar service/target/health-score-service.jar server config.yml), then
                evaluate the naive scorecard "%s" over the last year (12 monthly dates, churn within 90 days):
                  curl -s -X POST http://localhost:8080/api/v1/evaluations -H "Authorization: Bearer $WRITER" \\
                    -H 'Content-Type: application/json' -d '{"scorecard": "%s"}'
                  open http://localhost:8080/api/v1/evaluations/<id>/report.html (with the READER key)
                Then POST /api/v1/evaluations/<id>/apply, POST /api/v1/scorecards/%s/publish, evaluate again."""
                .formatted(NaiveScorecard.KEY, NaiveScorecard.KEY, NaiveScorecard.KEY));
    }
}
