package org.healthscore.service.evaluations;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.healthscore.api.account.OutcomeType;
import org.healthscore.api.evaluation.EvaluationSource;
import org.healthscore.api.evaluation.OutcomeKind;
import org.healthscore.api.health.AccountHealth;
import org.healthscore.api.scorecard.AppliesTo;
import org.healthscore.api.scorecard.MissingDataPolicy;
import org.healthscore.api.scorecard.MissingDataSettings;
import org.healthscore.api.scorecard.Scorecard;
import org.healthscore.api.scorecard.ScorecardVersion;
import org.healthscore.api.scorecard.ScoringRuleSpec;
import org.healthscore.persistence.account.AccountDao;
import org.healthscore.persistence.account.AccountRow;
import org.healthscore.persistence.account.OutcomeDao;
import org.healthscore.persistence.account.OutcomeRow;
import org.healthscore.persistence.evaluation.EvaluationDao;
import org.healthscore.persistence.evaluation.EvaluationRecord;
import org.healthscore.persistence.evaluation.EvaluationRowRecord;
import org.healthscore.persistence.health.SnapshotDao;
import org.healthscore.persistence.health.SnapshotRow;
import org.healthscore.persistence.job.ChunkRow;
import org.healthscore.persistence.job.JobRow;
import org.healthscore.service.health.HealthService;
import org.healthscore.service.jobs.ChunkProcessor;
import org.jdbi.v3.core.Handle;

/**
 * An evaluation job's chunks. A ROWS chunk computes, for its accounts at every asOf, who is active,
 * the score (recomputed from the observations as they were, or read from stored history), each
 * measure's and candidate's value, and the label; it replaces the rows it wrote before, so a chunk
 * done twice leaves one row per key. The REPORT chunk, claimable once every ROWS chunk is done,
 * reads all rows and lets the evaluation core compute the report.
 */
public final class EvaluationChunks implements ChunkProcessor {

    static final int MAIN = 0;
    static final int CHALLENGER = 1;

    private final HealthService health;
    private final ObjectMapper json;

    public EvaluationChunks(HealthService health, ObjectMapper json) {
        this.health = health;
        this.json = json;
    }

    @Override
    public void process(Handle handle, JobRow job, ChunkRow chunk, Runnable heartbeat) throws Exception {
        EvaluationDao dao = handle.attach(EvaluationDao.class);
        EvaluationRecord evaluation = dao.find(job.workspaceId(), job.id())
                .orElseThrow(() -> new IllegalStateException("evaluation " + job.id() + " is not stored"));
        EvaluationPlan plan = json.readValue(evaluation.design(), EvaluationPlan.class);
        EvaluationChunk work = json.readValue(chunk.payload(), EvaluationChunk.class);
        if (work.step() == EvaluationChunk.Step.REPORT) {
            heartbeat.run();
            String report = json.writeValueAsString(Reports.compute(plan, plan.scorecard(),
                    rows(dao, job.id(), MAIN)));
            String challenger = plan.challenger() == null ? null : json.writeValueAsString(Reports.compute(plan,
                    plan.challenger(), rows(dao, job.id(), CHALLENGER)));
            dao.saveReport(job.workspaceId(), job.id(), report, challenger);
            return;
        }
        List<EvaluationRowRecord> out = rows(handle, job, plan, work.accountIds(), heartbeat);
        dao.clearRows(job.id(), work.accountIds());
        if (!out.isEmpty()) {
            dao.insertRows(out);
        }
    }

    private static List<EvaluationRowRecord> rows(EvaluationDao dao, String id, int variant) {
        List<EvaluationRowRecord> rows = new ArrayList<>();
        dao.rows(id, variant, rows::add);
        return rows;
    }

    private List<EvaluationRowRecord> rows(Handle handle, JobRow job, EvaluationPlan plan, List<Long> accountIds,
                                           Runnable heartbeat) {
        String workspaceId = job.workspaceId();
        List<AccountRow> accounts = new ArrayList<>(handle.attach(AccountDao.class).findByIds(workspaceId,
                accountIds));
        accounts.sort(Comparator.comparingLong(AccountRow::id));
        OutcomeType target = plan.outcome() == OutcomeKind.CHURN ? OutcomeType.CHURNED : OutcomeType.EXPANDED;
        Map<Long, List<LocalDate>> churns = new HashMap<>();
        Map<Long, List<LocalDate>> targets = new HashMap<>();
        for (OutcomeRow o : handle.attach(OutcomeDao.class).forAccounts(workspaceId, accountIds)) {
            if (o.outcomeType() == OutcomeType.CHURNED) {
                churns.computeIfAbsent(o.accountId(), k -> new ArrayList<>()).add(o.occurredAt());
            }
            if (o.outcomeType() == target) {
                targets.computeIfAbsent(o.accountId(), k -> new ArrayList<>()).add(o.occurredAt());
            }
        }
        ScorecardVersion candidates = candidateVersion(plan);
        List<EvaluationRowRecord> out = new ArrayList<>();
        for (LocalDate asOf : plan.asOfDates()) {
            heartbeat.run();
            List<AccountRow> active = accounts.stream().filter(a -> Labels.active(a.startDate(),
                    churns.getOrDefault(a.id(), List.of()), asOf)).toList();
            if (active.isEmpty()) {
                continue;
            }
            Map<String, AccountHealth> scored = plan.source() == EvaluationSource.BACKTEST
                    ? health.compute(handle, workspaceId, plan.scorecard(), active, asOf, true)
                    : stored(handle, workspaceId, plan.scorecard(), active, asOf);
            Map<String, AccountHealth> values = candidates == null ? Map.of()
                    : health.compute(handle, workspaceId, candidates, active, asOf, true);
            Map<String, AccountHealth> challenged = plan.challenger() == null ? Map.of()
                    : plan.source() == EvaluationSource.BACKTEST
                    ? health.compute(handle, workspaceId, plan.challenger(), active, asOf, true)
                    : stored(handle, workspaceId, plan.challenger(), active, asOf);
            for (AccountRow a : active) {
                AccountHealth h = scored.get(a.externalId());
                if (h == null) {
                    continue; // SNAPSHOTS: no score was stored for this account at this asOf
                }
                LocalDate first = Labels.firstInHorizon(targets.getOrDefault(a.id(), List.of()), asOf,
                        plan.horizonDays());
                String candidateValues = RowValues.candidateValues(values.get(a.externalId()), plan.candidates());
                out.add(new EvaluationRowRecord(job.id(), MAIN, a.id(), asOf, workspaceId, a.externalId(),
                        a.segment(), h.score(), RowValues.measureScores(h), candidateValues, first == null ? 0 : 1,
                        first));
                if (plan.challenger() != null) {
                    // Exactly the champion's rows; where the challenger has no score, the row is insufficient.
                    AccountHealth c = challenged.get(a.externalId());
                    out.add(new EvaluationRowRecord(job.id(), CHALLENGER, a.id(), asOf, workspaceId, a.externalId(),
                            a.segment(), c == null ? null : c.score(), c == null
                            ? RowValues.none(plan.challenger().measures().size()) : RowValues.measureScores(c),
                            candidateValues, first == null ? 0 : 1, first));
                }
            }
        }
        return out;
    }

    private Map<String, AccountHealth> stored(Handle handle, String workspaceId, ScorecardVersion version,
                                              List<AccountRow> active, LocalDate asOf) {
        Map<Long, String> externalIds = new HashMap<>();
        active.forEach(a -> externalIds.put(a.id(), a.externalId()));
        Map<String, AccountHealth> out = new HashMap<>();
        for (SnapshotRow r : handle.attach(SnapshotDao.class).at(workspaceId, version.key(), version.version(), asOf,
                externalIds.keySet())) {
            try {
                out.put(externalIds.get(r.accountId()), json.readValue(r.document(), AccountHealth.class));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("A stored score is not readable", e);
            }
        }
        return out;
    }

    /**
     * The candidate metrics as measures of a throw-away scorecard, only to aggregate their raw values
     * at each asOf the way the catalog says (its function and window); they are ranked later.
     */
    static ScorecardVersion candidateVersion(EvaluationPlan plan) {
        if (plan.candidates().isEmpty()) {
            return null;
        }
        List<Scorecard.Measure> measures = plan.candidates().stream().map(c -> new Scorecard.Measure(c.metric(), 1,
                null, new ScoringRuleSpec.Linear(0.0, 1.0))).toList();
        return new ScorecardVersion(plan.scorecard().key(), 0, "candidates", null, null, AppliesTo.ALL, null,
                new MissingDataSettings(MissingDataPolicy.RENORMALIZE, 0.0), measures, null, null);
    }
}
