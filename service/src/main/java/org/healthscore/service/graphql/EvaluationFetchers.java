package org.healthscore.service.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.healthscore.api.evaluation.Evaluation;
import org.healthscore.api.evaluation.EvaluationReport;
import org.healthscore.api.evaluation.EvaluationRequest;
import org.healthscore.service.evaluations.EvaluationService;
import org.healthscore.service.paging.PageRequest;
import org.healthscore.service.problem.ApiException;
import org.healthscore.service.problem.ProblemKind;

/** Evaluations over GraphQL: adapters over {@link EvaluationService}, with the REST report's names. */
final class EvaluationFetchers {

    private static final String EVALUATION_ID = "evaluationId";

    private final EvaluationService evaluations;
    private final ObjectMapper json;

    EvaluationFetchers(EvaluationService evaluations, ObjectMapper json) {
        this.evaluations = evaluations;
        this.json = json;
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("evaluation", env -> {
                    try {
                        return evaluations.get(GraphQLCalls.caller(env), env.getArgument("id"));
                    } catch (ApiException e) {
                        if (e.kind() == ProblemKind.NOT_FOUND) {
                            return null;
                        }
                        throw e;
                    }
                })
                .dataFetcher("evaluations", env -> Connections.of(evaluations.list(GraphQLCalls.caller(env),
                        env.getArgument("scorecard"), PageRequest.fromGraphQL(env.getArgument("first"),
                                env.getArgument("after"))), EvaluationService::cursorOf)));
        wiring.type("Mutation", type -> type
                .dataFetcher("startEvaluation", env -> {
                    Map<String, Object> input = new LinkedHashMap<>(env.getArgument("input"));
                    input.replaceAll((k, v) -> v instanceof java.time.LocalDate d ? d.toString() : v);
                    return evaluations.start(GraphQLCalls.caller(env),
                            json.convertValue(input, EvaluationRequest.class), env.getArgument("idempotencyKey"));
                })
                .dataFetcher("applyEvaluationSuggestions", env -> evaluations.apply(GraphQLCalls.caller(env),
                        env.getArgument("id"))));
        wiring.type("Evaluation", type -> reportFields(type, env -> {
            Evaluation e = env.getSource();
            return e.report();
        }, true));
        wiring.type("EvaluationChallenger", type -> reportFields(type, env -> {
            Evaluation.Challenger c = env.getSource();
            return c.report();
        }, false));
        wiring.type("FalseGreens", type -> type.dataFetcher("rows", env -> {
            Map<String, Object> source = env.getSource();
            return Connections.of(evaluations.falseGreens(GraphQLCalls.caller(env), (String) source.get(EVALUATION_ID),
                    PageRequest.fromGraphQL(env.getArgument("first"), env.getArgument("after"))),
                    EvaluationService::falseGreenCursor);
        }));
    }

    /**
     * The report's statistics sit at the top of an Evaluation (and of its challenger), as in REST; null until
     * it has SUCCEEDED. Only the evaluated scorecard's false greens page their rows.
     */
    private TypeRuntimeWiring.Builder reportFields(TypeRuntimeWiring.Builder type,
                                                   graphql.schema.DataFetcher<EvaluationReport> reportOf,
                                                   boolean withRows) {
        for (RecordComponent field : EvaluationReport.class.getRecordComponents()) {
            type.dataFetcher(field.getName(), env -> {
                EvaluationReport report = reportOf.get(env);
                if (report == null) {
                    return null;
                }
                Object value = read(field, report);
                if (withRows && value instanceof EvaluationReport.FalseGreens fg) {
                    // The rows are paged separately; they need the evaluation's id.
                    Map<String, Object> falseGreens = new LinkedHashMap<>();
                    falseGreens.put("count", fg.count());
                    falseGreens.put("shareOfPositives", fg.shareOfPositives());
                    falseGreens.put(EVALUATION_ID, ((Evaluation) env.getSource()).id());
                    return falseGreens;
                }
                return value;
            });
        }
        return type;
    }

    private static Object read(RecordComponent field, EvaluationReport report) {
        try {
            return field.getAccessor().invoke(report);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}
