package org.healthscore.service.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.healthscore.api.job.Job;
import org.healthscore.api.job.JobStatus;
import org.healthscore.api.job.RecomputeRequest;
import org.healthscore.api.key.Role;
import org.healthscore.api.page.Page;
import org.healthscore.api.scorecard.AppliesTo;
import org.healthscore.api.scorecard.ScorecardVersion;
import org.healthscore.persistence.Ids;
import org.healthscore.persistence.account.AccountDao;
import org.healthscore.persistence.account.AccountRow;
import org.healthscore.persistence.job.ChunkRow;
import org.healthscore.persistence.job.JobDao;
import org.healthscore.persistence.job.JobRow;
import org.healthscore.service.audit.Auditor;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.paging.Cursor;
import org.healthscore.service.paging.PageRequest;
import org.healthscore.service.problem.ApiException;
import org.healthscore.service.scorecards.ScorecardService;
import org.healthscore.service.validation.RequestValidator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Re-scoring jobs: a request is planned into chunks of accounts stored with the job, so any
 * instance's workers can take them; an Idempotency-Key makes a retried POST return the same job.
 */
public final class JobService {

    public static final String RECOMPUTE = "RECOMPUTE";
    static final String PENDING = "PENDING";
    static final String WAITING = "WAITING";
    private static final String LIST = "jobs";
    private static final int MAX_AS_OF_DATES = 400;

    private final Jdbi jdbi;
    private final ScorecardService scorecards;
    private final RequestValidator validator;
    private final Auditor auditor;
    private final ObjectMapper json;
    private final Clock clock;
    private final int chunkSize;

    public JobService(Jdbi jdbi, ScorecardService scorecards, RequestValidator validator, Auditor auditor,
                      ObjectMapper json, Clock clock, int chunkSize) {
        this.jdbi = jdbi;
        this.scorecards = scorecards;
        this.validator = validator;
        this.auditor = auditor;
        this.json = json;
        this.clock = clock;
        this.chunkSize = chunkSize;
    }

    /** Plans and queues a re-scoring job; with an Idempotency-Key already used for the same body, that job. */
    public Job startRecompute(Caller caller, RecomputeRequest request, String idempotencyKey) {
        String workspaceId = caller.workspace(Role.WRITER);
        validator.check(request);
        org.healthscore.service.json.CalendarDates.require("asOf", request.asOf());
        org.healthscore.service.json.CalendarDates.require("asOfFrom", request.asOfFrom());
        org.healthscore.service.json.CalendarDates.require("asOfTo", request.asOfTo());
        return submit(caller, RECOMPUTE, request, idempotencyKey, id -> planRecompute(caller, workspaceId, id,
                request));
    }

    private Plan planRecompute(Caller caller, String workspaceId, String id, RecomputeRequest request) {
        List<LocalDate> dates = asOfDates(request);
        List<ScorecardVersion> versions = versions(caller, workspaceId, request);
        Set<String> only = request.accounts() == null ? null : new HashSet<>(request.accounts());
        List<ChunkRow> chunks = new ArrayList<>();
        List<AccountRow> accounts = jdbi.withExtension(AccountDao.class, dao -> dao.all(workspaceId));
        for (ScorecardVersion version : versions) {
            List<Long> members = new ArrayList<>();
            for (AccountRow a : accounts) {
                if (applies(version.appliesTo(), a, request.scorecard() != null)
                        && (request.segment() == null || request.segment().equals(a.segment()))
                        && (request.productLine() == null || request.productLine().equals(a.productLine()))
                        && (only == null || only.contains(a.externalId()))) {
                    members.add(a.id());
                }
            }
            members.sort(Long::compare);
            for (int from = 0; from < members.size(); from += chunkSize) {
                List<Long> ids = members.subList(from, Math.min(members.size(), from + chunkSize));
                chunks.add(pending(id, workspaceId, chunks.size(),
                        new ChunkPayload(version.key(), version.version(), dates, List.copyOf(ids)),
                        ids.size() * dates.size()));
            }
        }
        return new Plan(chunks, handle -> { });
    }

    /** A chunk ready to be claimed. */
    public ChunkRow pending(String jobId, String workspaceId, int chunkNo, Object payload, int units) {
        return new ChunkRow(jobId, chunkNo, workspaceId, PENDING, write(payload), units, null, null, 0, null, null);
    }

    /** A chunk that becomes claimable once every other chunk of its job is done (a job's final step). */
    public ChunkRow last(String jobId, String workspaceId, int chunkNo, Object payload, int units) {
        return new ChunkRow(jobId, chunkNo, workspaceId, WAITING, write(payload), units, null, null, 0, null, null);
    }

    /** A job's chunks, and what else to store in the same transaction as the job. */
    public record Plan(List<ChunkRow> chunks, Consumer<Handle> alsoStore) {
    }

    /**
     * Stores a job of {@code kind} and its planned chunks in one transaction, so workers of any
     * instance can take them. With an Idempotency-Key already used for the same body, returns that
     * job without planning again; for another body, 422.
     */
    public Job submit(Caller caller, String kind, Object request, String idempotencyKey,
                      Function<String, Plan> planner) {
        String workspaceId = caller.workspace(Role.WRITER);
        String body = write(request);
        String hash = sha256(kind + ":" + body);
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
                throw ApiException.badRequest("Idempotency-Key", "must be 1-200 characters");
            }
            JobRow earlier = jdbi.withExtension(JobDao.class, dao -> dao.findByIdempotencyKey(workspaceId,
                    idempotencyKey)).orElse(null);
            if (earlier != null) {
                return sameOrRefuse(earlier, hash, idempotencyKey);
            }
        }
        Instant now = clock.instant();
        String id = Ids.newPublicId();
        Plan plan = planner.apply(id);
        List<ChunkRow> chunks = plan.chunks();
        long total = chunks.stream().mapToLong(ChunkRow::units).sum();
        JobRow row = new JobRow(id, workspaceId, kind, chunks.isEmpty() ? JobStatus.SUCCEEDED.name()
                : JobStatus.QUEUED.name(), body, hash, idempotencyKey, total, 0, null, now, caller.name(),
                chunks.isEmpty() ? now : null, chunks.isEmpty() ? now : null);
        try {
            jdbi.useTransaction(handle -> {
                JobDao dao = handle.attach(JobDao.class);
                dao.insert(row);
                if (!chunks.isEmpty()) {
                    dao.insertChunks(chunks);
                }
                plan.alsoStore().accept(handle);
                // recompute.started, evaluation.started: the audit trail filters by kind of work.
                auditor.record(handle, workspaceId, caller, kind.toLowerCase(java.util.Locale.ROOT) + ".started", id,
                        row.totalUnits() + " units");
            });
        } catch (RuntimeException e) {
            // Two retries racing with one Idempotency-Key: the unique key lets one in; the other returns it.
            if (idempotencyKey != null) {
                JobRow winner = jdbi.withExtension(JobDao.class, dao -> dao.findByIdempotencyKey(workspaceId,
                        idempotencyKey)).orElse(null);
                if (winner != null) {
                    return sameOrRefuse(winner, hash, idempotencyKey);
                }
            }
            throw e;
        }
        return toApi(row);
    }

    /**
     * A job this process does itself, step by step, rather than in chunks for the workers (the demo
     * loader): stored RUNNING at once, so it shows at /api/v1/jobs with its progress like any other.
     */
    public TrackedJob track(Caller caller, String kind, Object request, long totalUnits) {
        String workspaceId = caller.workspace(Role.WRITER);
        String body = write(request);
        Instant now = clock.instant();
        JobRow row = new JobRow(Ids.newPublicId(), workspaceId, kind, JobStatus.RUNNING.name(), body,
                sha256(kind + ":" + body), null, totalUnits, 0, null, now, caller.name(), now, null);
        jdbi.useTransaction(handle -> {
            handle.attach(JobDao.class).insert(row);
            auditor.record(handle, workspaceId, caller, kind.toLowerCase(java.util.Locale.ROOT) + ".started",
                    row.id(), kind + " of " + totalUnits + " units");
        });
        return new TrackedJob(row.id(), jdbi, clock);
    }

    /** The newest job of one kind in a workspace, if any. */
    public java.util.Optional<JobRow> newestOfKind(String workspaceId, String kind) {
        return jdbi.withExtension(JobDao.class, dao -> dao.newestOfKind(workspaceId, kind));
    }

    /** Ends a job that is still open (one left RUNNING by a process that stopped) as FAILED. */
    public void abandon(String jobId, String reason) {
        jdbi.useExtension(JobDao.class, dao -> dao.end(jobId, JobStatus.FAILED.name(), clock.instant(), reason));
    }

    /** A job of this workspace, as stored. */
    public JobRow row(String workspaceId, String id) {
        return jdbi.withExtension(JobDao.class, dao -> dao.find(workspaceId, id)).orElse(null);
    }

    public Job get(Caller caller, String id) {
        String workspaceId = caller.workspace(Role.READER);
        return toApi(jdbi.withExtension(JobDao.class, dao -> dao.find(workspaceId, id))
                .orElseThrow(() -> ApiException.notFound("No job " + id + " in this workspace")));
    }

    public Page<Job> list(Caller caller, PageRequest page) {
        String workspaceId = caller.workspace(Role.READER);
        List<String> at = page.position(LIST, 2);
        List<JobRow> rows = jdbi.withExtension(JobDao.class, dao -> dao.list(workspaceId,
                at == null ? null : page.instant(at.get(0)), at == null ? null : at.get(1), page.fetchSize()));
        return page.page(rows, this::toApi, r -> Cursor.encode(LIST, r.createdAt().toString(), r.id()));
    }

    public static String cursorOf(Job job) {
        return Cursor.encode(LIST, job.createdAt().toString(), job.id());
    }

    /** Cancels a job that has not ended: chunks not yet taken are dropped, running ones stop at their end. */
    public Job cancel(Caller caller, String id) {
        String workspaceId = caller.workspace(Role.WRITER);
        return jdbi.inTransaction(handle -> {
            JobDao dao = handle.attach(JobDao.class);
            JobRow job = dao.find(workspaceId, id).orElseThrow(() -> ApiException.notFound("No job " + id
                    + " in this workspace"));
            if (dao.end(id, JobStatus.CANCELLED.name(), clock.instant(), null) == 0) {
                throw ApiException.conflict("Job " + id + " has already ended (" + job.status() + ")");
            }
            dao.cancelPending(id);
            auditor.record(handle, workspaceId, caller, "job.cancelled", id, null);
            return toApi(dao.find(workspaceId, id).orElseThrow());
        });
    }

    private Job sameOrRefuse(JobRow earlier, String hash, String key) {
        if (!earlier.requestHash().equals(hash)) {
            throw ApiException.invalid("Idempotency-Key", "was used for another request body (job " + earlier.id()
                    + "); use a new key for a new request");
        }
        return toApi(earlier);
    }

    private List<ScorecardVersion> versions(Caller caller, String workspaceId, RecomputeRequest request) {
        if (request.scorecard() != null) {
            try {
                if (request.version() != null) {
                    return List.of(scorecards.version(caller, request.scorecard(), request.version()));
                }
                var scorecard = scorecards.get(caller, request.scorecard());
                if (scorecard.latestVersion() == null) {
                    throw ApiException.invalid("scorecard", "has no published version yet; publish its draft");
                }
                return List.of(scorecards.version(caller, request.scorecard(), scorecard.latestVersion()));
            } catch (ApiException e) {
                if (e.kind() == org.healthscore.service.problem.ProblemKind.NOT_FOUND) {
                    throw ApiException.invalid(request.version() == null ? "scorecard" : "version", e.getMessage());
                }
                throw e;
            }
        }
        if (request.version() != null) {
            throw ApiException.invalid("version", "needs a scorecard");
        }
        List<ScorecardVersion> published = scorecards.latestVersions(workspaceId);
        if (published.isEmpty()) {
            throw ApiException.invalid("scorecard", "no scorecard is published in this workspace yet");
        }
        return published;
    }

    /** With a scorecard named, every account chosen; with "all published", each scorecard's own accounts. */
    private static boolean applies(AppliesTo to, AccountRow a, boolean named) {
        if (named) {
            return true;
        }
        return org.healthscore.service.health.ScorecardResolver.appliesTo(to, a);
    }

    private List<LocalDate> asOfDates(RecomputeRequest r) {
        if (r.asOf() != null && (r.asOfFrom() != null || r.asOfTo() != null)) {
            throw ApiException.invalid("asOf", "give either asOf or asOfFrom and asOfTo, not both");
        }
        if (r.asOfFrom() == null && r.asOfTo() == null) {
            return List.of(r.asOf() != null ? r.asOf() : LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        }
        if (r.asOfFrom() == null || r.asOfTo() == null) {
            throw ApiException.invalid(r.asOfFrom() == null ? "asOfFrom" : "asOfTo", "is required with the other");
        }
        if (r.asOfFrom().isAfter(r.asOfTo())) {
            throw ApiException.invalid("asOfFrom", "must not be after asOfTo");
        }
        int step = r.stepDays() == null ? 30 : r.stepDays();
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = r.asOfFrom(); !d.isAfter(r.asOfTo()); d = d.plusDays(step)) {
            dates.add(d);
            if (dates.size() > MAX_AS_OF_DATES) {
                throw ApiException.invalid("stepDays", "makes more than " + MAX_AS_OF_DATES + " asOf dates");
            }
        }
        return dates;
    }

    public Job toApi(JobRow r) {
        double percent = r.totalUnits() == 0 ? 100 : 100.0 * r.doneUnits() / r.totalUnits();
        Long eta = null;
        if (JobStatus.RUNNING.name().equals(r.status()) && r.startedAt() != null && r.doneUnits() > 0) {
            long elapsed = Duration.between(r.startedAt(), clock.instant()).toMillis();
            eta = Math.max(0, Math.round(elapsed / 1000.0 * (r.totalUnits() - r.doneUnits()) / r.doneUnits()));
        } else if (JobStatus.SUCCEEDED.name().equals(r.status())) {
            eta = 0L;
        }
        Object request;
        try {
            request = json.readValue(r.request(), Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new Job(r.id(), r.kind(), JobStatus.valueOf(r.status()),
                new Job.Progress(r.doneUnits(), r.totalUnits(), percent, eta), request, r.error(), r.createdAt(),
                r.createdBy(), r.startedAt(), r.finishedAt());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
