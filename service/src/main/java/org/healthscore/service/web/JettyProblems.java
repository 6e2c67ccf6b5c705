package org.healthscore.service.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.healthscore.api.problem.Problem;
import org.healthscore.service.problem.ProblemKind;
import org.healthscore.service.problem.Problems;

/** Problem documents for errors Jetty answers itself, before or outside Jersey. */
final class JettyProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JettyProblems() {
    }

    static byte[] body(int status, String message) {
        ProblemKind kind = ProblemKind.forStatus(status);
        String detail = status == 404 ? "Nothing at this path"
                : status >= 500 ? "The server failed to handle this request"
                : message != null && !message.isBlank() && !message.contains("Exception") ? message
                : HttpStatus.getMessage(status);
        // A status with no kind of its own (431, say) keeps its own number and reason phrase.
        Problem problem = kind.status() == status ? Problems.of(kind, detail)
                : new Problem(kind.type(), HttpStatus.getMessage(status), status, detail, null);
        try {
            return JSON.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void write(Response response, Callback callback, int status, String message) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.write(true, ByteBuffer.wrap(body(status, message)), callback);
    }
}
