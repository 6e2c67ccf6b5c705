package org.healthscore.service.audit;

import java.time.Clock;
import org.healthscore.persistence.Ids;
import org.healthscore.persistence.audit.AuditDao;
import org.healthscore.persistence.audit.AuditRow;
import org.healthscore.service.auth.Caller;
import org.jdbi.v3.core.Handle;

/** Writes audit events inside the caller's transaction, so a change and its record land together. */
public final class Auditor {

    private final Clock clock;

    public Auditor(Clock clock) {
        this.clock = clock;
    }

    public void record(Handle handle, String workspaceId, Caller caller, String action, String target, String detail) {
        handle.attach(AuditDao.class).insert(new AuditRow(Ids.newPublicId(), workspaceId, clock.instant(),
                caller.name(), caller.keyId(), action, target, detail));
    }
}
