package org.healthscore.service.key;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.healthscore.api.key.ApiKey;
import org.healthscore.api.key.CreateKeyRequest;
import org.healthscore.api.key.CreatedApiKey;
import org.healthscore.api.key.Role;
import org.healthscore.api.page.Page;
import org.healthscore.persistence.Ids;
import org.healthscore.persistence.key.ApiKeyDao;
import org.healthscore.persistence.key.ApiKeyRow;
import org.healthscore.service.audit.Auditor;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.auth.Secrets;
import org.healthscore.service.paging.Cursor;
import org.healthscore.service.paging.PageRequest;
import org.healthscore.service.problem.ApiException;
import org.healthscore.service.validation.RequestValidator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/** A workspace's API keys: mint (secret shown once), list (never secrets), revoke. ADMIN only. */
public final class KeyService {

    private static final String LIST = "keys";

    private final Jdbi jdbi;
    private final RequestValidator validator;
    private final Auditor auditor;
    private final Clock clock;

    public KeyService(Jdbi jdbi, RequestValidator validator, Auditor auditor, Clock clock) {
        this.jdbi = jdbi;
        this.validator = validator;
        this.auditor = auditor;
        this.clock = clock;
    }

    public CreatedApiKey create(Caller caller, CreateKeyRequest request) {
        String workspaceId = caller.workspace(Role.ADMIN);
        validator.check(request);
        return jdbi.inTransaction(handle -> {
            CreatedApiKey key = mint(handle, workspaceId, request.name(), request.role(), caller.name());
            auditor.record(handle, workspaceId, caller, "key.created", key.id(), key.name() + " (" + key.role() + ")");
            return key;
        });
    }

    /** Stores a new key in {@code workspaceId}; also used when a workspace is created. */
    public CreatedApiKey mint(Handle handle, String workspaceId, String name, Role role, String createdBy) {
        Secrets.Minted minted = Secrets.mint();
        return store(handle, workspaceId, name, role, createdBy, minted);
    }

    /** Stores a key whose secret was chosen elsewhere (the demo configuration's fixed keys). */
    public CreatedApiKey store(Handle handle, String workspaceId, String name, Role role, String createdBy,
                               Secrets.Minted minted) {
        Instant now = clock.instant();
        ApiKeyRow row = new ApiKeyRow(Ids.newPublicId(), workspaceId, name, role, minted.prefix(), minted.hash(),
                now, createdBy, null, null);
        handle.attach(ApiKeyDao.class).insert(row);
        return new CreatedApiKey(row.id(), name, role, row.prefix(), now, minted.secret());
    }

    public Page<ApiKey> list(Caller caller, PageRequest page) {
        String workspaceId = caller.workspace(Role.ADMIN);
        List<String> at = page.position(LIST, 2);
        Instant after = at == null ? null : page.instant(at.get(0));
        List<ApiKeyRow> rows = jdbi.withExtension(ApiKeyDao.class,
                dao -> dao.listActive(workspaceId, after, at == null ? null : at.get(1), page.fetchSize()));
        return page.page(rows, KeyService::toApi, r -> Cursor.encode(LIST, r.createdAt().toString(), r.id()));
    }

    /** Revokes at once. The last ADMIN key stays, or nobody could manage the workspace again. */
    public void revoke(Caller caller, String keyId) {
        String workspaceId = caller.workspace(Role.ADMIN);
        // Serializable so two admins revoking the last two ADMIN keys at once cannot both succeed.
        jdbi.inTransaction(TransactionIsolationLevel.SERIALIZABLE, handle -> {
            ApiKeyDao dao = handle.attach(ApiKeyDao.class);
            ApiKeyRow key = dao.find(workspaceId, keyId).filter(k -> k.revokedAt() == null)
                    .orElseThrow(() -> ApiException.notFound("No active key " + keyId + " in this workspace"));
            if (key.role() == Role.ADMIN && dao.countActive(workspaceId, Role.ADMIN) <= 1) {
                throw ApiException.conflict("Key " + keyId + " is the workspace's last ADMIN key;"
                        + " create another ADMIN key before revoking it");
            }
            dao.revoke(workspaceId, keyId, clock.instant(), caller.name());
            auditor.record(handle, workspaceId, caller, "key.revoked", keyId, key.name());
            return null;
        });
    }

    private static ApiKey toApi(ApiKeyRow r) {
        return new ApiKey(r.id(), r.name(), r.role(), r.prefix(), r.createdAt(), r.createdBy());
    }

}
