package org.healthscore.service.health;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.healthscore.api.account.OutcomeType;
import org.healthscore.api.health.AccountHealth;
import org.healthscore.api.health.Band;
import org.healthscore.api.health.ComputeRequest;
import org.healthscore.api.health.ComputeResponse;
import org.healthscore.api.key.Role;
import org.healthscore.api.scorecard.ScorecardVersion;
import org.healthscore.persistence.account.AccountDao;
import org.healthscore.persistence.account.AccountRow;
import org.healthscore.persistence.account.ObservationDao;
import org.healthscore.persistence.account.ObservationRow;
import org.healthscore.persistence.account.OutcomeDao;
import org.healthscore.persistence.metric.MetricDao;
import org.healthscore.persistence.metric.MetricRow;
import org.healthscore.persistence.scorecard.ScorecardDao;
import org.healthscore.persistence.scorecard.ScorecardRow;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.problem.ApiException;
import org.healthscore.service.problem.Problems;
import org.healthscore.service.scoring.Aggregate;
import org.healthscore.service.scoring.Health;

import org.healthscore.service.scoring.Populations;
import org.healthscore.service.scoring.Recipe;
import org.healthscore.service.scoring.ScoreCalculator;
import org.healthscore.service.scoring.ScoreTrend;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.healthscore.persistence.health.SnapshotDao;
import org.healthscore.persistence.health.SnapshotRow;
import org.healthscore.service.scorecards.ScorecardService;
import org.healthscore.service.validation.RequestValidator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Live health scores: loads what the scoring core needs for a set of accounts in a constant number
 * of statements (accounts, catalog, scorecards, then per scorecard version: the window's
 * observations, each measure's newest observation, and the PERCENTILE population once), and lets the
 * pure core compute. Used by the health endpoint, /scores/compute and GraphQL's DataLoader alike.
 */
public final class HealthService {

    public static final int MAX_ACCOUNTS = 1000;

    private final Jdbi jdbi;
    private final ScorecardService scorecards;
    private final RequestValidator validator;
    private final ObjectMapper json;
    private final Clock clock;

    public HealthService(Jdbi jdbi, ScorecardService scorecards, RequestValidator validator, ObjectMapper json,
                         Clock clock) {
        this.jdbi = jdbi;
        this.scorecards = scorecards;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
    }

    /** One account's health; errors (unknown account, no scorecard applies) are the answer's status. */
    public AccountHealth health(Caller caller, String externalId, String scorecard, Integer version, LocalDate asOf) {
        Outcome result = score(caller, List.of(externalId), scorecard, version, asOf).get(externalId);
        if (result.error() != null) {
            throw result.error();
        }
        return result.health();
    }

    public ComputeResponse compute(Caller caller, ComputeRequest request) {
        validator.check(request);
        org.healthscore.service.json.CalendarDates.require("asOf", request.asOf());
        Map<String, Outcome> results = score(caller, request.accounts(), request.scorecard(), request.version(),
                request.asOf());
        return new ComputeResponse(request.accounts().stream().map(account -> {
            Outcome r = results.get(account);
            return r.error() != null ? ComputeResponse.Entry.failed(account, Problems.of(r.error()))
                    : ComputeResponse.Entry.of(r.health());
        }).toList());
    }

    /** The health, or the refusal, of each account: one entry per distinct external id. */
    public record Outcome(AccountHealth health, ApiException error) {
    }

    public Map<String, Outcome> score(Caller caller, List<String> externalIds, String scorecard, Integer version,
                                      LocalDate asOf) {
        String workspaceId = caller.workspace(Role.READER);
        LocalDate day = asOf != null ? asOf : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return jdbi.withHandle(handle -> {
            Map<String, Outcome> out = new LinkedHashMap<>();
            Map<String, AccountRow> accounts = new HashMap<>();
            List<String> distinct = externalIds.stream().distinct().toList();
            handle.attach(AccountDao.class).findMany(workspaceId, distinct).forEach(a -> accounts.put(a.externalId(), a));

            // Which scorecard version scores which account.
            Map<ScorecardVersion, List<AccountRow>> byVersion = new LinkedHashMap<>();
            ScorecardVersion named = null;
            if (scorecard != null) {
                try {
                    named = named(caller, handle, workspaceId, scorecard, version);
                } catch (ApiException e) {
                    // A scorecard the request names must exist: an unknown reference in the request is a 422.
                    throw ApiException.invalid(version == null ? "scorecard" : "version", e.getMessage());
                }
            }
            List<ScorecardVersion> published = scorecard == null ? scorecards.latestVersions(workspaceId) : null;
            for (String id : distinct) {
                AccountRow account = accounts.get(id);
                if (account == null) {
                    out.put(id, new Outcome(null, ApiException.notFound("No account '" + id + "' in this workspace")));
                    continue;
                }
                try {
                    ScorecardVersion v = named != null ? named : ScorecardResolver.resolve(published, account);
                    byVersion.computeIfAbsent(v, k -> new ArrayList<>()).add(account);
                } catch (ApiException e) {
                    out.put(id, new Outcome(null, e));
                }
            }
            if (!byVersion.isEmpty()) {
                Map<String, MetricRow> catalog = new HashMap<>();
                handle.attach(MetricDao.class).all(workspaceId).forEach(m -> catalog.put(m.metricKey(), m));
                byVersion.forEach((v, members) -> scoreVersion(handle, workspaceId, v, members, catalog, day, false)
                        .forEach((id, health) -> out.put(id, new Outcome(health, null))));
            }
            Map<String, Outcome> ordered = new LinkedHashMap<>();
            distinct.forEach(id -> ordered.put(id, out.get(id)));
            return ordered;
        });
    }

    /**
     * Stored scores of one account under a scorecard (default: the one that applies to it), oldest
     * first, with {@code from <= asOf <= to} (default: the last 365 days). Each carries its trend
     * against the stored scores 30-45 days before it.
     */
    public List<AccountHealth> history(Caller caller, String externalId, String scorecard, LocalDate from,
                                       LocalDate to) {
        String workspaceId = caller.workspace(Role.READER);
        LocalDate end = to != null ? to : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate start = from != null ? from : end.minusDays(365);
        if (start.isAfter(end)) {
            throw ApiException.invalid("from", "must not be after to");
        }
        return jdbi.withHandle(handle -> {
            AccountRow account = handle.attach(AccountDao.class).find(workspaceId, externalId)
                    .orElseThrow(() -> ApiException.notFound("No account '" + externalId + "' in this workspace"));
            String key = scorecard;
            if (key == null) {
                key = ScorecardResolver.resolve(scorecards.latestVersions(workspaceId), account).key();
            } else if (handle.attach(ScorecardDao.class).find(workspaceId, key).isEmpty()) {
                throw ApiException.invalid("scorecard", "No scorecard '" + key + "' in this workspace");
            }
            List<SnapshotRow> rows = handle.attach(SnapshotDao.class).history(workspaceId, account.id(), key,
                    start.minusDays(ScoreTrend.FROM_DAYS_BEFORE), end);
            List<ScoreTrend.PastScore> past = rows.stream().map(r -> new ScoreTrend.PastScore(r.asOf(), r.score()))
                    .toList();
            List<AccountHealth> out = new ArrayList<>();
            for (SnapshotRow r : rows) {
                if (r.asOf().isBefore(start)) {
                    continue;
                }
                try {
                    AccountHealth stored = json.readValue(r.document(), AccountHealth.class);
                    out.add(new AccountHealth(stored.account(), stored.scorecard(), stored.asOf(), stored.score(),
                            stored.band(), stored.coverage(), ScoreTrend.trend(stored.score(), r.asOf(), past),
                            stored.measures(), stored.groups()));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException("A stored score is not readable", e);
                }
            }
            return out;
        });
    }

    /**
     * Computes and stores the health of some accounts under one version at one asOf, replacing what
     * was stored for the same keys: processing a chunk twice leaves one snapshot per key.
     * Runs inside the caller's transaction.
     */
    public int store(Handle handle, String workspaceId, ScorecardVersion version, List<Long> accountIds,
                     LocalDate asOf, boolean consecutive) {
        List<AccountRow> members = handle.attach(AccountDao.class).findByIds(workspaceId, accountIds);
        if (members.isEmpty()) {
            return 0;
        }
        Map<String, MetricRow> catalog = new HashMap<>();
        handle.attach(MetricDao.class).all(workspaceId).forEach(m -> catalog.put(m.metricKey(), m));
        Map<String, AccountHealth> scored = scoreVersion(handle, workspaceId, version, members, catalog, asOf,
                consecutive);
        Instant now = clock.instant();
        List<SnapshotRow> rows = new ArrayList<>();
        for (AccountRow a : members) {
            AccountHealth h = scored.get(a.externalId());
            try {
                rows.add(new SnapshotRow(a.id(), version.key(), version.version(), asOf, workspaceId, h.score(),
                        h.band().name(), json.writeValueAsString(h), now));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        SnapshotDao snapshots = handle.attach(SnapshotDao.class);
        snapshots.clear(workspaceId, version.key(), version.version(), asOf,
                members.stream().map(AccountRow::id).toList());
        snapshots.insert(rows);
        return rows.size();
    }

    /**
     * The health of some accounts under one version (published, or a draft being evaluated) at one
     * asOf, computed on the caller's handle and not stored. With {@code consecutive}, the accounts
     * are a job chunk's, consecutive in id order.
     */
    public Map<String, AccountHealth> compute(Handle handle, String workspaceId, ScorecardVersion version,
                                              List<AccountRow> members, LocalDate asOf, boolean consecutive) {
        if (members.isEmpty()) {
            return Map.of();
        }
        Map<String, MetricRow> catalog = new HashMap<>();
        handle.attach(MetricDao.class).all(workspaceId).forEach(m -> catalog.put(m.metricKey(), m));
        return scoreVersion(handle, workspaceId, version, members, catalog, asOf, consecutive);
    }

    private ScorecardVersion named(Caller caller, Handle handle, String workspaceId, String key, Integer version) {
        if (version != null) {
            return scorecards.version(caller, key, version);
        }
        ScorecardRow row = handle.attach(ScorecardDao.class).find(workspaceId, key)
                .orElseThrow(() -> ApiException.notFound("No scorecard '" + key + "' in this workspace"));
        if (row.latestVersion() == 0) {
            throw ApiException.notFound("Scorecard " + key + " has no published version yet; publish its draft");
        }
        return scorecards.version(caller, key, row.latestVersion());
    }

    private Map<String, AccountHealth> scoreVersion(Handle handle, String workspaceId, ScorecardVersion version,
                                                    List<AccountRow> members, Map<String, MetricRow> catalog,
                                                    LocalDate asOf, boolean consecutive) {
        Recipe recipe = Recipes.of(version, catalog);
        ScoreCalculator calculator = new ScoreCalculator(recipe);
        Window window = Window.of(recipe, asOf);
        Map<Long, Integer> measureOf = new HashMap<>();
        List<Long> metricIds = new ArrayList<>();
        for (int i = 0; i < recipe.measures().size(); i++) {
            long id = catalog.get(recipe.measures().get(i).metric()).id();
            measureOf.put(id, i);
            metricIds.add(id);
        }
        ObservationDao observations = handle.attach(ObservationDao.class);
        List<Long> accountIds = members.stream().map(AccountRow::id).toList();
        int measures = recipe.measures().size();
        SeriesCollector points;
        if (consecutive) {
            // A job chunk: its accounts are consecutive in id order, so one range scan reads them.
            points = SeriesCollector.of(measureOf, measures, new HashSet<>(accountIds));
            long min = accountIds.stream().mapToLong(Long::longValue).min().orElseThrow();
            long max = accountIds.stream().mapToLong(Long::longValue).max().orElseThrow();
            observations.inAccountRange(workspaceId, min, max, metricIds, window.from(), window.to(), points);
        } else {
            points = SeriesCollector.of(measureOf, measures);
            observations.inRange(workspaceId, accountIds, metricIds, window.from(), window.to(), points);
        }
        // A measure with nothing in the loaded range still shows its age: fetch the newest older
        // observation, only for the accounts that lack one (none, when every series has data).
        List<Long> lacking = accountIds.stream().filter(id -> !points.complete(id)).toList();
        if (!lacking.isEmpty()) {
            for (ObservationRow r : observations.newest(workspaceId, lacking, metricIds, window.from())) {
                if (!points.has(r.accountId(), r.metricId())) {
                    points.add(r.accountId(), r.metricId(), r.observedAt().toEpochMilli(), r.rawValue());
                }
            }
        }
        Populations populations = populations(handle, workspaceId, version, recipe, calculator, catalog, window,
                measureOf, asOf);
        Map<Long, List<ScoreTrend.PastScore>> past = new HashMap<>();
        handle.attach(SnapshotDao.class).scoredBetween(workspaceId, version.key(), accountIds,
                asOf.minusDays(ScoreTrend.FROM_DAYS_BEFORE), asOf.minusDays(ScoreTrend.TO_DAYS_BEFORE))
                .forEach(r -> past.computeIfAbsent(r.accountId(), k -> new ArrayList<>())
                        .add(new ScoreTrend.PastScore(r.asOf(), r.score())));
        Map<String, AccountHealth> out = new HashMap<>();
        for (AccountRow account : members) {
            Health h = calculator.score(asOf, points.series(account.id()), populations);
            Double trend = ScoreTrend.trend(h.score(), asOf, past.getOrDefault(account.id(), List.of()));
            out.put(account.externalId(), toApi(account.externalId(), version, asOf, h, trend));
        }
        return out;
    }

    /**
     * PERCENTILE's population (DESIGN.md 3.3): every account the version applies to, active at asOf
     * (started, not churned), with a value; built once per (version, asOf) and reused for every account.
     */
    private Populations populations(Handle handle, String workspaceId, ScorecardVersion version, Recipe recipe,
                                    ScoreCalculator calculator, Map<String, MetricRow> catalog, Window window,
                                    Map<Long, Integer> measureOf, LocalDate asOf) {
        List<Long> percentileMetrics = recipe.measures().stream().filter(m -> m.rule().needsPopulation())
                .map(m -> catalog.get(m.metric()).id()).toList();
        if (percentileMetrics.isEmpty()) {
            return Populations.NONE;
        }
        Set<Long> churned = new HashSet<>(handle.attach(OutcomeDao.class).accountsWith(workspaceId,
                OutcomeType.CHURNED, asOf));
        Set<Long> members = new HashSet<>();
        for (AccountRow a : handle.attach(AccountDao.class).all(workspaceId)) {
            boolean started = a.startDate() == null || !a.startDate().isAfter(asOf);
            if (started && !churned.contains(a.id()) && ScorecardResolver.appliesTo(version.appliesTo(), a)) {
                members.add(a.id());
            }
        }
        SeriesCollector points = SeriesCollector.of(measureOf, recipe.measures().size(), members);
        handle.attach(ObservationDao.class).allInRange(workspaceId, percentileMetrics, window.from(), window.to(),
                points);
        Populations.Builder builder = Populations.builder(recipe);
        for (long account : points.accounts()) {
            List<Aggregate> aggregates = calculator.aggregate(asOf, points.series(account));
            builder.add(aggregates);
        }
        return builder.build();
    }

    private static AccountHealth toApi(String account, ScorecardVersion version, LocalDate asOf, Health h,
                                       Double trend) {
        return new AccountHealth(account, new AccountHealth.ScorecardRef(version.key(), version.version()), asOf,
                h.score(), Band.valueOf(h.band().name()), h.coverage(), trend,
                h.measures().stream().map(m -> new AccountHealth.MeasureHealth(m.metric(), m.rawValue(), m.score(),
                        m.weight(), m.contribution(), m.pointsLost(), m.group(), m.ageDays())).toList(),
                h.groups().stream().map(g -> new AccountHealth.GroupHealth(g.name(), g.score())).toList());
    }

    /** The observations a recipe can read at asOf: after {@code from}, before {@code to} (exclusive both). */
    record Window(Instant from, Instant to) {

        static Window of(Recipe recipe, LocalDate asOf) {
            int widest = recipe.measures().stream().mapToInt(m -> m.aggregation().windowDays()).max().orElse(1);
            Instant to = asOf.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            // One day of slack below the widest window: the core applies the exact edges.
            return new Window(to.minusSeconds(86_400L * (widest + 1)), to);
        }

        Instant lastInstant() {
            return to.minusMillis(1);
        }
    }

}
