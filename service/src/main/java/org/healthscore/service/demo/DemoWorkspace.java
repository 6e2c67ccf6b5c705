package org.healthscore.service.demo;

import java.time.Clock;
import java.util.List;
import org.healthscore.api.key.Role;
import org.healthscore.api.metric.Aggregation;
import org.healthscore.api.metric.AggregationFunction;
import org.healthscore.api.metric.Direction;
import org.healthscore.api.metric.MetricInput;
import org.healthscore.api.metric.ValueType;
import org.healthscore.persistence.key.ApiKeyDao;
import org.healthscore.persistence.workspace.WorkspaceDao;
import org.healthscore.persistence.workspace.WorkspaceRow;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.auth.Secrets;
import org.healthscore.service.catalog.MetricService;
import org.healthscore.service.config.DemoFactory;
import org.healthscore.service.key.KeyService;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.healthscore.api.scorecard.Framework;
import org.healthscore.api.scorecard.ScorecardInput;
import org.healthscore.service.ingest.BulkFormat;
import org.healthscore.service.ingest.IngestService;
import org.healthscore.service.scorecards.ScorecardService;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded demo: a workspace with ADMIN, WRITER and READER keys fixed in the demo
 * configuration (so README examples run as written). Created once; later starts find it by its
 * admin key. Its data: the demo story, loaded after start-up ({@code demo.loadOnStart}, see
 * {@link DemoStoryOnStart}), or else a dozen accounts and a few catalog entries written here.
 */
public final class DemoWorkspace {

    private static final Logger LOG = LoggerFactory.getLogger(DemoWorkspace.class);
    /** A fixed id, so the demo workspace is recognisable in every listing. */
    public static final String ID = "00000000-0000-4000-8000-00000000de00";

    private final Jdbi jdbi;
    private final KeyService keys;
    private final MetricService metrics;
    private final ScorecardService scorecards;
    private final IngestService ingest;
    private final Clock clock;

    public DemoWorkspace(Jdbi jdbi, KeyService keys, MetricService metrics, ScorecardService scorecards,
                         IngestService ingest, Clock clock) {
        this.jdbi = jdbi;
        this.keys = keys;
        this.metrics = metrics;
        this.scorecards = scorecards;
        this.ingest = ingest;
        this.clock = clock;
    }

    public void ensure(DemoFactory demo) {
        List<String> secrets = List.of(demo.getAdminSecret(), demo.getWriterSecret(), demo.getReaderSecret());
        for (String secret : secrets) {
            if (!Secrets.isWellFormed(secret)) {
                throw new IllegalStateException("demo secrets must look like hs_<10 of a-z0-9>_<43 of base64url>");
            }
        }
        boolean exists = jdbi.withExtension(ApiKeyDao.class,
                dao -> dao.findByPrefix(Secrets.prefixOf(demo.getAdminSecret()).orElseThrow()).isPresent());
        if (!exists) {
            jdbi.useTransaction(handle -> {
                handle.attach(WorkspaceDao.class).insert(new WorkspaceRow(ID, demo.getWorkspaceName(), clock.instant()));
                Role[] roles = {Role.ADMIN, Role.WRITER, Role.READER};
                for (int i = 0; i < roles.length; i++) {
                    String secret = secrets.get(i);
                    keys.store(handle, ID, "demo " + roles[i].name().toLowerCase(java.util.Locale.ROOT), roles[i],
                            Caller.BOOTSTRAP_NAME, new Secrets.Minted(secret, Secrets.prefixOf(secret).orElseThrow(),
                                    Secrets.hash(secret)));
                }
            });
            if (demo.isLoadOnStart()) {
                return;
            }
            Caller writer = new Caller(null, "demo writer", ID, Role.WRITER);
            starterMetrics().forEach(m -> metrics.create(writer, m));
            scorecards.create(writer, new ScorecardInput("prove", null, null, null, null, null, null, null,
                    Framework.PROVE));
            scorecards.publish(writer, "prove");
            DemoData data = DemoData.generate(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
            ingest.accounts(writer, BulkFormat.CSV, stream(data.accounts()));
            ingest.observations(writer, BulkFormat.CSV, stream(data.observations()));
            ingest.outcomes(writer, BulkFormat.CSV, stream(data.outcomes()));
        }
        if (demo.isLoadOnStart()) {
            return;
        }
        LOG.info("""

                ==================== DEMO WORKSPACE (embedded config only; these keys are public) ====================
                  workspace {} ({})
                  ADMIN  key: {}
                  WRITER key: {}
                  READER key: {}
                  try: curl -H 'Authorization: Bearer {}' http://localhost:8080/api/v1/accounts/acme-corp/health
                  docs: http://localhost:8080/docs/   GraphiQL: http://localhost:8080/graphiql/
                ======================================================================================================""",
                demo.getWorkspaceName(), ID, demo.getAdminSecret(), demo.getWriterSecret(), demo.getReaderSecret(),
                demo.getReaderSecret());
    }

    private static java.io.InputStream stream(String text) {
        return new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static List<MetricInput> starterMetrics() {
        return List.of(
                new MetricInput("weekly_active_users_pct", "Weekly active users", """
                        Share of licensed seats that logged in at least once in the last 7 days.
                        The clearest **adoption** signal for seat-based products.""",
                        "ADOPTION", "Product analytics (events.login)", "distinct users with a login event in 7 days"
                        + " / licensed seats * 100", "Product Ops", "%", ValueType.PERCENT,
                        Direction.HIGHER_IS_BETTER, new Aggregation(AggregationFunction.LATEST, 30),
                        List.of("dear", "prove"), null),
                new MetricInput("open_p1_tickets", "Open P1 support tickets", "Urgent tickets still open at the"
                        + " end of the day: a **risk** signal.", "RISK", "Support desk", "count of open tickets"
                        + " with priority P1", "Support", "tickets", ValueType.COUNT, Direction.LOWER_IS_BETTER,
                        new Aggregation(AggregationFunction.AVERAGE, 30), List.of("prove"), null),
                new MetricInput("nps", "Net promoter score", "Latest NPS answer of the account's users:"
                        + " **voice of the customer**.", "VOICE", "Survey tool", "promoters - detractors,"
                        + " in percent of answers", "CS Ops", "points", ValueType.NUMBER, Direction.HIGHER_IS_BETTER,
                        new Aggregation(AggregationFunction.LATEST, 180), List.of("prove"), null));
    }
}
