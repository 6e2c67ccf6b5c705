package org.healthscore.api.audit;

import java.time.Instant;

/** Who changed what, when: {@code action} such as {@code metric.updated}, {@code target} the thing's key or id. */
public record AuditEvent(String id, Instant occurredAt, String actor, String actorKeyId, String action, String target,
                         String detail) {
}
