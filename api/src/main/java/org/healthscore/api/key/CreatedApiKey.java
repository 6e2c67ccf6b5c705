package org.healthscore.api.key;

import java.time.Instant;

/** A key just created, with its secret: the only time the secret is shown. */
public record CreatedApiKey(String id, String name, Role role, String prefix, Instant createdAt, String secret) {
}
