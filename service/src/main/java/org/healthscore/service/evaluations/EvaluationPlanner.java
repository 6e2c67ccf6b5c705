package org.healthscore.service.evaluations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.healthscore.api.account.OutcomeType;
import org.healthscore.api.evaluation.EvaluationRequest;
import org.healthscore.api.evaluation.EvaluationSource;
import org.healthscore.api.evaluation.OutcomeKind;
import org.healthscore.api.metric.Direction;
import org.healthscore.api.problem.FieldError;
import org.healthscore.api.scorecard.Scorecard;
import org.healthscore.api.scorecard.ScorecardVersion;
import org.healthscore.persistence.account.AccountDao;
import org.healthscore.persistence.account.AccountRow;
import org.healthscore.persistence.account.ObservationDao;
import org.healthscore.persistence.account.OutcomeDao;
import org.healthscore.persistence.metric.MetricDao;
import org.healthscore.persistence.metric.MetricRow;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.health.ScorecardResolver;
import org.healthscore.service.problem.ApiException;
import org.healthscore.service.problem.ProblemKind;
import org.healthscore.service.scorecards.ScorecardService;
import org.jdbi.v3.core.Jdbi;

/**
 * Turns an evaluation request into its plan (DESIGN.md 3.6): the scorecard (a version, or the draft as it is
 * now) and its challenger, the outcome, the asOf dates kept and censored against outcomesKnownThrough, the
 * candidate metrics, and the accounts to row. Every refusal names the request's field.
 */
final class EvaluationPlanner {

    private static final int MAX_AS_OF_DATES = 400;
    private static final int DEFAULT_STEP_DAYS = 30;
    private static final int DEFAULT_HORIZON_DAYS = 90;
    /** Twelve asOf dates when the request names no start. */
    private static final int DEFAULT_STEPS_BACK = 11;

    private final Jdbi jdbi;
    private final ScorecardService scorecards;

    EvaluationPlanner(Jdbi jdbi, ScorecardService scorecards) {
        this.jdbi = jdbi;
        this.scorecards = scorecards;
    }

    EvaluationPlan plan(Caller caller, String workspaceId, EvaluationRequest request) {
        boolean draft = Boolean.TRUE.equals(request.draft());
        if (draft && request.version() != null) {
            throw ApiException.invalid("version", "give a version or draft: true, not both");
        }
        EvaluationSource source = request.source() == null ? EvaluationSource.BACKTEST : request.source();
        if (draft && source == EvaluationSource.SNAPSHOTS) {
            throw ApiException.invalid("source", "a draft has no stored scores; evaluate it with BACKTEST");
        }
        Map<String, MetricRow> catalog = new HashMap<>();
        jdbi.withExtension(MetricDao.class, dao -> dao.all(workspaceId)).forEach(m -> catalog.put(m.metricKey(), m));
        ScorecardVersion scorecard = draft ? draftOf(caller, request.scorecard(), catalog)
                : version(caller, request.scorecard(), request.version());
        int step = request.stepDays() == null ? DEFAULT_STEP_DAYS : request.stepDays();
        int horizon = request.horizonDays() == null ? DEFAULT_HORIZON_DAYS : request.horizonDays();
        OutcomeKind outcome = request.outcome() == null ? OutcomeKind.CHURN : request.outcome();
        LocalDate knownThrough = request.outcomesKnownThrough() != null ? request.outcomesKnownThrough()
                : newestData(workspaceId, catalog);
        LocalDate to = request.asOfTo() != null ? request.asOfTo() : knownThrough.minusDays(horizon);
        LocalDate from = request.asOfFrom() != null ? request.asOfFrom()
                : to.minusDays((long) step * DEFAULT_STEPS_BACK);
        if (from.isAfter(to)) {
            throw ApiException.invalid(request.asOfFrom() != null ? "asOfFrom" : "asOfTo", "asOfFrom (" + from
                    + ") must not be after asOfTo (" + to + ")");
        }
        List<LocalDate> kept = new ArrayList<>();
        List<LocalDate> censored = new ArrayList<>();
        int count = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(step)) {
            if (++count > MAX_AS_OF_DATES) {
                throw ApiException.invalid("stepDays", "makes more than " + MAX_AS_OF_DATES + " asOf dates");
            }
            (d.plusDays(horizon).isAfter(knownThrough) ? censored : kept).add(d);
        }
        if (kept.isEmpty()) {
            throw ApiException.invalid("outcomesKnownThrough", "outcomes are known through " + knownThrough
                    + ", so every asOf date's " + horizon + "-day horizon runs past it: nothing to evaluate;"
                    + " choose earlier dates or a later outcomesKnownThrough");
        }
        List<String> used = scorecard.measures().stream().map(Scorecard.Measure::metric).toList();
        List<EvaluationPlan.Candidate> candidates = new ArrayList<>();
        jdbi.useExtension(ObservationDao.class, dao -> catalog.values().stream()
                .filter(m -> !used.contains(m.metricKey()))
                .sorted(java.util.Comparator.comparing(MetricRow::metricKey))
                .filter(m -> dao.newestOf(workspaceId, m.id()) != null)
                .forEach(m -> candidates.add(new EvaluationPlan.Candidate(m.metricKey(),
                        m.direction() == Direction.LOWER_IS_BETTER))));
        ScorecardVersion challenger = null;
        boolean challengerDraft = false;
        if (request.challenger() != null) {
            EvaluationRequest.ChallengerRequest c = request.challenger();
            challengerDraft = Boolean.TRUE.equals(c.draft());
            if (challengerDraft && c.version() != null) {
                throw ApiException.invalid("challenger.version", "give a version or draft: true, not both");
            }
            if (challengerDraft && source == EvaluationSource.SNAPSHOTS) {
                throw ApiException.invalid("challenger.draft", "a draft has no stored scores; evaluate it with"
                        + " BACKTEST");
            }
            challenger = within("challenger.", () -> challengerDraft(caller, c, catalog));
            if (challenger.key().equals(scorecard.key()) && challenger.version() == scorecard.version()) {
                throw ApiException.invalid("challenger", "is the scorecard evaluated; name another version,"
                        + " another scorecard, or the draft");
            }
        }
        return new EvaluationPlan(scorecard, draft, outcome, source, horizon, knownThrough, request.segment(), kept,
                censored, candidates, challenger, challengerDraft);
    }

    private ScorecardVersion challengerDraft(Caller caller, EvaluationRequest.ChallengerRequest c,
                                             Map<String, MetricRow> catalog) {
        return Boolean.TRUE.equals(c.draft()) ? draftOf(caller, c.scorecard(), catalog)
                : version(caller, c.scorecard(), c.version());
    }

    /** Runs {@code check}, naming its fields under {@code prefix} (the challenger's are "challenger.scorecard"...). */
    private static ScorecardVersion within(String prefix, java.util.function.Supplier<ScorecardVersion> check) {
        try {
            return check.get();
        } catch (ApiException e) {
            if (e.kind() != ProblemKind.VALIDATION) {
                throw e;
            }
            throw ApiException.invalid(e.errors().stream().map(f -> new FieldError(prefix + f.field(), f.reason()))
                    .toList());
        }
    }

    private ScorecardVersion version(Caller caller, String key, Integer version) {
        try {
            if (version != null) {
                return scorecards.version(caller, key, version);
            }
            Scorecard scorecard = scorecards.get(caller, key);
            if (scorecard.latestVersion() == null) {
                throw ApiException.invalid("scorecard", "has no published version yet; publish its draft or"
                        + " evaluate it with draft: true");
            }
            return scorecards.version(caller, key, scorecard.latestVersion());
        } catch (ApiException e) {
            if (e.kind() == ProblemKind.NOT_FOUND) {
                throw ApiException.invalid(version == null ? "scorecard" : "version", e.getMessage());
            }
            throw e;
        }
    }

    /** The draft as it is now, as a version 0 that the evaluation keeps even if the draft changes. */
    private ScorecardVersion draftOf(Caller caller, String key, Map<String, MetricRow> catalog) {
        Scorecard s;
        try {
            s = scorecards.get(caller, key);
        } catch (ApiException e) {
            if (e.kind() == ProblemKind.NOT_FOUND) {
                throw ApiException.invalid("scorecard", e.getMessage());
            }
            throw e;
        }
        if (s.measures().isEmpty()) {
            throw ApiException.invalid("draft", "the draft of " + key + " has no measures to evaluate");
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < s.measures().size(); i++) {
            if (!catalog.containsKey(s.measures().get(i).metric())) {
                errors.add(new FieldError("draft.measures[" + i + "].metric", "metric '"
                        + s.measures().get(i).metric() + "' is not in the catalog"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new ScorecardVersion(s.key(), 0, s.name(), s.description(), s.framework(), s.appliesTo(), s.bands(),
                s.missingData(), s.measures(), null, null);
    }

    /** The newest day with an observation or an outcome: by default, outcomes are known through it. */
    private LocalDate newestData(String workspaceId, Map<String, MetricRow> catalog) {
        LocalDate newest = null;
        for (MetricRow m : catalog.values()) {
            Instant at = jdbi.withExtension(ObservationDao.class, dao -> dao.newestOf(workspaceId, m.id()));
            if (at != null) {
                LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
                newest = newest == null || day.isAfter(newest) ? day : newest;
            }
        }
        for (OutcomeType type : OutcomeType.values()) {
            LocalDate day = jdbi.withExtension(OutcomeDao.class, dao -> dao.newestOf(workspaceId, type));
            if (day != null) {
                newest = newest == null || day.isAfter(newest) ? day : newest;
            }
        }
        if (newest == null) {
            throw ApiException.invalid("outcomesKnownThrough", "this workspace has no observations or outcomes yet;"
                    + " give the day up to which outcomes are known");
        }
        return newest;
    }

    /** The accounts the scorecard applies to (and the segment asked for), in id order. */
    List<Long> members(String workspaceId, EvaluationPlan plan) {
        List<Long> ids = new ArrayList<>();
        for (AccountRow a : jdbi.withExtension(AccountDao.class, dao -> dao.all(workspaceId))) {
            if (ScorecardResolver.appliesTo(plan.scorecard().appliesTo(), a)
                    && (plan.segment() == null || plan.segment().equals(a.segment()))) {
                ids.add(a.id());
            }
        }
        ids.sort(Long::compare);
        return ids;
    }
}
