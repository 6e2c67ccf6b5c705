package org.healthscore.service.rest.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import jakarta.ws.rs.core.HttpHeaders;
import org.healthscore.service.problem.ApiException;
import org.healthscore.service.problem.DatabaseOutage;
import org.healthscore.service.problem.ProblemKind;
import org.healthscore.service.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort: a refusal wrapped by a library; a lost database (503 with Retry-After, so
 * clients retry); or a real fault, logged with an id the client can quote.
 */
public final class ThrowableMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ThrowableMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        ApiException wrapped = Problems.find(e);
        if (wrapped != null) {
            return ProblemResponses.of(Problems.of(wrapped));
        }
        if (DatabaseOutage.is(e)) {
            // Logged without the stack: the pool and the health check say the same, once per request is noise.
            LOG.warn("Request refused with 503, database unreachable: {}", rootMessage(e));
            return Response.fromResponse(ProblemResponses.of(Problems.of(DatabaseOutage.unavailable())))
                    .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS).build();
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

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
