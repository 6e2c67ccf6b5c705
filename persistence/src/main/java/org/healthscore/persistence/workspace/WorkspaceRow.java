package org.healthscore.persistence.workspace;

import java.time.Instant;

public record WorkspaceRow(String id, String name, Instant createdAt) {
}
