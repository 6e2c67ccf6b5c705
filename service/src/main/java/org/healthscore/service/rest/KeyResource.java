package org.healthscore.service.rest;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.healthscore.api.key.ApiKey;
import org.healthscore.api.key.CreateKeyRequest;
import org.healthscore.api.page.Page;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.key.KeyService;
import org.healthscore.service.paging.PageRequest;

@Path("/api/v1/keys")
@Produces(MediaType.APPLICATION_JSON)
public final class KeyResource {

    private final KeyService keys;

    public KeyResource(KeyService keys) {
        this.keys = keys;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Auth Caller caller, CreateKeyRequest request) {
        return Response.status(Response.Status.CREATED).entity(keys.create(caller, request)).build();
    }

    @GET
    public Page<ApiKey> list(@Auth Caller caller, @QueryParam("limit") String limit,
                             @QueryParam("cursor") String cursor) {
        return keys.list(caller, PageRequest.fromQuery(limit, cursor));
    }

    @DELETE
    @Path("/{id}")
    public Response revoke(@Auth Caller caller, @PathParam("id") String id) {
        keys.revoke(caller, id);
        return Response.noContent().build();
    }
}
