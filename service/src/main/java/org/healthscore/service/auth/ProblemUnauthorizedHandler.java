package org.healthscore.service.auth;

import io.dropwizard.auth.UnauthorizedHandler;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.healthscore.api.problem.Problem;
import org.healthscore.service.problem.ProblemKind;
import org.healthscore.service.problem.Problems;

/** A missing or unknown key: 401 as problem+json (dropwizard-auth's default is text/plain). */
public final class ProblemUnauthorizedHandler implements UnauthorizedHandler {

    @Override
    public Response buildResponse(String prefix, String realm) {
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, prefix + " realm=\"" + realm + "\"")
                .type(Problem.MEDIA_TYPE)
                .entity(Problems.of(ProblemKind.UNAUTHENTICATED,
                        "Send a valid, unrevoked API key as 'Authorization: Bearer <secret>'"))
                .build();
    }
}
