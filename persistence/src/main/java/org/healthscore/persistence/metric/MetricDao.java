package org.healthscore.persistence.metric;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.healthscore.api.metric.MetricStatus;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.stringtemplate4.UseStringTemplateEngine;

@RegisterConstructorMapper(MetricRow.class)
@RegisterConstructorMapper(MetricTagRow.class)
public interface MetricDao {

    String COLUMNS = "id, workspace_id, metric_key, name, description, dimension, data_source, calculation, owner,"
            + " unit, value_type, direction, agg_function, window_days, status, revision, created_at, created_by,"
            + " updated_at, updated_by";

    @SqlUpdate("INSERT INTO metric (" + COLUMNS + ") VALUES (:id, :workspaceId, :metricKey, :name, :description,"
            + " :dimension, :dataSource, :calculation, :owner, :unit, :valueType, :direction, :aggFunction,"
            + " :windowDays, :status, :revision, :createdAt, :createdBy, :updatedAt, :updatedBy)")
    void insert(@BindMethods MetricRow row);

    /**
     * Replaces every mutable field when the stored revision is still {@code expectedRevision};
     * answers 0 when another writer got there first.
     */
    @SqlUpdate("UPDATE metric SET name = :row.name, description = :row.description, dimension = :row.dimension,"
            + " data_source = :row.dataSource, calculation = :row.calculation, owner = :row.owner, unit = :row.unit,"
            + " value_type = :row.valueType, direction = :row.direction, agg_function = :row.aggFunction,"
            + " window_days = :row.windowDays, status = :row.status, revision = :row.revision,"
            + " updated_at = :row.updatedAt, updated_by = :row.updatedBy"
            + " WHERE id = :row.id AND workspace_id = :row.workspaceId AND revision = :expectedRevision")
    int update(@BindMethods("row") MetricRow row, @Bind("expectedRevision") int expectedRevision);

    @SqlQuery("SELECT " + COLUMNS + " FROM metric WHERE workspace_id = :workspaceId AND metric_key = :key")
    Optional<MetricRow> find(@Bind("workspaceId") String workspaceId, @Bind("key") String key);

    @SqlQuery("SELECT " + COLUMNS + " FROM metric WHERE workspace_id = :workspaceId AND metric_key IN (<keys>)"
            + " ORDER BY metric_key")
    List<MetricRow> findMany(@Bind("workspaceId") String workspaceId, @BindList("keys") Collection<String> keys);

    /** Every entry of a workspace (catalogs hold tens to hundreds of entries). */
    @SqlQuery("SELECT " + COLUMNS + " FROM metric WHERE workspace_id = :workspaceId ORDER BY metric_key")
    List<MetricRow> all(@Bind("workspaceId") String workspaceId);

    /** In key order, optionally filtered; the page after {@code afterKey} when given. */
    @UseStringTemplateEngine
    @SqlQuery("SELECT " + COLUMNS + " FROM metric m WHERE workspace_id = :workspaceId"
            + "<if(dimension)> AND dimension = :dimension<endif>"
            + "<if(status)> AND status = :status<endif>"
            + "<if(tag)> AND EXISTS (SELECT 1 FROM metric_tag t WHERE t.metric_id = m.id AND t.tag = :tag)<endif>"
            + "<if(afterKey)> AND metric_key > :afterKey<endif>"
            + " ORDER BY metric_key LIMIT :limit")
    List<MetricRow> list(@Bind("workspaceId") String workspaceId,
                         @Define("dimension") @Bind("dimension") String dimension,
                         @Define("status") @Bind("status") MetricStatus status,
                         @Define("tag") @Bind("tag") String tag,
                         @Define("afterKey") @Bind("afterKey") String afterKey,
                         @Bind("limit") int limit);

    @SqlUpdate("DELETE FROM metric WHERE workspace_id = :workspaceId AND id = :id")
    int delete(@Bind("workspaceId") String workspaceId, @Bind("id") long id);

    @SqlBatch("INSERT INTO metric_tag (metric_id, tag, workspace_id) VALUES (:metricId, :tag, :workspaceId)")
    void insertTags(@Bind("metricId") long metricId, @Bind("tag") List<String> tags,
                    @Bind("workspaceId") String workspaceId);

    @SqlUpdate("DELETE FROM metric_tag WHERE metric_id = :metricId AND workspace_id = :workspaceId")
    void deleteTags(@Bind("metricId") long metricId, @Bind("workspaceId") String workspaceId);

    /** The tags of many metrics in one statement, in tag order. */
    @SqlQuery("SELECT metric_id, tag FROM metric_tag WHERE workspace_id = :workspaceId AND metric_id IN (<ids>)"
            + " ORDER BY metric_id, tag")
    List<MetricTagRow> tags(@Bind("workspaceId") String workspaceId, @BindList("ids") Collection<Long> metricIds);
}
