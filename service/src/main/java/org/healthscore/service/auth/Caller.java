package org.healthscore.service.auth;

import java.security.Principal;
import org.healthscore.api.key.Role;
import org.healthscore.service.problem.ApiException;

/**
 * Who is calling: a workspace key (its id, name, workspace and role), or the service's bootstrap
 * admin, which belongs to no workspace and may only manage workspaces.
 */
public record Caller(String keyId, String name, String workspaceId, Role role) implements Principal {

    public static final String BOOTSTRAP_NAME = "bootstrap-admin";

    public static Caller bootstrap() {
        return new Caller(null, BOOTSTRAP_NAME, null, null);
    }

    public boolean isBootstrap() {
        return workspaceId == null;
    }

    @Override
    public String getName() {
        return name;
    }

    /** The caller's workspace, when its role includes {@code needed}; otherwise a 403. */
    public String workspace(Role needed) {
        if (isBootstrap()) {
            throw ApiException.forbidden("The bootstrap admin may only create and list workspaces;"
                    + " use a workspace key for this");
        }
        if (!role.includes(needed)) {
            throw ApiException.forbidden("This needs a " + needed + " key; this key is " + role);
        }
        return workspaceId;
    }

    /** Passes only for the bootstrap admin. */
    public void requireBootstrap() {
        if (!isBootstrap()) {
            throw ApiException.forbidden("Only the service's bootstrap admin may manage workspaces");
        }
    }
}
