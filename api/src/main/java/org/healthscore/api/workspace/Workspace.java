package org.healthscore.api.workspace;

import java.time.Instant;

public record Workspace(String id, String name, Instant createdAt) {
}
