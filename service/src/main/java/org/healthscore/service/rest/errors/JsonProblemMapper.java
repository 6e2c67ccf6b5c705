package org.healthscore.service.rest.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.healthscore.api.problem.FieldError;
import org.healthscore.service.json.JsonErrors;
import org.healthscore.service.problem.ApiException;
import org.healthscore.service.problem.Problems;

/**
 * A body Jackson could not read: malformed JSON, an unknown field, a wrong type, a fuzzy enum.
 * Answers 400 naming the field by its dotted path, in words rather than Jackson's class names.
 */
public final class JsonProblemMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException e) {
        ApiException wrapped = Problems.find(e);
        if (wrapped != null) {
            return ProblemResponses.of(Problems.of(wrapped));
        }
        FieldError error = JsonErrors.describe(e);
        return ProblemResponses.of(Problems.of(ApiException.badRequest(error.field(), error.reason())));
    }
}
