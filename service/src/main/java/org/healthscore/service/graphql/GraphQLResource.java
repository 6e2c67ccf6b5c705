package org.healthscore.service.graphql;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.problem.ApiException;

/**
 * {@code POST /graphql}. Authentication is the same bearer key as REST; without a valid one the
 * answer is 401 with a GraphQL error coded UNAUTHENTICATED, so GraphQL clients read it as usual.
 */
@Path("/graphql")
@Produces(MediaType.APPLICATION_JSON)
public final class GraphQLResource {

    private final GraphQLEngine engine;

    public GraphQLResource(GraphQLEngine engine) {
        this.engine = engine;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response execute(@Auth Optional<Caller> caller, GraphQLRequest request) {
        if (caller.isEmpty()) {
            return Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"healthscore\"")
                    .entity(GraphQLEngine.refusal("Send a valid, unrevoked API key as 'Authorization: Bearer <secret>'",
                            "UNAUTHENTICATED"))
                    .build();
        }
        if (request == null || request.query() == null || request.query().isBlank()) {
            throw ApiException.badRequest("query", "is required");
        }
        Map<String, Object> result = engine.execute(caller.get(), request.query(), request.operationName(),
                request.variables());
        return Response.ok(result).build();
    }
}
