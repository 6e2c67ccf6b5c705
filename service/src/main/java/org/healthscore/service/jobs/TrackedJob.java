package org.healthscore.service.jobs;

import java.time.Clock;
import org.healthscore.api.job.JobStatus;
import org.healthscore.persistence.job.JobDao;
import org.jdbi.v3.core.Jdbi;

/** A job done in this process (see {@link JobService#track}): its progress and its end, as they happen. */
public final class TrackedJob {

    private final String id;
    private final Jdbi jdbi;
    private final Clock clock;

    TrackedJob(String id, Jdbi jdbi, Clock clock) {
        this.id = id;
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public String id() {
        return id;
    }

    public void advance(long units) {
        if (units > 0) {
            jdbi.useExtension(JobDao.class, dao -> dao.addDone(id, units));
        }
    }

    public void succeed() {
        jdbi.useExtension(JobDao.class, dao -> dao.end(id, JobStatus.SUCCEEDED.name(), clock.instant(), null));
    }

    public void fail(String reason) {
        jdbi.useExtension(JobDao.class, dao -> dao.end(id, JobStatus.FAILED.name(), clock.instant(), reason));
    }
}
