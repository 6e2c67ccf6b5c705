package org.healthscore.service.rest.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import org.healthscore.service.problem.ApiException;
import org.healthscore.service.problem.ProblemKind;
import org.healthscore.service.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The last resort: a refusal wrapped by a library, or a real fault, logged with an id the client can quote. */
public final class ThrowableMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ThrowableMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        ApiException wrapped = Problems.find(e);
        if (wrapped != null) {
            return ProblemResponses.of(Problems.of(wrapped));
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WebApplicationException web) {
                return new WebApplicationExceptionMapper().toResponse(web);
            }
            if (t instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
                return new JsonProblemMapper().toResponse(json);
            }
            if (t instanceof org.eclipse.jetty.io.EofException) {
                // The client's body ended early or its chunked framing was broken: its fault, not ours.
                return ProblemResponses.of(Problems.of(ApiException.badRequest("body",
                        "ended before it was complete (broken framing or a dropped connection)")));
            }
        }
        String id = UUID.randomUUID().toString();
        LOG.error("Unhandled error {}", id, e);
        return ProblemResponses.of(Problems.of(ProblemKind.INTERNAL,
                "The server failed to handle this request; quote error id " + id + " to its operators"));
    }
}
