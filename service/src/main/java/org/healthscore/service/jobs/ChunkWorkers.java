package org.healthscore.service.jobs;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.lifecycle.Managed;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.healthscore.api.job.JobStatus;
import org.healthscore.persistence.job.ChunkRow;
import org.healthscore.persistence.job.JobDao;
import org.healthscore.persistence.job.JobRow;
import org.healthscore.service.problem.DatabaseOutage;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's job workers. Each claims one chunk at a time with a conditional UPDATE on its
 * lease, computes its scores and writes them, and marks the chunk done in the same transaction,
 * only while the lease is still its own. An instance that dies leaves leases that run out; another
 * instance (or this one, restarted) takes those chunks again, and since snapshots are replaced by
 * key, a chunk done twice leaves the same rows. A stopping instance and a worker that loses the
 * database give their chunk back rather than wait for the lease; an outage never fails a job.
 */
public final class ChunkWorkers implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(ChunkWorkers.class);

    /**
     * Test-only: called inside each chunk's transaction, after its work and before it is marked done,
     * with {@code "<worker owner>/<job id>/<chunk no>"}; a chunk for which it answers true fails.
     */
    public static volatile Predicate<String> faultHook = chunk -> false;

    /** Test-only: while true, no worker of this JVM polls or takes a chunk (see {@link #pauseAll}). */
    private static volatile boolean paused;
    /** Test-only: when set, only the workers of this owner poll (see {@link #onlyOwner}). */
    private static volatile String soleOwner;
    private static final AtomicInteger ACTIVE = new AtomicInteger();

    /** Attempts of a chunk's transaction that the database aborted as a deadlock or lock timeout. */
    private static final int TRANSIENT_ATTEMPTS = 5;

    /** The longest pause between polls while the database cannot be reached. */
    private static final long MAX_OUTAGE_PAUSE_MILLIS = 2000;

    private final Jdbi jdbi;
    private final Map<String, ChunkProcessor> processors;
    private final Clock clock;
    private final int threads;
    private final Duration lease;
    private final long pollMillis;
    private final Meter units;
    private final String owner = "instance-" + UUID.randomUUID();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong lastSettled = new AtomicLong(System.nanoTime());
    private ExecutorService pool;

    /** @param processors what each kind of job does with a chunk */
    public ChunkWorkers(Jdbi jdbi, Map<String, ChunkProcessor> processors, Clock clock, int threads, Duration lease,
                        long pollMillis, MetricRegistry metrics) {
        this.jdbi = jdbi;
        this.processors = Map.copyOf(processors);
        this.clock = clock;
        this.threads = threads;
        this.lease = lease;
        this.pollMillis = pollMillis;
        this.units = metrics.meter(MetricRegistry.name(ChunkWorkers.class, "units"));
    }

    public String owner() {
        return owner;
    }

    @Override
    public void start() {
        if (threads == 0) {
            return;
        }
        running.set(true);
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, org.healthscore.persistence.Persistence.BACKGROUND_THREAD_PREFIX);
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < threads; i++) {
            pool.submit(this::loop);
        }
    }

    @Override
    public void stop() throws InterruptedException {
        running.set(false);
        if (pool != null) {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    public boolean alive() {
        return threads == 0 || (pool != null && !pool.isShutdown());
    }

    private void loop() {
        int outages = 0;
        while (running.get()) {
            try {
                boolean worked;
                // Counted before the pause flag is read, so pauseAll() can wait for polls in flight.
                ACTIVE.incrementAndGet();
                try {
                    worked = !paused && (soleOwner == null || soleOwner.equals(owner)) && workOnce();
                } finally {
                    ACTIVE.decrementAndGet();
                }
                if (outages > 0) {
                    LOG.info("Job worker reaches the database again");
                    outages = 0;
                }
                if (!worked) {
                    settleNowAndThen();
                    Thread.sleep(pollMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | LinkageError e) {
                long pause = pollMillis;
                if (DatabaseOutage.is(e)) {
                    // The database is gone for a while: say so once, then poll less often until it is back.
                    if (outages++ == 0) {
                        LOG.warn("Job worker cannot reach the database; retrying until it can: {}", e.getMessage());
                    }
                    pause = Math.min(MAX_OUTAGE_PAUSE_MILLIS, pollMillis * (1L << Math.min(outages, 6)));
                } else {
                    // A worker that died here would leave its job RUNNING for good, unseen: log and go on.
                    LOG.error("Job worker error; retrying", e);
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Claims and processes one chunk; false when none was free. */
    boolean workOnce() {
        Instant now = clock.instant();
        for (ChunkRow candidate : jdbi.withExtension(JobDao.class, dao -> dao.claimable(now, 8))) {
            boolean mine = jdbi.withExtension(JobDao.class, dao -> dao.claim(candidate.jobId(), candidate.chunkNo(),
                    owner, now, now.plus(lease))) == 1;
            if (mine) {
                process(candidate);
                return true;
            }
        }
        return false;
    }

    /**
     * Processes a chunk this instance has just claimed. A lost database is not the chunk's fault:
     * the chunk is given back (or, when even that fails, left to its lease running out) and taken
     * again once the database answers, so an outage delays a job but never fails it. Any other
     * error fails the job, naming the chunk.
     */
    private void process(ChunkRow chunk) {
        try {
            processClaimed(chunk);
        } catch (RuntimeException e) {
            if (!DatabaseOutage.is(e)) {
                throw e;
            }
            LOG.warn("Job {} chunk {} interrupted by a database outage; giving it back for a retry: {}",
                    chunk.jobId(), chunk.chunkNo(), e.getMessage());
            giveBack(chunk);
        }
    }

    private void processClaimed(ChunkRow chunk) {
        JobRow job = jdbi.withExtension(JobDao.class, dao -> dao.findAny(chunk.jobId())).orElse(null);
        if (job == null || !(JobStatus.QUEUED.name().equals(job.status())
                || JobStatus.RUNNING.name().equals(job.status()))) {
            jdbi.useExtension(JobDao.class, dao -> dao.finish(chunk.jobId(), chunk.chunkNo(), owner, "CANCELLED",
                    null));
            return;
        }
        jdbi.useExtension(JobDao.class, dao -> dao.markRunning(job.id(), clock.instant()));
        try {
            ChunkProcessor processor = processors.get(job.kind());
            if (processor == null) {
                throw new IllegalStateException("no processor for jobs of kind " + job.kind());
            }
            boolean finished = retryingTransient(() -> jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED,
                    handle -> {
                JobDao dao = handle.attach(JobDao.class);
                try {
                    processor.process(handle, job, chunk, () -> dao.extend(chunk.jobId(), chunk.chunkNo(), owner,
                            clock.instant().plus(lease)));
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
                if (faultHook.test(owner + "/" + chunk.jobId() + "/" + chunk.chunkNo())) {
                    throw new IllegalStateException("fault injected for a test");
                }
                if (dao.finish(chunk.jobId(), chunk.chunkNo(), owner, "DONE", null) == 0) {
                    // Our lease ran out and another instance took the chunk: let its work count, not ours.
                    handle.rollback();
                    return false;
                }
                dao.addDone(job.id(), chunk.units());
                return true;
            }));
            if (finished) {
                units.mark(chunk.units());
                // After our commit, so the last chunk to finish always sees the others done. Should the
                // database go away right here, the sweep in settleNowAndThen ends the job later.
                jdbi.useExtension(JobDao.class, dao -> settle(dao, job.id()));
            }
        } catch (RuntimeException e) {
            if (!running.get() || Thread.currentThread().isInterrupted()) {
                // This instance is shutting down: the chunk is not at fault. Hand it back for another instance.
                LOG.info("Job {} chunk {} given back: this instance is stopping", job.id(), chunk.chunkNo());
                Thread.interrupted();
                giveBack(chunk);
                return;
            }
            if (DatabaseOutage.is(e)) {
                throw e;
            }
            String message = "chunk " + chunk.chunkNo() + " failed: " + e.getMessage();
            LOG.warn("Job {} {}", job.id(), message, e);
            jdbi.useTransaction(handle -> {
                JobDao dao = handle.attach(JobDao.class);
                dao.finish(chunk.jobId(), chunk.chunkNo(), owner, "FAILED", message);
                dao.end(job.id(), JobStatus.FAILED.name(), clock.instant(), message);
                dao.cancelPending(job.id());
            });
        }
    }

    /** Releases our lease on a chunk so any instance may take it at once; if that fails, the lease runs out. */
    private void giveBack(ChunkRow chunk) {
        try {
            jdbi.useExtension(JobDao.class, dao -> dao.release(chunk.jobId(), chunk.chunkNo(), owner));
        } catch (RuntimeException e) {
            LOG.warn("Job {} chunk {} could not be given back ({}); it is taken again when its lease runs out",
                    chunk.jobId(), chunk.chunkNo(), e.getMessage());
        }
    }

    /** Ends a job whose chunks are all done, or opens its waiting last chunk once the others are. */
    private void settle(JobDao dao, String jobId) {
        if (dao.unfinishedChunks(jobId) == 0) {
            dao.end(jobId, JobStatus.SUCCEEDED.name(), clock.instant(), null);
        } else if (dao.busyChunks(jobId) == 0) {
            dao.startWaiting(jobId);
        }
    }

    /**
     * While idle, at most every half lease: settles jobs whose last chunk was committed but whose
     * worker lost the database before it could end the job (or open its last step).
     */
    private void settleNowAndThen() {
        long now = System.nanoTime();
        long last = lastSettled.get();
        if (now - last < lease.toNanos() / 2 || !lastSettled.compareAndSet(last, now)) {
            return;
        }
        jdbi.useExtension(JobDao.class, dao -> {
            for (String jobId : dao.unsettled(20)) {
                settle(dao, jobId);
            }
        });
    }

    /**
     * Runs a chunk's transaction again when the database aborted it as a deadlock or a lock wait
     * timeout: two instances writing neighbouring snapshot keys can collide on InnoDB's locks, which
     * is no reason to fail the job. Anything else (and the last attempt) is thrown.
     */
    private static <T> T retryingTransient(java.util.function.Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt >= TRANSIENT_ATTEMPTS || !transient_(e)) {
                    throw e;
                }
                LOG.info("Chunk transaction aborted by the database ({}); attempt {} of {}", e.getMessage(),
                        attempt + 1, TRANSIENT_ATTEMPTS);
                try {
                    Thread.sleep(20L * attempt);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** A deadlock (SQLState 40001, MySQL 1213) or a lock wait timeout (MySQL 1205) anywhere in the causes. */
    private static boolean transient_(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if ("40001".equals(s.getSQLState()) || s.getErrorCode() == 1213 || s.getErrorCode() == 1205
                            || s instanceof java.sql.SQLTransactionRollbackException) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Test-only: stops every worker of this JVM from polling or taking chunks, and returns once none
     * is busy, so a test can count the statements of a request alone. {@link #resumeAll} undoes it.
     */
    public static void pauseAll() {
        paused = true;
        while (ACTIVE.get() > 0) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Test-only: only the workers of {@code owner} take chunks (other instances in this JVM idle),
     * so a test can tell which instance did what; null undoes it.
     */
    public static void onlyOwner(String owner) {
        soleOwner = owner;
    }

    /** Test-only: undoes {@link #pauseAll}. */
    public static void resumeAll() {
        paused = false;
    }

    /** Chunks whose lease ran out long ago with no instance taking them: workers are stuck or gone. */
    public int abandonedChunks(Duration olderThan) {
        return jdbi.withExtension(JobDao.class, dao -> dao.abandoned(clock.instant().minus(olderThan)));
    }

}
