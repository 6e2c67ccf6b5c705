package org.healthscore.service.evaluations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.healthscore.api.evaluation.Evaluation;
import org.healthscore.api.evaluation.EvaluationReport;
import org.healthscore.api.evaluation.EvaluationRequest;
import org.healthscore.api.evaluation.FalseGreen;
import org.healthscore.api.job.Job;
import org.healthscore.api.job.JobStatus;
import org.healthscore.api.key.Role;
import org.healthscore.api.page.Page;
import org.healthscore.api.scorecard.BandLimits;
import org.healthscore.api.scorecard.MeasureInput;
import org.healthscore.api.scorecard.Scorecard;
import org.healthscore.api.scorecard.ScorecardInput;
import org.healthscore.persistence.evaluation.EvaluationDao;
import org.healthscore.persistence.evaluation.EvaluationRecord;
import org.healthscore.persistence.evaluation.EvaluationRowRecord;
import org.healthscore.persistence.job.ChunkRow;
import org.healthscore.persistence.job.JobRow;
import org.healthscore.service.audit.Auditor;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.evaluation.EvaluationDesign;
import org.healthscore.service.jobs.JobService;
import org.healthscore.service.paging.Cursor;
import org.healthscore.service.paging.PageRequest;
import org.healthscore.service.problem.ApiException;
import org.healthscore.service.reports.ReportData;
import org.healthscore.service.reports.ReportPage;
import org.healthscore.service.scorecards.ScorecardService;
import org.healthscore.service.validation.RequestValidator;
import org.jdbi.v3.core.Jdbi;

/**
 * Evaluations (DESIGN.md 3.6): a request is checked and planned into a job whose chunks compute the
 * rows (accounts x asOf dates) on any instance, and whose last chunk computes the report. Reading an
 * evaluation joins its job's status and progress with the report once there is one.
 */
public final class EvaluationService {

    public static final String KIND = "EVALUATION";
    private static final String LIST = "evaluations";
    private static final String FALSE_GREENS = "false-greens";
    /** False greens listed on the report page; the CSV holds every one. */
    private static final int REPORT_FALSE_GREENS = 50;

    private final Jdbi jdbi;
    private final JobService jobs;
    private final ScorecardService scorecards;
    private final RequestValidator validator;
    private final ObjectMapper json;
    private final java.time.Clock clock;
    private final int chunkSize;
    private final EvaluationPlanner planner;
    private final Auditor auditor;

    public EvaluationService(Jdbi jdbi, JobService jobs, ScorecardService scorecards, RequestValidator validator,
                             Auditor auditor, ObjectMapper json, java.time.Clock clock, int chunkSize) {
        this.jdbi = jdbi;
        this.auditor = auditor;
        this.jobs = jobs;
        this.scorecards = scorecards;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
        this.chunkSize = chunkSize;
        this.planner = new EvaluationPlanner(jdbi, scorecards);
    }

    /** Checks and plans an evaluation and queues it as a job; with a used Idempotency-Key and the same body, that one. */
    public Evaluation start(Caller caller, EvaluationRequest request, String idempotencyKey) {
        String workspaceId = caller.workspace(Role.WRITER);
        if (request == null) {
            throw ApiException.invalid("body", "is required");
        }
        validator.check(request);
        org.healthscore.service.json.CalendarDates.require("asOfFrom", request.asOfFrom());
        org.healthscore.service.json.CalendarDates.require("asOfTo", request.asOfTo());
        org.healthscore.service.json.CalendarDates.require("outcomesKnownThrough", request.outcomesKnownThrough());
        Job job = jobs.submit(caller, KIND, request, idempotencyKey, id -> {
            EvaluationPlan plan = planner.plan(caller, workspaceId, request);
            List<Long> members = planner.members(workspaceId, plan);
            List<ChunkRow> chunks = new ArrayList<>();
            int dates = plan.asOfDates().size();
            long total = 0;
            for (int from = 0; from < members.size(); from += chunkSize) {
                List<Long> ids = List.copyOf(members.subList(from, Math.min(members.size(), from + chunkSize)));
                chunks.add(jobs.pending(id, workspaceId, chunks.size(),
                        new EvaluationChunk(EvaluationChunk.Step.ROWS, ids), ids.size() * dates));
                total += (long) ids.size() * dates;
            }
            // The report is the last step; it weighs about a twentieth of the rows in the progress.
            int reportUnits = (int) Math.max(1, Math.min(Integer.MAX_VALUE, total / 20));
            EvaluationChunk report = new EvaluationChunk(EvaluationChunk.Step.REPORT, List.of());
            chunks.add(chunks.isEmpty() ? jobs.pending(id, workspaceId, 0, report, reportUnits)
                    : jobs.last(id, workspaceId, chunks.size(), report, reportUnits));
            EvaluationRecord record = new EvaluationRecord(id, workspaceId, plan.scorecard().key(),
                    plan.draft() ? null : plan.scorecard().version(), plan.outcome().name(), plan.source().name(),
                    write(plan), null, null, clock.instant());
            return new JobService.Plan(chunks, handle -> handle.attach(EvaluationDao.class).insert(record));
        });
        return get(caller, job.id());
    }

    public Evaluation get(Caller caller, String id) {
        String workspaceId = caller.workspace(Role.READER);
        EvaluationRecord record = find(workspaceId, id);
        return toApi(record, jobs.row(workspaceId, id));
    }

    /** Newest first; optionally one scorecard's. */
    public Page<Evaluation> list(Caller caller, String scorecard, PageRequest page) {
        String workspaceId = caller.workspace(Role.READER);
        List<String> at = page.position(LIST, 2);
        List<EvaluationRecord> rows = jdbi.withExtension(EvaluationDao.class, dao -> dao.list(workspaceId,
                scorecard, at == null ? null : page.instant(at.get(0)), at == null ? null : at.get(1),
                page.fetchSize()));
        return page.page(rows, r -> toApi(r, jobs.row(workspaceId, r.id())),
                r -> Cursor.encode(LIST, r.createdAt().toString(), r.id()));
    }

    public static String cursorOf(Evaluation evaluation) {
        return Cursor.encode(LIST, evaluation.createdAt().toString(), evaluation.id());
    }

    /** The false greens of a finished evaluation, in (account, asOf) order, a page at a time. */
    public Page<FalseGreen> falseGreens(Caller caller, String id, PageRequest page) {
        String workspaceId = caller.workspace(Role.READER);
        EvaluationPlan plan = finishedPlan(workspaceId, id);
        List<String> at = page.position(FALSE_GREENS, 2);
        LocalDate afterAsOf = null;
        if (at != null) {
            try {
                afterAsOf = LocalDate.parse(at.get(1));
            } catch (RuntimeException e) {
                throw PageRequest.notACursor(page);
            }
        }
        LocalDate after = afterAsOf;
        List<EvaluationRowRecord> rows = jdbi.withExtension(EvaluationDao.class, dao -> dao.falseGreens(id,
                EvaluationChunks.MAIN, Reports.greenFrom(plan.scorecard()), at == null ? null : at.get(0), after,
                page.fetchSize()));
        return page.page(rows, EvaluationService::falseGreen,
                r -> Cursor.encode(FALSE_GREENS, r.externalId(), r.asOf().toString()));
    }

    public static String falseGreenCursor(FalseGreen row) {
        return Cursor.encode(FALSE_GREENS, row.account(), row.asOf().toString());
    }

    /** Every false green of a finished evaluation as CSV, written as it is read. */
    public void falseGreensCsv(Caller caller, String id, Writer out) throws IOException {
        String workspaceId = caller.workspace(Role.READER);
        EvaluationPlan plan = finishedPlan(workspaceId, id);
        out.write("account,asOf,score,outcomeDate\n");
        String after = null;
        LocalDate afterAsOf = null;
        while (true) {
            String a = after;
            LocalDate d = afterAsOf;
            List<EvaluationRowRecord> rows = jdbi.withExtension(EvaluationDao.class, dao -> dao.falseGreens(id,
                    EvaluationChunks.MAIN, Reports.greenFrom(plan.scorecard()), a, d, 1000));
            for (EvaluationRowRecord r : rows) {
                out.write(Csv.field(r.externalId()) + "," + r.asOf() + "," + r.score() + "," + r.outcomeDate()
                        + "\n");
            }
            if (rows.size() < 1000) {
                break;
            }
            after = rows.get(rows.size() - 1).externalId();
            afterAsOf = rows.get(rows.size() - 1).asOf();
        }
        out.flush();
    }

    /**
     * A finished evaluation's report as one HTML page (DESIGN.md 3.6), with its first false greens listed; the
     * CSV beside it holds them all.
     */
    public String reportPage(Caller caller, String id) {
        String workspaceId = caller.workspace(Role.READER);
        EvaluationPlan plan = finishedPlan(workspaceId, id);
        Evaluation evaluation = toApi(find(workspaceId, id), jobs.row(workspaceId, id));
        List<FalseGreen> falseGreens = jdbi.withExtension(EvaluationDao.class, dao -> dao.falseGreens(id,
                EvaluationChunks.MAIN, Reports.greenFrom(plan.scorecard()), null, null, REPORT_FALSE_GREENS))
                .stream().map(EvaluationService::falseGreen).toList();
        EvaluationDesign design = Reports.design(plan, plan.scorecard());
        ReportData challenger = null;
        if (evaluation.challenger() != null && evaluation.challenger().report() != null) {
            List<FalseGreen> theirs = jdbi.withExtension(EvaluationDao.class, dao -> dao.falseGreens(id,
                    EvaluationChunks.CHALLENGER, Reports.greenFrom(plan.challenger()), null, null,
                    REPORT_FALSE_GREENS)).stream().map(EvaluationService::falseGreen).toList();
            EvaluationDesign their = Reports.design(plan, plan.challenger());
            Evaluation asOwn = new Evaluation(evaluation.id(), evaluation.status(), evaluation.progress(), null,
                    evaluation.challenger().scorecard(), evaluation.outcome(), evaluation.source(),
                    evaluation.horizonDays(), evaluation.outcomesKnownThrough(), evaluation.segment(),
                    evaluation.createdAt(), evaluation.finishedAt(), evaluation.challenger().report(), null);
            challenger = new ReportData(asOwn, their.redBelow(), their.greenFrom(), theirs);
        }
        return ReportPage.render(new ReportData(evaluation, design.redBelow(), design.greenFrom(), falseGreens,
                challenger));
    }

    /**
     * Copies a finished evaluation's suggested weights (a measure whose suggested weight is 0 leaves
     * the draft) and its suggested bands into the scorecard's draft, and returns the draft.
     */
    public Scorecard apply(Caller caller, String id) {
        String workspaceId = caller.workspace(Role.WRITER);
        EvaluationRecord record = find(workspaceId, id);
        EvaluationPlan plan = finishedPlan(workspaceId, id);
        EvaluationReport report = read(record.report(), EvaluationReport.class);
        EvaluationReport.SuggestedWeights suggested = report.suggestedWeights();
        if (suggested == null || suggested.weights().stream().allMatch(w -> w.suggested() == null)) {
            throw ApiException.conflict("Evaluation " + id + " has no suggested weights to apply (every fitted"
                    + " coefficient was 0)");
        }
        Map<String, Double> weights = new HashMap<>();
        suggested.weights().forEach(w -> weights.put(w.metric(), w.suggested()));
        Scorecard draft = scorecards.get(caller, plan.scorecard().key());
        List<MeasureInput> measures = new ArrayList<>();
        for (Scorecard.Measure m : draft.measures()) {
            Double weight = weights.containsKey(m.metric()) ? weights.get(m.metric()) : Double.valueOf(m.weight());
            if (weight != null && weight > 0) {
                measures.add(new MeasureInput(m.metric(), weight, m.group(), m.scoring()));
            }
        }
        BandLimits bands = draft.bands();
        if (bandsHelp(report)) {
            bands = new BandLimits(report.suggestedBands().redBelow(), report.suggestedBands().greenFrom());
        }
        ScorecardInput input = new ScorecardInput(null, draft.name(), draft.description(), draft.framework(),
                draft.appliesTo(), bands, draft.missingData(), measures, null);
        Scorecard updated = scorecards.updateDraft(caller, draft.key(), draft.draftRevision(), input);
        // The draft change is audited by the scorecard service; this says where it came from.
        jdbi.useTransaction(handle -> auditor.record(handle, workspaceId, caller, "evaluation.applied", id,
                "suggestions into the draft of " + draft.key() + " (revision " + updated.draftRevision() + ")"));
        return updated;
    }

    /**
     * Suggested bands are copied only when they would not put a larger share of the positives in GREEN
     * than the current ones: DESIGN's rule takes the lowest qualifying greenFrom, which can widen GREEN
     * enough to hide churners, and apply must not make the scorecard's false greens worse.
     */
    static boolean bandsHelp(EvaluationReport report) {
        if (report.suggestedBands() == null) {
            return false;
        }
        Double now = report.falseGreens().shareOfPositives();
        Double then = report.suggestedBands().bands().stream()
                .filter(b -> b.band() == org.healthscore.api.health.Band.GREEN).findFirst()
                .map(EvaluationReport.BandStat::shareOfPositives).orElse(null);
        return now == null || then == null || then <= now;
    }

    private EvaluationRecord find(String workspaceId, String id) {
        return jdbi.withExtension(EvaluationDao.class, dao -> dao.find(workspaceId, id))
                .orElseThrow(() -> ApiException.notFound("No evaluation " + id + " in this workspace"));
    }

    private EvaluationPlan finishedPlan(String workspaceId, String id) {
        EvaluationRecord record = find(workspaceId, id);
        JobRow job = jobs.row(workspaceId, id);
        if (record.report() == null || job == null || !JobStatus.SUCCEEDED.name().equals(job.status())) {
            throw ApiException.conflict("Evaluation " + id + " is " + (job == null ? "unknown" : job.status())
                    + "; its results are ready once it has SUCCEEDED");
        }
        return read(record.design(), EvaluationPlan.class);
    }

    private Evaluation toApi(EvaluationRecord r, JobRow jobRow) {
        EvaluationPlan plan = read(r.design(), EvaluationPlan.class);
        Job job = jobs.toApi(jobRow);
        EvaluationReport report = r.report() == null || job.status() != JobStatus.SUCCEEDED ? null
                : read(r.report(), EvaluationReport.class);
        Evaluation.Challenger challenger = null;
        if (plan.challenger() != null) {
            EvaluationReport theirs = report == null || r.challengerReport() == null ? null
                    : read(r.challengerReport(), EvaluationReport.class);
            challenger = new Evaluation.Challenger(new Evaluation.ScorecardRef(plan.challenger().key(),
                    plan.challengerDraft() ? null : plan.challenger().version(), plan.challengerDraft()), theirs,
                    theirs == null ? null : Reports.difference(report, theirs));
        }
        return new Evaluation(r.id(), job.status(), job.progress(), job.error(),
                new Evaluation.ScorecardRef(r.scorecardKey(), r.version(), plan.draft()), plan.outcome(),
                plan.source(), plan.horizonDays(), plan.outcomesKnownThrough(), plan.segment(), r.createdAt(),
                job.finishedAt(), report, challenger);
    }

    private static FalseGreen falseGreen(EvaluationRowRecord r) {
        return new FalseGreen(r.externalId(), r.asOf(), r.score(), r.outcomeDate());
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored evaluation is not readable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
