package org.healthscore.service.graphql;

import java.util.Map;

/** The GraphQL-over-HTTP request body; {@code extensions} is accepted (clients send it) and ignored. */
public record GraphQLRequest(String query, String operationName, Map<String, Object> variables,
                             Map<String, Object> extensions) {
}
