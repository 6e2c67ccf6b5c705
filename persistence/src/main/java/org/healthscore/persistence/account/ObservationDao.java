package org.healthscore.persistence.account;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;
import org.jdbi.v3.stringtemplate4.UseStringTemplateEngine;

@RegisterConstructorMapper(ObservationRow.class)
public interface ObservationDao {

    String COLUMNS = "account_id, metric_id, observed_at, raw_value, workspace_id";

    /** Batched; with Connector/J's rewriteBatchedStatements this becomes multi-row INSERTs. */
    @SqlBatch("INSERT INTO observation (" + COLUMNS + ") VALUES (:accountId, :metricId, :observedAt, :rawValue,"
            + " :workspaceId)")
    void insert(@BindMethods Collection<ObservationRow> rows);

    @SqlBatch("UPDATE observation SET raw_value = :rawValue WHERE account_id = :accountId AND metric_id = :metricId"
            + " AND observed_at = :observedAt AND workspace_id = :workspaceId")
    void update(@BindMethods Collection<ObservationRow> rows);

    /**
     * The stored rows among a batch's keys: a superset query (every combination of the given
     * accounts, metrics and times) that the caller narrows to the exact keys.
     */
    @SqlQuery("SELECT " + COLUMNS + " FROM observation WHERE workspace_id = :workspaceId"
            + " AND account_id IN (<accountIds>) AND metric_id IN (<metricIds>) AND observed_at IN (<times>)")
    List<ObservationRow> findAmong(@Bind("workspaceId") String workspaceId,
                                   @BindList("accountIds") Collection<Long> accountIds,
                                   @BindList("metricIds") Collection<Long> metricIds,
                                   @BindList("times") Collection<Instant> times);

    @SqlQuery("SELECT " + COLUMNS + " FROM observation WHERE workspace_id = :workspaceId AND account_id = :accountId"
            + " AND metric_id = :metricId AND observed_at = :observedAt")
    Optional<ObservationRow> find(@Bind("workspaceId") String workspaceId, @Bind("accountId") long accountId,
                                  @Bind("metricId") long metricId, @Bind("observedAt") Instant observedAt);

    /** One account's observations, newest first, optionally of one metric and in (from, to]. */
    @UseStringTemplateEngine
    @SqlQuery("SELECT " + COLUMNS + " FROM observation WHERE workspace_id = :workspaceId AND account_id = :accountId"
            + "<if(metricId)> AND metric_id = :metricId<endif>"
            + "<if(from)> AND observed_at > :from<endif>"
            + "<if(to)> AND observed_at \\<= :to<endif>"
            + "<if(beforeMetricId)> AND (observed_at \\< :beforeAt OR (observed_at = :beforeAt"
            + " AND metric_id \\< :beforeMetricId))<endif>"
            + " ORDER BY observed_at DESC, metric_id DESC LIMIT :limit")
    List<ObservationRow> forAccount(@Bind("workspaceId") String workspaceId, @Bind("accountId") long accountId,
                                    @Define("metricId") @Bind("metricId") Long metricId,
                                    @Define("from") @Bind("from") Instant from,
                                    @Define("to") @Bind("to") Instant to,
                                    @Bind("beforeAt") Instant beforeAt,
                                    @Define("beforeMetricId") @Bind("beforeMetricId") Long beforeMetricId,
                                    @Bind("limit") int limit);

    /*
     * The scoring reads below hand each row to a consumer as it is read, oldest first per (account, metric),
     * rather than returning a list: a re-scoring job reads every observation of its accounts through them.
     */

    /** The observations of some accounts and metrics with {@code from < observed_at < to}, oldest first. */
    @UseRowMapper(ObservationPoint.Mapper.class)
    @SqlQuery("SELECT account_id, metric_id, observed_at, raw_value FROM observation WHERE workspace_id = :workspaceId"
            + " AND account_id IN (<accountIds>) AND metric_id IN (<metricIds>)"
            + " AND observed_at > :from AND :to > observed_at ORDER BY account_id, metric_id, observed_at")
    void inRange(@Bind("workspaceId") String workspaceId, @BindList("accountIds") Collection<Long> accountIds,
                 @BindList("metricIds") Collection<Long> metricIds, @Bind("from") Instant from,
                 @Bind("to") Instant to, Consumer<ObservationPoint> each);

    /**
     * The observations of the accounts with {@code minAccountId <= id <= maxAccountId}: one range scan
     * in primary-key order, for a job chunk whose accounts are consecutive in id order.
     */
    @UseRowMapper(ObservationPoint.Mapper.class)
    @SqlQuery("SELECT account_id, metric_id, observed_at, raw_value FROM observation WHERE workspace_id = :workspaceId"
            + " AND account_id >= :minAccountId AND :maxAccountId >= account_id AND metric_id IN (<metricIds>)"
            + " AND observed_at > :from AND :to > observed_at ORDER BY account_id, metric_id, observed_at")
    void inAccountRange(@Bind("workspaceId") String workspaceId, @Bind("minAccountId") long minAccountId,
                        @Bind("maxAccountId") long maxAccountId, @BindList("metricIds") Collection<Long> metricIds,
                        @Bind("from") Instant from, @Bind("to") Instant to, Consumer<ObservationPoint> each);

    /** Every account's observations of some metrics with {@code from < observed_at < to} (a population). */
    @UseRowMapper(ObservationPoint.Mapper.class)
    @SqlQuery("SELECT account_id, metric_id, observed_at, raw_value FROM observation WHERE workspace_id = :workspaceId"
            + " AND metric_id IN (<metricIds>) AND observed_at > :from AND :to > observed_at"
            + " ORDER BY account_id, metric_id, observed_at")
    void allInRange(@Bind("workspaceId") String workspaceId, @BindList("metricIds") Collection<Long> metricIds,
                    @Bind("from") Instant from, @Bind("to") Instant to, Consumer<ObservationPoint> each);

    /** The newest observation at or before {@code atOrBefore} of each (account, metric): how old the data is. */
    @SqlQuery("SELECT o.account_id, o.metric_id, o.observed_at, o.raw_value, o.workspace_id FROM observation o"
            + " JOIN (SELECT account_id, metric_id, MAX(observed_at) AS newest FROM observation"
            + " WHERE workspace_id = :workspaceId AND account_id IN (<accountIds>) AND metric_id IN (<metricIds>)"
            + " AND :atOrBefore >= observed_at GROUP BY account_id, metric_id) n"
            + " ON o.account_id = n.account_id AND o.metric_id = n.metric_id AND o.observed_at = n.newest"
            + " WHERE o.workspace_id = :workspaceId")
    List<ObservationRow> newest(@Bind("workspaceId") String workspaceId,
                                @BindList("accountIds") Collection<Long> accountIds,
                                @BindList("metricIds") Collection<Long> metricIds,
                                @Bind("atOrBefore") Instant atOrBefore);

    @SqlQuery("SELECT COUNT(*) FROM observation WHERE workspace_id = :workspaceId")
    long count(@Bind("workspaceId") String workspaceId);

    @SqlQuery("SELECT COUNT(*) FROM observation WHERE workspace_id = :workspaceId AND metric_id = :metricId")
    long countForMetric(@Bind("workspaceId") String workspaceId, @Bind("metricId") long metricId);

    /** The newest observation time of one metric in a workspace; null when it has none. */
    @SqlQuery("SELECT MAX(observed_at) FROM observation WHERE workspace_id = :workspaceId AND metric_id = :metricId")
    Instant newestOf(@Bind("workspaceId") String workspaceId, @Bind("metricId") long metricId);
}
