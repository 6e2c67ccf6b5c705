package org.healthscore.service.workspace;

import java.time.Clock;
import java.util.List;
import org.healthscore.api.key.CreatedApiKey;
import org.healthscore.api.key.Role;
import org.healthscore.api.page.Page;
import org.healthscore.api.workspace.CreateWorkspaceRequest;
import org.healthscore.api.workspace.CreatedWorkspace;
import org.healthscore.api.workspace.Workspace;
import org.healthscore.persistence.Ids;
import org.healthscore.persistence.workspace.WorkspaceDao;
import org.healthscore.persistence.workspace.WorkspaceRow;
import org.healthscore.service.audit.Auditor;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.key.KeyService;
import org.healthscore.service.paging.Cursor;
import org.healthscore.service.paging.PageRequest;
import org.healthscore.service.validation.RequestValidator;
import org.jdbi.v3.core.Jdbi;

/** Workspaces, managed by the service's bootstrap admin only. */
public final class WorkspaceService {

    private static final String LIST = "workspaces";
    static final String FIRST_KEY_NAME = "first admin key";

    private final Jdbi jdbi;
    private final RequestValidator validator;
    private final KeyService keys;
    private final Auditor auditor;
    private final Clock clock;

    public WorkspaceService(Jdbi jdbi, RequestValidator validator, KeyService keys, Auditor auditor, Clock clock) {
        this.jdbi = jdbi;
        this.validator = validator;
        this.keys = keys;
        this.auditor = auditor;
        this.clock = clock;
    }

    /** Creates a workspace with its first ADMIN key, whose secret is in the answer and nowhere else. */
    public CreatedWorkspace create(Caller caller, CreateWorkspaceRequest request) {
        caller.requireBootstrap();
        validator.check(request);
        return jdbi.inTransaction(handle -> {
            WorkspaceRow row = new WorkspaceRow(Ids.newPublicId(), request.name().strip(), clock.instant());
            handle.attach(WorkspaceDao.class).insert(row);
            CreatedApiKey key = keys.mint(handle, row.id(), FIRST_KEY_NAME, Role.ADMIN, caller.name());
            auditor.record(handle, row.id(), caller, "workspace.created", row.id(), row.name());
            return new CreatedWorkspace(row.id(), row.name(), key.id(), key.role(), key.secret());
        });
    }

    public Page<Workspace> list(Caller caller, PageRequest page) {
        caller.requireBootstrap();
        List<String> at = page.position(LIST, 2);
        List<WorkspaceRow> rows = jdbi.withExtension(WorkspaceDao.class, dao -> dao.list(
                at == null ? null : page.instant(at.get(0)), at == null ? null : at.get(1), page.fetchSize()));
        return page.page(rows, r -> new Workspace(r.id(), r.name(), r.createdAt()),
                r -> Cursor.encode(LIST, r.createdAt().toString(), r.id()));
    }
}
