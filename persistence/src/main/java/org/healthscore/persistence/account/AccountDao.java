package org.healthscore.persistence.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.stringtemplate4.UseStringTemplateEngine;

@RegisterConstructorMapper(AccountRow.class)
public interface AccountDao {

    String COLUMNS = "id, workspace_id, external_id, name, segment, product_line, arr, owner, start_date,"
            + " renewal_date, attributes, created_at, updated_at";

    @SqlBatch("INSERT INTO account (" + COLUMNS + ") VALUES (:id, :workspaceId, :externalId, :name, :segment,"
            + " :productLine, :arr, :owner, :startDate, :renewalDate, :attributes, :createdAt, :updatedAt)")
    void insert(@BindMethods Collection<AccountRow> rows);

    @SqlBatch("UPDATE account SET name = :name, segment = :segment, product_line = :productLine, arr = :arr,"
            + " owner = :owner, start_date = :startDate, renewal_date = :renewalDate, attributes = :attributes,"
            + " updated_at = :updatedAt WHERE workspace_id = :workspaceId AND id = :id")
    void update(@BindMethods Collection<AccountRow> rows);

    @SqlQuery("SELECT " + COLUMNS + " FROM account WHERE workspace_id = :workspaceId AND external_id = :externalId")
    Optional<AccountRow> find(@Bind("workspaceId") String workspaceId, @Bind("externalId") String externalId);

    @SqlQuery("SELECT " + COLUMNS + " FROM account WHERE workspace_id = :workspaceId"
            + " AND external_id IN (<externalIds>)")
    List<AccountRow> findMany(@Bind("workspaceId") String workspaceId,
                              @BindList("externalIds") Collection<String> externalIds);

    /** In externalId order (by code point, as the collation is binary), optionally filtered. */
    @UseStringTemplateEngine
    @SqlQuery("SELECT " + COLUMNS + " FROM account WHERE workspace_id = :workspaceId"
            + "<if(segment)> AND segment = :segment<endif>"
            + "<if(productLine)> AND product_line = :productLine<endif>"
            + "<if(afterExternalId)> AND external_id > :afterExternalId<endif>"
            + "<if(onlyIds)> AND id IN (<ids>)<endif>"
            + " ORDER BY external_id LIMIT :limit")
    List<AccountRow> list(@Bind("workspaceId") String workspaceId,
                          @Define("segment") @Bind("segment") String segment,
                          @Define("productLine") @Bind("productLine") String productLine,
                          @Define("afterExternalId") @Bind("afterExternalId") String afterExternalId,
                          @Define("onlyIds") boolean onlyIds,
                          @BindList(value = "ids", onEmpty = BindList.EmptyHandling.NULL_STRING) Collection<Long> ids,
                          @Bind("limit") int limit);

    @SqlQuery("SELECT " + COLUMNS + " FROM account WHERE workspace_id = :workspaceId AND id IN (<ids>)")
    List<AccountRow> findByIds(@Bind("workspaceId") String workspaceId, @BindList("ids") Collection<Long> ids);

    /** Every account of a workspace (to form a scoring population). */
    @SqlQuery("SELECT " + COLUMNS + " FROM account WHERE workspace_id = :workspaceId")
    List<AccountRow> all(@Bind("workspaceId") String workspaceId);

    @SqlQuery("SELECT COUNT(*) FROM account WHERE workspace_id = :workspaceId")
    long count(@Bind("workspaceId") String workspaceId);

}
