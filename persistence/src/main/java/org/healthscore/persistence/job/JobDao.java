package org.healthscore.persistence.job;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.stringtemplate4.UseStringTemplateEngine;

/**
 * Jobs and their chunks. Chunks are claimed with a conditional UPDATE on their lease, so two
 * instances can never both own one; a lease that runs out (a dead instance) makes it claimable again.
 */
@RegisterConstructorMapper(JobRow.class)
@RegisterConstructorMapper(ChunkRow.class)
public interface JobDao {

    String JOB = "id, workspace_id, kind, status, request, request_hash, idempotency_key, total_units, done_units,"
            + " error, created_at, created_by, started_at, finished_at";
    String CHUNK = "job_id, chunk_no, workspace_id, status, payload, units, lease_owner, lease_until, attempts,"
            + " processed_by, error";

    @SqlUpdate("INSERT INTO job (" + JOB + ") VALUES (:id, :workspaceId, :kind, :status, :request, :requestHash,"
            + " :idempotencyKey, :totalUnits, :doneUnits, :error, :createdAt, :createdBy, :startedAt, :finishedAt)")
    void insert(@BindMethods JobRow row);

    @SqlBatch("INSERT INTO job_chunk (" + CHUNK + ") VALUES (:jobId, :chunkNo, :workspaceId, :status, :payload,"
            + " :units, :leaseOwner, :leaseUntil, :attempts, :processedBy, :error)")
    void insertChunks(@BindMethods Collection<ChunkRow> rows);

    @SqlQuery("SELECT " + JOB + " FROM job WHERE workspace_id = :workspaceId AND id = :id")
    Optional<JobRow> find(@Bind("workspaceId") String workspaceId, @Bind("id") String id);

    @SqlQuery("SELECT " + JOB + " FROM job WHERE id = :id")
    Optional<JobRow> findAny(@Bind("id") String id);

    @SqlQuery("SELECT " + JOB + " FROM job WHERE workspace_id = :workspaceId AND idempotency_key = :key")
    Optional<JobRow> findByIdempotencyKey(@Bind("workspaceId") String workspaceId, @Bind("key") String key);

    /** Newest first. */
    @UseStringTemplateEngine
    @SqlQuery("SELECT " + JOB + " FROM job WHERE workspace_id = :workspaceId"
            + "<if(beforeId)> AND (created_at \\< :beforeAt OR (created_at = :beforeAt AND id \\< :beforeId))<endif>"
            + " ORDER BY created_at DESC, id DESC LIMIT :limit")
    List<JobRow> list(@Bind("workspaceId") String workspaceId, @Bind("beforeAt") Instant beforeAt,
                      @Define("beforeId") @Bind("beforeId") String beforeId, @Bind("limit") int limit);

    /** The newest job of one kind in a workspace. */
    @SqlQuery("SELECT " + JOB + " FROM job WHERE workspace_id = :workspaceId AND kind = :kind"
            + " ORDER BY created_at DESC, id DESC LIMIT 1")
    Optional<JobRow> newestOfKind(@Bind("workspaceId") String workspaceId, @Bind("kind") String kind);

    /** Chunks that are free, or whose holder's lease ran out. */
    @SqlQuery("SELECT " + CHUNK + " FROM job_chunk WHERE status = 'PENDING'"
            + " OR (status = 'RUNNING' AND :now > lease_until) ORDER BY job_id, chunk_no LIMIT :limit")
    List<ChunkRow> claimable(@Bind("now") Instant now, @Bind("limit") int limit);

    @SqlUpdate("UPDATE job_chunk SET status = 'RUNNING', lease_owner = :owner, lease_until = :until,"
            + " attempts = attempts + 1 WHERE job_id = :jobId AND chunk_no = :chunkNo"
            + " AND (status = 'PENDING' OR (status = 'RUNNING' AND :now > lease_until))")
    int claim(@Bind("jobId") String jobId, @Bind("chunkNo") int chunkNo, @Bind("owner") String owner,
              @Bind("now") Instant now, @Bind("until") Instant until);

    @SqlUpdate("UPDATE job_chunk SET lease_until = :until WHERE job_id = :jobId AND chunk_no = :chunkNo"
            + " AND lease_owner = :owner AND status = 'RUNNING'")
    int extend(@Bind("jobId") String jobId, @Bind("chunkNo") int chunkNo, @Bind("owner") String owner,
               @Bind("until") Instant until);

    /** Finishes a chunk only while its lease is still ours: a chunk taken over elsewhere is not counted twice. */
    @SqlUpdate("UPDATE job_chunk SET status = :status, processed_by = :owner, error = :error"
            + " WHERE job_id = :jobId AND chunk_no = :chunkNo AND lease_owner = :owner AND status = 'RUNNING'")
    int finish(@Bind("jobId") String jobId, @Bind("chunkNo") int chunkNo, @Bind("owner") String owner,
               @Bind("status") String status, @Bind("error") String error);

    /** Gives a chunk back unfinished (its instance is stopping), to be claimed again at once. */
    @SqlUpdate("UPDATE job_chunk SET status = 'PENDING', lease_owner = NULL, lease_until = NULL"
            + " WHERE job_id = :jobId AND chunk_no = :chunkNo AND lease_owner = :owner AND status = 'RUNNING'")
    int release(@Bind("jobId") String jobId, @Bind("chunkNo") int chunkNo, @Bind("owner") String owner);

    @SqlUpdate("UPDATE job SET done_units = done_units + :units WHERE id = :id")
    void addDone(@Bind("id") String id, @Bind("units") long units);

    @SqlUpdate("UPDATE job SET status = 'RUNNING', started_at = :at WHERE id = :id AND status = 'QUEUED'")
    int markRunning(@Bind("id") String id, @Bind("at") Instant at);

    /** Ends a job that is not ended yet. */
    @SqlUpdate("UPDATE job SET status = :status, finished_at = :at, error = :error WHERE id = :id"
            + " AND status IN ('QUEUED', 'RUNNING')")
    int end(@Bind("id") String id, @Bind("status") String status, @Bind("at") Instant at,
            @Bind("error") String error);

    @SqlQuery("SELECT COUNT(*) FROM job_chunk WHERE job_id = :id AND status <> 'DONE'")
    int unfinishedChunks(@Bind("id") String id);

    /** Chunks not done yet, a job's waiting last chunk aside. */
    @SqlQuery("SELECT COUNT(*) FROM job_chunk WHERE job_id = :id AND status NOT IN ('DONE', 'WAITING')")
    int busyChunks(@Bind("id") String id);

    /** Makes a job's waiting last chunk claimable (once every other chunk is done). */
    @SqlUpdate("UPDATE job_chunk SET status = 'PENDING' WHERE job_id = :id AND status = 'WAITING'")
    int startWaiting(@Bind("id") String id);

    @SqlUpdate("UPDATE job_chunk SET status = 'CANCELLED' WHERE job_id = :id AND status IN ('PENDING', 'WAITING')")
    int cancelPending(@Bind("id") String id);

    @SqlQuery("SELECT " + CHUNK + " FROM job_chunk WHERE job_id = :id ORDER BY chunk_no")
    List<ChunkRow> chunks(@Bind("id") String id);

    /**
     * Open jobs none of whose chunks is pending or running: every chunk is done (or only the waiting
     * last one is left), yet the job was not ended, because the worker that finished the last chunk
     * lost the database between its commit and ending the job. A job without chunks is done step by
     * step by the process that started it (the demo load): never this sweep's to end.
     */
    @SqlQuery("SELECT j.id FROM job j WHERE j.status IN ('QUEUED', 'RUNNING')"
            + " AND EXISTS (SELECT 1 FROM job_chunk c WHERE c.job_id = j.id) AND NOT EXISTS"
            + " (SELECT 1 FROM job_chunk c WHERE c.job_id = j.id AND c.status NOT IN ('DONE', 'WAITING'))"
            + " ORDER BY j.id LIMIT :limit")
    List<String> unsettled(@Bind("limit") int limit);

    /** Chunks whose lease ran out more than {@code olderThan} ago: no instance is working on them. */
    @SqlQuery("SELECT COUNT(*) FROM job_chunk WHERE status = 'RUNNING' AND :olderThan > lease_until")
    int abandoned(@Bind("olderThan") Instant olderThan);
}
