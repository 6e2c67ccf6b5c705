package org.healthscore.service.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import org.healthscore.api.scorecard.ScorecardVersion;
import org.healthscore.persistence.job.ChunkRow;
import org.healthscore.persistence.job.JobRow;
import org.healthscore.service.health.HealthService;
import org.healthscore.service.scorecards.ScorecardService;
import org.jdbi.v3.core.Handle;

/** A re-scoring chunk: its accounts' scores at each asOf, computed and stored (replacing earlier ones). */
public final class RecomputeChunks implements ChunkProcessor {

    private final HealthService health;
    private final ScorecardService scorecards;
    private final ObjectMapper json;

    public RecomputeChunks(HealthService health, ScorecardService scorecards, ObjectMapper json) {
        this.health = health;
        this.scorecards = scorecards;
        this.json = json;
    }

    @Override
    public void process(Handle handle, JobRow job, ChunkRow chunk, Runnable heartbeat) throws Exception {
        ChunkPayload payload = json.readValue(chunk.payload(), ChunkPayload.class);
        ScorecardVersion version = scorecards.versionOf(job.workspaceId(), payload.scorecard(), payload.version());
        for (LocalDate asOf : payload.asOfDates()) {
            heartbeat.run();
            health.store(handle, job.workspaceId(), version, payload.accountIds(), asOf, true);
        }
    }
}
