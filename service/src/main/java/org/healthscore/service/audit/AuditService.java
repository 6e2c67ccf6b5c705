package org.healthscore.service.audit;

import java.time.Instant;
import java.util.List;
import org.healthscore.api.audit.AuditEvent;
import org.healthscore.api.key.Role;
import org.healthscore.api.page.Page;
import org.healthscore.persistence.audit.AuditDao;
import org.healthscore.persistence.audit.AuditRow;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.paging.Cursor;
import org.healthscore.service.paging.PageRequest;
import org.jdbi.v3.core.Jdbi;

/** Reads the audit trail of the caller's workspace (ADMIN only), newest first, optionally filtered. */
public final class AuditService {

    private static final String LIST = "audit";

    private final Jdbi jdbi;

    public AuditService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One page of events; the filters arrive as query text and are checked after the caller's role. */
    public Page<AuditEvent> list(Caller caller, PageRequest page, String action, String kind, String from,
                                 String to) {
        String workspaceId = caller.workspace(Role.ADMIN);
        AuditQuery query = AuditQuery.parse(action, kind, from, to);
        List<String> at = page.position(LIST, 2);
        Instant before = at == null ? null : page.instant(at.get(0));
        List<AuditRow> rows = jdbi.withExtension(AuditDao.class, dao -> dao.list(workspaceId, before,
                at == null ? null : at.get(1), query.action(), query.actionPrefix(), query.from(), query.to(),
                page.fetchSize()));
        return page.page(rows, r -> new AuditEvent(r.id(), r.occurredAt(), r.actor(), r.actorKeyId(), r.action(),
                r.target(), r.detail()), r -> Cursor.encode(LIST, r.occurredAt().toString(), r.id()));
    }

}
