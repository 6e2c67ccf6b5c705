package org.healthscore.service.auth;

import io.dropwizard.auth.Authenticator;
import java.util.Optional;
import org.healthscore.persistence.key.ApiKeyDao;
import org.healthscore.persistence.key.ApiKeyRow;
import org.jdbi.v3.core.Jdbi;

/**
 * Turns a bearer secret into a {@link Caller}. No cache on purpose: a revoked key must stop working
 * at once on every instance, and the lookup is one primary-key read.
 */
public final class ApiKeyAuthenticator implements Authenticator<String, Caller> {

    private final Jdbi jdbi;
    private final String bootstrapSecret;

    public ApiKeyAuthenticator(Jdbi jdbi, String bootstrapSecret) {
        this.jdbi = jdbi;
        this.bootstrapSecret = bootstrapSecret;
    }

    @Override
    public Optional<Caller> authenticate(String secret) {
        if (Secrets.same(secret, bootstrapSecret)) {
            return Optional.of(Caller.bootstrap());
        }
        Optional<String> prefix = Secrets.prefixOf(secret);
        if (prefix.isEmpty()) {
            return Optional.empty();
        }
        Optional<ApiKeyRow> key = jdbi.withExtension(ApiKeyDao.class, dao -> dao.findByPrefix(prefix.get()));
        return key.filter(k -> k.revokedAt() == null)
                .filter(k -> Secrets.matches(secret, k.secretHash()))
                .map(k -> new Caller(k.id(), k.name(), k.workspaceId(), k.role()));
    }
}
