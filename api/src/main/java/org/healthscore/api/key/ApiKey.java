package org.healthscore.api.key;

import java.time.Instant;

/** A key as listed: never its secret. {@code prefix} is the public start of the secret, to recognise it. */
public record ApiKey(String id, String name, Role role, String prefix, Instant createdAt, String createdBy) {
}
