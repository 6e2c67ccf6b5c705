package org.healthscore.persistence.audit;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.stringtemplate4.UseStringTemplateEngine;

@RegisterConstructorMapper(AuditRow.class)
public interface AuditDao {

    @SqlUpdate("INSERT INTO audit_event (id, workspace_id, occurred_at, actor, actor_key_id, action, target, detail)"
            + " VALUES (:id, :workspaceId, :occurredAt, :actor, :actorKeyId, :action, :target, :detail)")
    void insert(@BindMethods AuditRow row);

    /**
     * Newest first; the page after the event (beforeOccurredAt, beforeId) when given. Optional
     * filters: one action, or actions starting with {@code actionPrefix}; from (inclusive) and to
     * (exclusive) instants.
     */
    @UseStringTemplateEngine
    @SqlQuery("SELECT id, workspace_id, occurred_at, actor, actor_key_id, action, target, detail FROM audit_event"
            + " WHERE workspace_id = :workspaceId"
            + "<if(beforeId)> AND (occurred_at \\< :beforeOccurredAt"
            + " OR (occurred_at = :beforeOccurredAt AND id \\< :beforeId))<endif>"
            + "<if(action)> AND action = :action<endif>"
            + "<if(actionPrefix)> AND action LIKE :actionPrefix<endif>"
            + "<if(from)> AND occurred_at >= :from<endif>"
            + "<if(to)> AND occurred_at \\< :to<endif>"
            + " ORDER BY occurred_at DESC, id DESC LIMIT :limit")
    List<AuditRow> list(@Bind("workspaceId") String workspaceId, @Bind("beforeOccurredAt") Instant beforeOccurredAt,
                        @Define("beforeId") @Bind("beforeId") String beforeId,
                        @Define("action") @Bind("action") String action,
                        @Define("actionPrefix") @Bind("actionPrefix") String actionPrefix,
                        @Define("from") @Bind("from") Instant from, @Define("to") @Bind("to") Instant to,
                        @Bind("limit") int limit);
}
