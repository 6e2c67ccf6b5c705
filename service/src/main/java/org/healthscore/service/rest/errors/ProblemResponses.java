package org.healthscore.service.rest.errors;

import jakarta.ws.rs.core.Response;
import org.healthscore.api.problem.Problem;

/** A problem document as a JAX-RS response. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static Response of(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
