package org.healthscore.service.jobs;

import org.healthscore.persistence.job.ChunkRow;
import org.healthscore.persistence.job.JobRow;
import org.jdbi.v3.core.Handle;

/** What one kind of job does with one of its chunks, inside the chunk's transaction. */
public interface ChunkProcessor {

    /**
     * Does the chunk's work on {@code handle}; what it writes commits together with the chunk being
     * marked done, or not at all.
     *
     * @param heartbeat extends the chunk's lease: call it between the steps of a long chunk
     */
    void process(Handle handle, JobRow job, ChunkRow chunk, Runnable heartbeat) throws Exception;
}
