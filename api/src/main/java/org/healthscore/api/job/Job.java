package org.healthscore.api.job;

import java.time.Instant;

/**
 * Long work and how far it has gone: {@code done} of {@code total} units (an account at an asOf).
 * {@code request} is what started it, as it was sent.
 */
public record Job(String id, String kind, JobStatus status, Progress progress, Object request, String error,
                  Instant createdAt, String createdBy, Instant startedAt, Instant finishedAt) {

    public record Progress(long done, long total, double percent, Long etaSeconds) {
    }
}
