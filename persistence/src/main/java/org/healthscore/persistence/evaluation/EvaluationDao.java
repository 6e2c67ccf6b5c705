package org.healthscore.persistence.evaluation;

import java.time.Instant;
import java.time.LocalDate;
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
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.stringtemplate4.UseStringTemplateEngine;

/** Evaluations, their rows, and their reports. Every query names the workspace or an evaluation already scoped. */
@RegisterConstructorMapper(EvaluationRecord.class)
@RegisterConstructorMapper(EvaluationRowRecord.class)
public interface EvaluationDao {

    String EVALUATION = "id, workspace_id, scorecard_key, version, outcome, source, design, report,"
            + " challenger_report, created_at";
    String ROW = "evaluation_id, variant, account_id, as_of, workspace_id, external_id, segment, score,"
            + " measure_scores, candidate_scores, positive, outcome_date";

    @SqlUpdate("INSERT INTO evaluation (" + EVALUATION + ") VALUES (:id, :workspaceId, :scorecardKey, :version,"
            + " :outcome, :source, :design, :report, :challengerReport, :createdAt)")
    void insert(@BindMethods EvaluationRecord record);

    @SqlQuery("SELECT " + EVALUATION + " FROM evaluation WHERE workspace_id = :workspaceId AND id = :id")
    Optional<EvaluationRecord> find(@Bind("workspaceId") String workspaceId, @Bind("id") String id);

    @SqlQuery("SELECT " + EVALUATION + " FROM evaluation WHERE workspace_id = :workspaceId AND id IN (<ids>)")
    List<EvaluationRecord> findMany(@Bind("workspaceId") String workspaceId, @BindList("ids") Collection<String> ids);

    @SqlUpdate("UPDATE evaluation SET report = :report, challenger_report = :challenger"
            + " WHERE workspace_id = :workspaceId AND id = :id")
    int saveReport(@Bind("workspaceId") String workspaceId, @Bind("id") String id, @Bind("report") String report,
                   @Bind("challenger") String challengerReport);

    /** Newest first; optionally one scorecard's. */
    @UseStringTemplateEngine
    @SqlQuery("SELECT " + EVALUATION + " FROM evaluation WHERE workspace_id = :workspaceId"
            + "<if(scorecard)> AND scorecard_key = :scorecard<endif>"
            + "<if(beforeId)> AND (created_at \\< :beforeAt OR (created_at = :beforeAt AND id \\< :beforeId))<endif>"
            + " ORDER BY created_at DESC, id DESC LIMIT :limit")
    List<EvaluationRecord> list(@Bind("workspaceId") String workspaceId,
                                @Define("scorecard") @Bind("scorecard") String scorecard,
                                @Bind("beforeAt") Instant beforeAt,
                                @Define("beforeId") @Bind("beforeId") String beforeId, @Bind("limit") int limit);

    /** Clears a chunk's rows before they are written, so a chunk processed twice leaves one row per key. */
    @SqlUpdate("DELETE FROM evaluation_row WHERE evaluation_id = :id AND account_id IN (<accountIds>)")
    int clearRows(@Bind("id") String evaluationId, @BindList("accountIds") Collection<Long> accountIds);

    @SqlBatch("INSERT INTO evaluation_row (" + ROW + ") VALUES (:evaluationId, :variant, :accountId, :asOf,"
            + " :workspaceId, :externalId, :segment, :score, :measureScores, :candidateScores, :positive,"
            + " :outcomeDate)")
    void insertRows(@BindMethods Collection<EvaluationRowRecord> rows);

    /** Every row of one variant in (account, asOf) order, streamed to {@code sink}. */
    default void rows(String evaluationId, int variant, Consumer<EvaluationRowRecord> sink) {
        rowsInOrder(evaluationId, variant).forEach(sink);
    }

    @SqlQuery("SELECT " + ROW + " FROM evaluation_row WHERE evaluation_id = :id AND variant = :variant"
            + " ORDER BY external_id, as_of")
    org.jdbi.v3.core.result.ResultIterable<EvaluationRowRecord> rowsInOrder(@Bind("id") String evaluationId,
                                                                            @Bind("variant") int variant);

    /** GREEN rows (score at or above {@code greenFrom}) with the outcome: the false greens, a page at a time. */
    @UseStringTemplateEngine
    @SqlQuery("SELECT " + ROW + " FROM evaluation_row WHERE evaluation_id = :id AND variant = :variant"
            + " AND positive = 1 AND score >= :greenFrom"
            + "<if(afterAccount)> AND (external_id > :afterAccount OR (external_id = :afterAccount"
            + " AND as_of > :afterAsOf))<endif>"
            + " ORDER BY external_id, as_of LIMIT :limit")
    List<EvaluationRowRecord> falseGreens(@Bind("id") String evaluationId, @Bind("variant") int variant,
                                          @Bind("greenFrom") double greenFrom,
                                          @Define("afterAccount") @Bind("afterAccount") String afterAccount,
                                          @Bind("afterAsOf") LocalDate afterAsOf, @Bind("limit") int limit);
}
