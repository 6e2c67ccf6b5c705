package org.healthscore.persistence.audit;

import java.time.Instant;

public record AuditRow(String id, String workspaceId, Instant occurredAt, String actor, String actorKeyId,
                       String action, String target, String detail) {
}
