package org.healthscore.persistence.account;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(OutcomeRow.class)
public interface OutcomeDao {

    String COLUMNS = "id, workspace_id, account_id, outcome_type, occurred_at, amount";

    @SqlBatch("INSERT INTO outcome (" + COLUMNS + ") VALUES (:id, :workspaceId, :accountId, :outcomeType,"
            + " :occurredAt, :amount)")
    void insert(@BindMethods Collection<OutcomeRow> rows);

    @SqlBatch("UPDATE outcome SET amount = :amount WHERE workspace_id = :workspaceId AND id = :id")
    void update(@BindMethods Collection<OutcomeRow> rows);

    @SqlQuery("SELECT " + COLUMNS + " FROM outcome WHERE workspace_id = :workspaceId"
            + " AND account_id IN (<accountIds>)")
    List<OutcomeRow> forAccounts(@Bind("workspaceId") String workspaceId,
                                 @BindList("accountIds") Collection<Long> accountIds);

    @SqlQuery("SELECT " + COLUMNS + " FROM outcome WHERE workspace_id = :workspaceId AND account_id = :accountId"
            + " ORDER BY occurred_at, outcome_type")
    List<OutcomeRow> forAccount(@Bind("workspaceId") String workspaceId, @Bind("accountId") long accountId);

    /** Accounts with an outcome of {@code type} on or before {@code onOrBefore} (churned accounts are not active). */
    @SqlQuery("SELECT DISTINCT account_id FROM outcome WHERE workspace_id = :workspaceId AND outcome_type = :type"
            + " AND :onOrBefore >= occurred_at")
    List<Long> accountsWith(@Bind("workspaceId") String workspaceId,
                            @Bind("type") org.healthscore.api.account.OutcomeType type,
                            @Bind("onOrBefore") java.time.LocalDate onOrBefore);

    @SqlQuery("SELECT COUNT(*) FROM outcome WHERE workspace_id = :workspaceId")
    long count(@Bind("workspaceId") String workspaceId);

    /** The newest outcome time of one type in a workspace; null when there is none. */
    @SqlQuery("SELECT MAX(occurred_at) FROM outcome WHERE workspace_id = :workspaceId AND outcome_type = :type")
    LocalDate newestOf(@Bind("workspaceId") String workspaceId,
                       @Bind("type") org.healthscore.api.account.OutcomeType type);
}
