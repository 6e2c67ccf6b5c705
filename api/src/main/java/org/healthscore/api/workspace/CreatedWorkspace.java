package org.healthscore.api.workspace;

import org.healthscore.api.key.Role;

/** The answer to creating a workspace: its first ADMIN key, whose secret is shown this once. */
public record CreatedWorkspace(String id, String name, String keyId, Role role, String secret) {
}
