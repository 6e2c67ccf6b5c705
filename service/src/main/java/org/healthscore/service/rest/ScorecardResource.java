package org.healthscore.service.rest;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.healthscore.api.page.Page;
import org.healthscore.api.scorecard.FrameworkTemplate;
import org.healthscore.api.scorecard.Scorecard;
import org.healthscore.api.scorecard.ScorecardInput;
import org.healthscore.api.scorecard.ScorecardVersion;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.paging.PageRequest;
import org.healthscore.service.problem.ApiException;
import org.healthscore.service.scorecards.Frameworks;
import org.healthscore.service.scorecards.ScorecardService;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class ScorecardResource {

    private final ScorecardService scorecards;
    private final Frameworks frameworks;

    public ScorecardResource(ScorecardService scorecards, Frameworks frameworks) {
        this.scorecards = scorecards;
        this.frameworks = frameworks;
    }

    @GET
    @Path("/frameworks")
    public List<FrameworkTemplate> frameworks(@Auth Caller caller) {
        caller.workspace(org.healthscore.api.key.Role.READER);
        return frameworks.all();
    }

    @POST
    @Path("/scorecards")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Auth Caller caller, ScorecardInput input) {
        Scorecard created = scorecards.create(caller, input);
        return Response.created(UriBuilder.fromPath("/api/v1/scorecards/{key}").build(created.key()))
                .tag(Revisions.etag(created.draftRevision())).entity(created).build();
    }

    @GET
    @Path("/scorecards")
    public Page<Scorecard> list(@Auth Caller caller, @QueryParam("limit") String limit,
                                @QueryParam("cursor") String cursor) {
        return scorecards.list(caller, PageRequest.fromQuery(limit, cursor));
    }

    @GET
    @Path("/scorecards/{key}")
    public Response get(@Auth Caller caller, @PathParam("key") String key) {
        Scorecard scorecard = scorecards.get(caller, key);
        return Response.ok(scorecard).tag(Revisions.etag(scorecard.draftRevision())).build();
    }

    @PUT
    @Path("/scorecards/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response updateDraft(@Auth Caller caller, @PathParam("key") String key,
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ScorecardInput input) {
        Scorecard scorecard = scorecards.updateDraft(caller, key, Revisions.ifMatch(ifMatch), input);
        return Response.ok(scorecard).tag(Revisions.etag(scorecard.draftRevision())).build();
    }

    @POST
    @Path("/scorecards/{key}/publish")
    public Response publish(@Auth Caller caller, @PathParam("key") String key) {
        ScorecardVersion version = scorecards.publish(caller, key);
        return Response.created(UriBuilder.fromPath("/api/v1/scorecards/{key}/versions/{n}")
                .build(key, version.version())).entity(version).build();
    }

    @GET
    @Path("/scorecards/{key}/versions/{version}")
    public ScorecardVersion version(@Auth Caller caller, @PathParam("key") String key,
                                    @PathParam("version") String version) {
        int n;
        try {
            n = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("Scorecard " + key + " has no version '" + version + "'");
        }
        return scorecards.version(caller, key, n);
    }
}
