package org.healthscore.persistence.scorecard;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.stringtemplate4.UseStringTemplateEngine;

@RegisterConstructorMapper(ScorecardRow.class)
@RegisterConstructorMapper(ScorecardVersionRow.class)
public interface ScorecardDao {

    String COLUMNS = "id, workspace_id, scorecard_key, draft, draft_revision, latest_version, created_at, created_by,"
            + " updated_at, updated_by";
    String VERSION_COLUMNS = "workspace_id, scorecard_key, version, document, published_at, published_by";

    @SqlUpdate("INSERT INTO scorecard (" + COLUMNS + ") VALUES (:id, :workspaceId, :scorecardKey, :draft,"
            + " :draftRevision, :latestVersion, :createdAt, :createdBy, :updatedAt, :updatedBy)")
    void insert(@BindMethods ScorecardRow row);

    /** Replaces the draft when its revision is still {@code expectedRevision}; 0 when someone got there first. */
    @SqlUpdate("UPDATE scorecard SET draft = :row.draft, draft_revision = :row.draftRevision,"
            + " updated_at = :row.updatedAt, updated_by = :row.updatedBy"
            + " WHERE workspace_id = :row.workspaceId AND id = :row.id AND draft_revision = :expectedRevision")
    int updateDraft(@BindMethods("row") ScorecardRow row, @Bind("expectedRevision") int expectedRevision);

    /** Moves the latest version on when it is still {@code expectedVersion}: two publishers cannot both win. */
    @SqlUpdate("UPDATE scorecard SET latest_version = :version, updated_at = :row.updatedAt,"
            + " updated_by = :row.updatedBy WHERE workspace_id = :row.workspaceId AND id = :row.id"
            + " AND latest_version = :expectedVersion")
    int publish(@BindMethods("row") ScorecardRow row, @Bind("version") int version,
                @Bind("expectedVersion") int expectedVersion);

    @SqlQuery("SELECT " + COLUMNS + " FROM scorecard WHERE workspace_id = :workspaceId AND scorecard_key = :key")
    Optional<ScorecardRow> find(@Bind("workspaceId") String workspaceId, @Bind("key") String key);

    @UseStringTemplateEngine
    @SqlQuery("SELECT " + COLUMNS + " FROM scorecard WHERE workspace_id = :workspaceId"
            + "<if(afterKey)> AND scorecard_key > :afterKey<endif> ORDER BY scorecard_key LIMIT :limit")
    List<ScorecardRow> list(@Bind("workspaceId") String workspaceId,
                            @Define("afterKey") @Bind("afterKey") String afterKey, @Bind("limit") int limit);

    @SqlUpdate("INSERT INTO scorecard_version (" + VERSION_COLUMNS + ") VALUES (:workspaceId, :scorecardKey,"
            + " :version, :document, :publishedAt, :publishedBy)")
    void insertVersion(@BindMethods ScorecardVersionRow row);

    @SqlQuery("SELECT " + VERSION_COLUMNS + " FROM scorecard_version WHERE workspace_id = :workspaceId"
            + " AND scorecard_key = :key AND version = :version")
    Optional<ScorecardVersionRow> findVersion(@Bind("workspaceId") String workspaceId, @Bind("key") String key,
                                              @Bind("version") int version);

    /** Who published what, oldest first, without the documents. */
    @SqlQuery("SELECT workspace_id, scorecard_key, version, '' AS document, published_at, published_by"
            + " FROM scorecard_version WHERE workspace_id = :workspaceId AND scorecard_key IN (<keys>)"
            + " ORDER BY scorecard_key, version")
    List<ScorecardVersionRow> versionsOf(@Bind("workspaceId") String workspaceId,
                                         @org.jdbi.v3.sqlobject.customizer.BindList("keys") Collection<String> keys);

    /** The newest version of every published scorecard of a workspace (to find the one that applies). */
    @SqlQuery("SELECT v.workspace_id, v.scorecard_key, v.version, v.document, v.published_at, v.published_by"
            + " FROM scorecard_version v JOIN scorecard s ON s.workspace_id = v.workspace_id"
            + " AND s.scorecard_key = v.scorecard_key AND s.latest_version = v.version"
            + " WHERE v.workspace_id = :workspaceId ORDER BY v.scorecard_key")
    List<ScorecardVersionRow> latestVersions(@Bind("workspaceId") String workspaceId);

    @SqlBatch("INSERT INTO scorecard_metric (workspace_id, metric_key, scorecard_key, version)"
            + " VALUES (:workspaceId, :metricKey, :scorecardKey, :version)")
    void recordMetrics(@Bind("workspaceId") String workspaceId, @Bind("metricKey") List<String> metricKeys,
                       @Bind("scorecardKey") String scorecardKey, @Bind("version") int version);

    /** The published scorecards (key and version) that use a metric. */
    @SqlQuery("SELECT CONCAT(scorecard_key, ' v', version) FROM scorecard_metric WHERE workspace_id = :workspaceId"
            + " AND metric_key = :metricKey ORDER BY scorecard_key, version")
    List<String> publishedUsing(@Bind("workspaceId") String workspaceId, @Bind("metricKey") String metricKey);
}
