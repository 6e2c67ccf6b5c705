package org.healthscore.service.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.healthscore.service.problem.ApiException;
import org.healthscore.service.problem.DatabaseOutage;
import org.healthscore.service.problem.ProblemKind;
import org.healthscore.service.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service refusal becomes a GraphQL error whose {@code extensions.code} says what kind it is
 * (and, for validation, which fields); a fault is logged and reported without its stack.
 */
final class ProblemExceptionHandler implements DataFetcherExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
            DataFetcherExceptionHandlerParameters params) {
        Throwable e = params.getException();
        ApiException refusal = Problems.find(e);
        if (refusal == null && DatabaseOutage.is(e)) {
            LOG.warn("GraphQL field failed, database unreachable: {}", e.getMessage());
            refusal = DatabaseOutage.unavailable();
        }
        if (refusal == null && e instanceof IllegalArgumentException bad
                && bad.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
            var field = org.healthscore.service.json.JsonErrors.describe(json);
            refusal = ApiException.invalid(field.field(), field.reason());
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        String message;
        if (refusal != null) {
            extensions.put("code", refusal.kind().graphqlCode());
            extensions.put("status", refusal.kind().status());
            if (!refusal.errors().isEmpty()) {
                extensions.put("errors", refusal.errors());
            }
            message = refusal.getMessage();
        } else {
            String id = UUID.randomUUID().toString();
            LOG.error("Unhandled GraphQL error {}", id, e);
            extensions.put("code", ProblemKind.INTERNAL.graphqlCode());
            message = "The server failed to handle this field; quote error id " + id + " to its operators";
        }
        GraphQLError error = GraphqlErrorBuilder.newError(params.getDataFetchingEnvironment())
                .message(message).extensions(extensions).build();
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error).build());
    }
}
