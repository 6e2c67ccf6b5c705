package org.healthscore.persistence.key;

import java.time.Instant;
import org.healthscore.api.key.Role;

public record ApiKeyRow(String id, String workspaceId, String name, Role role, String prefix, String secretHash,
                        Instant createdAt, String createdBy, Instant revokedAt, String revokedBy) {
}
