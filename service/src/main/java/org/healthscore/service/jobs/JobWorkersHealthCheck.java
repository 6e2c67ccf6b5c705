package org.healthscore.service.jobs;

import com.codahale.metrics.health.HealthCheck;
import java.time.Duration;

/** Unhealthy when this instance's workers are not running, or chunks sit abandoned well past their lease. */
public final class JobWorkersHealthCheck extends HealthCheck {

    private final ChunkWorkers workers;
    private final Duration grace;

    public JobWorkersHealthCheck(ChunkWorkers workers, Duration grace) {
        this.workers = workers;
        this.grace = grace;
    }

    @Override
    protected Result check() {
        if (!workers.alive()) {
            return Result.unhealthy("job workers of " + workers.owner() + " are not running");
        }
        int abandoned = workers.abandonedChunks(grace);
        return abandoned == 0 ? Result.healthy("workers of " + workers.owner() + " running")
                : Result.unhealthy(abandoned + " job chunks abandoned for more than " + grace.toSeconds() + " s");
    }
}
