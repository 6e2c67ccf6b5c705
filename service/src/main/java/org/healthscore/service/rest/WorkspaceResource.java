package org.healthscore.service.rest;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.healthscore.api.page.Page;
import org.healthscore.api.workspace.CreateWorkspaceRequest;
import org.healthscore.api.workspace.CreatedWorkspace;
import org.healthscore.api.workspace.Workspace;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.paging.PageRequest;
import org.healthscore.service.workspace.WorkspaceService;

@Path("/api/v1/workspaces")
@Produces(MediaType.APPLICATION_JSON)
public final class WorkspaceResource {

    private final WorkspaceService workspaces;

    public WorkspaceResource(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Auth Caller caller, CreateWorkspaceRequest request) {
        CreatedWorkspace created = workspaces.create(caller, request);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    public Page<Workspace> list(@Auth Caller caller, @QueryParam("limit") String limit,
                                @QueryParam("cursor") String cursor) {
        return workspaces.list(caller, PageRequest.fromQuery(limit, cursor));
    }
}
