package org.healthscore.service.rest.errors;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.healthscore.service.problem.ProblemKind;
import org.healthscore.service.problem.Problems;

/** Jersey's own refusals (unknown path, wrong method, media types) as problem documents. */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    private UriInfo uri;

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        if (original.getEntity() instanceof org.healthscore.api.problem.Problem) {
            return original;
        }
        int status = original.getStatus();
        ProblemKind kind = ProblemKind.forStatus(status);
        String detail;
        if (e instanceof NotFoundException) {
            detail = "Nothing at " + path();
        } else if (e instanceof NotAllowedException) {
            detail = "This method is not allowed on " + path() + "; allowed: " + String.join(", ",
                    original.getAllowedMethods());
        } else if (e instanceof NotSupportedException) {
            detail = "Content-Type " + contentType() + " is not accepted here; send application/json";
        } else if (e instanceof NotAcceptableException) {
            detail = "None of the media types in Accept can be produced here";
        } else if (status >= 500) {
            detail = "The server failed to handle this request";
        } else {
            detail = original.getStatusInfo().getReasonPhrase();
        }
        Response.ResponseBuilder out = Response.fromResponse(ProblemResponses.of(Problems.of(kind, detail)));
        if (e instanceof NotAllowedException) {
            out.allow(original.getAllowedMethods());
        }
        String challenge = original.getHeaderString(HttpHeaders.WWW_AUTHENTICATE);
        if (challenge != null) {
            out.header(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        return out.build();
    }

    private String path() {
        return uri == null ? "this path" : "/" + uri.getPath();
    }

    private String contentType() {
        String type = headers == null ? null : headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        return type == null ? "(none)" : type;
    }
}
