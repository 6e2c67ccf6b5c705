package org.healthscore.service.rest.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.healthscore.service.problem.ApiException;
import org.healthscore.service.problem.Problems;

public final class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Override
    public Response toResponse(ApiException e) {
        return ProblemResponses.of(Problems.of(e));
    }
}
