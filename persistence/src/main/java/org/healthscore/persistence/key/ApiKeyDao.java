package org.healthscore.persistence.key;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.healthscore.api.key.Role;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.stringtemplate4.UseStringTemplateEngine;

@RegisterConstructorMapper(ApiKeyRow.class)
public interface ApiKeyDao {

    String COLUMNS = "id, workspace_id, name, role, prefix, secret_hash, created_at, created_by, revoked_at, revoked_by";

    @SqlUpdate("INSERT INTO api_key (" + COLUMNS + ") VALUES (:id, :workspaceId, :name, :role, :prefix, :secretHash,"
            + " :createdAt, :createdBy, :revokedAt, :revokedBy)")
    void insert(@BindMethods ApiKeyRow row);

    /** The one read made on every authenticated request. */
    @SqlQuery("SELECT " + COLUMNS + " FROM api_key WHERE prefix = :prefix")
    Optional<ApiKeyRow> findByPrefix(@Bind("prefix") String prefix);

    @SqlQuery("SELECT " + COLUMNS + " FROM api_key WHERE workspace_id = :workspaceId AND id = :id")
    Optional<ApiKeyRow> find(@Bind("workspaceId") String workspaceId, @Bind("id") String id);

    /** Keys not revoked, oldest first. */
    @UseStringTemplateEngine
    @SqlQuery("SELECT " + COLUMNS + " FROM api_key WHERE workspace_id = :workspaceId AND revoked_at IS NULL"
            + "<if(afterId)> AND (created_at > :afterCreatedAt OR (created_at = :afterCreatedAt AND id > :afterId))<endif>"
            + " ORDER BY created_at, id LIMIT :limit")
    List<ApiKeyRow> listActive(@Bind("workspaceId") String workspaceId,
                               @Bind("afterCreatedAt") Instant afterCreatedAt,
                               @Define("afterId") @Bind("afterId") String afterId,
                               @Bind("limit") int limit);

    @SqlQuery("SELECT COUNT(*) FROM api_key WHERE workspace_id = :workspaceId AND role = :role AND revoked_at IS NULL")
    int countActive(@Bind("workspaceId") String workspaceId, @Bind("role") Role role);

    @SqlUpdate("UPDATE api_key SET revoked_at = :at, revoked_by = :by"
            + " WHERE workspace_id = :workspaceId AND id = :id AND revoked_at IS NULL")
    int revoke(@Bind("workspaceId") String workspaceId, @Bind("id") String id, @Bind("at") Instant at,
               @Bind("by") String by);
}
