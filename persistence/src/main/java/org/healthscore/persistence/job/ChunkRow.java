package org.healthscore.persistence.job;

import java.time.Instant;

public record ChunkRow(String jobId, int chunkNo, String workspaceId, String status, String payload, int units,
                       String leaseOwner, Instant leaseUntil, int attempts, String processedBy, String error) {
}
