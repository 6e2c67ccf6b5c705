package org.healthscore.persistence.workspace;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.stringtemplate4.UseStringTemplateEngine;

@RegisterConstructorMapper(WorkspaceRow.class)
public interface WorkspaceDao {

    @SqlUpdate("INSERT INTO workspace (id, name, created_at) VALUES (:id, :name, :createdAt)")
    void insert(@BindMethods WorkspaceRow row);

    @SqlQuery("SELECT id, name, created_at FROM workspace WHERE id = :id")
    Optional<WorkspaceRow> find(@Bind("id") String id);

    /** Oldest first; the page after the row (afterCreatedAt, afterId) when given. */
    @UseStringTemplateEngine
    @SqlQuery("SELECT id, name, created_at FROM workspace"
            + "<if(afterId)> WHERE created_at > :afterCreatedAt OR (created_at = :afterCreatedAt AND id > :afterId)<endif>"
            + " ORDER BY created_at, id LIMIT :limit")
    List<WorkspaceRow> list(@Bind("afterCreatedAt") Instant afterCreatedAt,
                            @Define("afterId") @Bind("afterId") String afterId,
                            @Bind("limit") int limit);
}
