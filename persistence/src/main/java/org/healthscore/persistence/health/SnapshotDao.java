package org.healthscore.persistence.health;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(SnapshotRow.class)
public interface SnapshotDao {

    String COLUMNS = "account_id, scorecard_key, version, as_of, workspace_id, score, band, document, computed_at";

    /** Clears the snapshots a batch is about to write, so writing twice leaves one row per key. */
    @SqlUpdate("DELETE FROM score_snapshot WHERE workspace_id = :workspaceId AND scorecard_key = :key"
            + " AND version = :version AND as_of = :asOf AND account_id IN (<accountIds>)")
    int clear(@Bind("workspaceId") String workspaceId, @Bind("key") String key, @Bind("version") int version,
              @Bind("asOf") LocalDate asOf, @BindList("accountIds") Collection<Long> accountIds);

    @SqlBatch("INSERT INTO score_snapshot (" + COLUMNS + ") VALUES (:accountId, :scorecardKey, :version, :asOf,"
            + " :workspaceId, :score, :band, :document, :computedAt)")
    void insert(@BindMethods Collection<SnapshotRow> rows);

    /** Stored scores of one account under a scorecard (any version), oldest first, with from <= asOf <= to. */
    @SqlQuery("SELECT " + COLUMNS + " FROM score_snapshot WHERE workspace_id = :workspaceId AND account_id = :accountId"
            + " AND scorecard_key = :key AND as_of >= :from AND :to >= as_of ORDER BY as_of, version")
    List<SnapshotRow> history(@Bind("workspaceId") String workspaceId, @Bind("accountId") long accountId,
                              @Bind("key") String key, @Bind("from") LocalDate from, @Bind("to") LocalDate to);

    /** Scored snapshots of some accounts under a scorecard with from <= asOf <= to (for trends). */
    @SqlQuery("SELECT " + COLUMNS + " FROM score_snapshot WHERE workspace_id = :workspaceId AND scorecard_key = :key"
            + " AND account_id IN (<accountIds>) AND as_of >= :from AND :to >= as_of AND score IS NOT NULL")
    List<SnapshotRow> scoredBetween(@Bind("workspaceId") String workspaceId, @Bind("key") String key,
                                    @BindList("accountIds") Collection<Long> accountIds,
                                    @Bind("from") LocalDate from, @Bind("to") LocalDate to);

    /** Accounts whose newest stored score under a scorecard is in {@code band}. */
    @SqlQuery("SELECT s.account_id FROM score_snapshot s WHERE s.workspace_id = :workspaceId"
            + " AND s.scorecard_key = :key AND s.band = :band AND s.as_of = (SELECT MAX(t.as_of) FROM score_snapshot t"
            + " WHERE t.workspace_id = s.workspace_id AND t.account_id = s.account_id AND t.scorecard_key = s.scorecard_key)"
            + " AND s.version = (SELECT MAX(u.version) FROM score_snapshot u WHERE u.workspace_id = s.workspace_id"
            + " AND u.account_id = s.account_id AND u.scorecard_key = s.scorecard_key AND u.as_of = s.as_of)")
    List<Long> accountsInBand(@Bind("workspaceId") String workspaceId, @Bind("key") String key,
                              @Bind("band") String band);

    /** The stored scores of some accounts under one version at one asOf (an evaluation of stored history). */
    @SqlQuery("SELECT " + COLUMNS + " FROM score_snapshot WHERE workspace_id = :workspaceId AND scorecard_key = :key"
            + " AND version = :version AND as_of = :asOf AND account_id IN (<accountIds>)")
    List<SnapshotRow> at(@Bind("workspaceId") String workspaceId, @Bind("key") String key,
                         @Bind("version") int version, @Bind("asOf") LocalDate asOf,
                         @BindList("accountIds") Collection<Long> accountIds);
}
