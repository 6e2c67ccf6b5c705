package org.healthscore.persistence.metric;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.stringtemplate4.UseStringTemplateEngine;

@RegisterConstructorMapper(MetricRevisionRow.class)
public interface MetricRevisionDao {

    @SqlUpdate("INSERT INTO metric_revision (workspace_id, metric_key, revision, change_type, changed_by, changed_at,"
            + " document) VALUES (:workspaceId, :metricKey, :revision, :changeType, :changedBy, :changedAt, :document)")
    void insert(@BindMethods MetricRevisionRow row);

    /** The newest revision number ever given to this key, 0 when none: a re-created key continues the trail. */
    @SqlQuery("SELECT COALESCE(MAX(revision), 0) FROM metric_revision WHERE workspace_id = :workspaceId"
            + " AND metric_key = :key")
    int latestRevision(@Bind("workspaceId") String workspaceId, @Bind("key") String key);

    /** Newest first; the page before revision {@code beforeRevision} when given. */
    @UseStringTemplateEngine
    @SqlQuery("SELECT workspace_id, metric_key, revision, change_type, changed_by, changed_at, document"
            + " FROM metric_revision WHERE workspace_id = :workspaceId AND metric_key = :key"
            + "<if(beforeRevision)> AND revision \\< :beforeRevision<endif>"
            + " ORDER BY revision DESC LIMIT :limit")
    List<MetricRevisionRow> list(@Bind("workspaceId") String workspaceId, @Bind("key") String key,
                                 @Define("beforeRevision") @Bind("beforeRevision") Integer beforeRevision,
                                 @Bind("limit") int limit);
}
