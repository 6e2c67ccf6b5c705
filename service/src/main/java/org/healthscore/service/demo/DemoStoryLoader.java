package org.healthscore.service.demo;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.healthscore.api.ingest.IngestSummary;
import org.healthscore.api.key.CreatedApiKey;
import org.healthscore.api.key.Role;
import org.healthscore.api.metric.MetricInput;
import org.healthscore.api.scorecard.Scorecard;
import org.healthscore.persistence.workspace.WorkspaceDao;
import org.healthscore.persistence.workspace.WorkspaceRow;
import org.healthscore.service.Services;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.ingest.BulkFormat;
import org.healthscore.service.problem.ApiException;
import org.jdbi.v3.core.Jdbi;

/**
 * Loads the demo story into a workspace through the same services the REST API uses (each bulk body
 * all-or-nothing): the demo command into its own workspace, "demo-story", whose keys are minted (and
 * shown) only when it is created, so no secret is ever fixed in code; the embedded default into its
 * demo workspace on first start. Safe to run again: existing metrics and the published scorecard are
 * kept, and the bulk ingest answers "unchanged".
 */
public final class DemoStoryLoader {

    /** Fixed, so a second run finds the workspace; next to the embedded demo's ...de00. */
    public static final String WORKSPACE_ID = "00000000-0000-4000-8000-00000000de01";
    public static final String WORKSPACE_NAME = "demo-story";

    private final Jdbi jdbi;
    private final Services services;
    private final Clock clock;
    private final Consumer<String> out;

    public DemoStoryLoader(Jdbi jdbi, Services services, Clock clock, Consumer<String> out) {
        this.jdbi = jdbi;
        this.services = services;
        this.clock = clock;
        this.out = out;
    }

    /** The loading steps, each with its share (in percent of the load) for a progress bar. */
    public enum Step {
        CATALOG(5), ACCOUNTS(10), OBSERVATIONS(70), OUTCOMES(10), SCORECARD(5);

        public final int weight;

        Step(int weight) {
            this.weight = weight;
        }
    }

    /** What a run did: the keys minted (empty when the workspace existed) and the three bulk answers. */
    public record Result(List<CreatedApiKey> newKeys, IngestSummary accounts, IngestSummary observations,
                         IngestSummary outcomes) {
    }

    /** The demo command: the story in the workspace "demo-story", created with fresh keys if needed. */
    public Result load(int size) {
        List<CreatedApiKey> keys = ensureWorkspace();
        LoadResult loaded = load(new Caller(null, "demo command", WORKSPACE_ID, Role.WRITER), size, step -> { });
        return new Result(keys, loaded.accounts(), loaded.observations(), loaded.outcomes());
    }

    /** What loading into a workspace did: the three bulk answers. */
    public record LoadResult(IngestSummary accounts, IngestSummary observations, IngestSummary outcomes) {
    }

    /** Loads the story into the writer's workspace; {@code done} hears of each step as it ends. */
    public LoadResult load(Caller writer, int size, Consumer<Step> done) {
        String workspaceId = writer.workspaceId();
        int created = 0;
        for (MetricInput metric : DemoCatalog.metrics()) {
            if (services.metrics().find(workspaceId, metric.key()).isEmpty()) {
                services.metrics().create(writer, metric);
                created++;
            }
        }
        out.accept(String.format("catalog: %d metrics created, %d already there", created,
                DemoCatalog.metrics().size() - created));
        done.accept(Step.CATALOG);
        long started = System.nanoTime();
        DemoStory story = DemoStory.generate(LocalDate.now(clock.withZone(ZoneOffset.UTC)), size, DemoStory.SEED);
        out.accept(String.format("generated %d accounts in %d ms", size, (System.nanoTime() - started) / 1_000_000));
        IngestSummary accounts = ingest("accounts", () -> services.ingest().accounts(writer, BulkFormat.CSV,
                stream(story.accounts())));
        done.accept(Step.ACCOUNTS);
        IngestSummary observations = ingest("observations", () -> services.ingest().observations(writer,
                BulkFormat.CSV, stream(story.observations())));
        done.accept(Step.OBSERVATIONS);
        IngestSummary outcomes = ingest("outcomes", () -> services.ingest().outcomes(writer, BulkFormat.CSV,
                stream(story.outcomes())));
        done.accept(Step.OUTCOMES);
        ensureScorecard(writer);
        done.accept(Step.SCORECARD);
        return new LoadResult(accounts, observations, outcomes);
    }

    private List<CreatedApiKey> ensureWorkspace() {
        if (jdbi.withExtension(WorkspaceDao.class, dao -> dao.find(WORKSPACE_ID)).isPresent()) {
            out.accept(String.format("workspace %s (%s) exists: loading again", WORKSPACE_NAME, WORKSPACE_ID));
            return List.of();
        }
        List<CreatedApiKey> keys = jdbi.inTransaction(handle -> {
            handle.attach(WorkspaceDao.class).insert(new WorkspaceRow(WORKSPACE_ID, WORKSPACE_NAME, clock.instant()));
            List<CreatedApiKey> minted = new ArrayList<>();
            for (Role role : List.of(Role.ADMIN, Role.WRITER, Role.READER)) {
                minted.add(services.keys().mint(handle, WORKSPACE_ID, "demo-story " + role.name().toLowerCase(
                        java.util.Locale.ROOT), role, "demo command"));
            }
            return minted;
        });
        out.accept(String.format("workspace %s (%s) created", WORKSPACE_NAME, WORKSPACE_ID));
        return keys;
    }

    private void ensureScorecard(Caller writer) {
        Scorecard scorecard;
        try {
            scorecard = services.scorecards().get(writer, NaiveScorecard.KEY);
        } catch (ApiException e) {
            if (e.kind() != org.healthscore.service.problem.ProblemKind.NOT_FOUND) {
                throw e;
            }
            scorecard = services.scorecards().create(writer, NaiveScorecard.input());
        }
        if (scorecard.latestVersion() == null) {
            services.scorecards().publish(writer, NaiveScorecard.KEY);
            out.accept(String.format("scorecard %s published as version 1", NaiveScorecard.KEY));
        } else {
            out.accept(String.format("scorecard %s already published (latest version %d)", NaiveScorecard.KEY,
                    scorecard.latestVersion()));
        }
    }

    private IngestSummary ingest(String what, java.util.function.Supplier<IngestSummary> step) {
        long started = System.nanoTime();
        IngestSummary summary = step.get();
        out.accept(String.format("%s: %s in %d ms", what, words(summary), (System.nanoTime() - started) / 1_000_000));
        return summary;
    }

    /** "12 inserted, 0 updated, 3 unchanged" for each kind the answer counted. */
    private static String words(IngestSummary summary) {
        StringBuilder text = new StringBuilder();
        append(text, "accounts", summary.accounts());
        append(text, "observations", summary.observations());
        append(text, "outcomes", summary.outcomes());
        return text.toString();
    }

    private static void append(StringBuilder text, String kind, org.healthscore.api.ingest.Counts counts) {
        if (counts != null) {
            text.append(text.length() == 0 ? "" : "; ").append(String.format(java.util.Locale.ROOT,
                    "%s %,d inserted, %,d updated, %,d unchanged", kind, counts.inserted(), counts.updated(),
                    counts.unchanged()));
        }
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
