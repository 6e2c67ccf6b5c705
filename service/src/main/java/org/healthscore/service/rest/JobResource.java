package org.healthscore.service.rest;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.healthscore.api.job.Job;
import org.healthscore.api.job.RecomputeRequest;
import org.healthscore.api.page.Page;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.jobs.JobService;
import org.healthscore.service.paging.PageRequest;

/** Re-scoring jobs: start (202 + Location), poll, list, cancel. */
@Path("/api/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
public final class JobResource {

    private final JobService jobs;

    public JobResource(JobService jobs) {
        this.jobs = jobs;
    }

    @POST
    @Path("/recompute")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response recompute(@Auth Caller caller, @HeaderParam("Idempotency-Key") String idempotencyKey,
                              RecomputeRequest request) {
        Job job = jobs.startRecompute(caller, request, idempotencyKey);
        return Response.accepted(job).location(UriBuilder.fromPath("/api/v1/jobs/{id}").build(job.id())).build();
    }

    @GET
    public Page<Job> list(@Auth Caller caller, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return jobs.list(caller, PageRequest.fromQuery(limit, cursor));
    }

    @GET
    @Path("/{id}")
    public Job get(@Auth Caller caller, @PathParam("id") String id) {
        return jobs.get(caller, id);
    }

    @POST
    @Path("/{id}/cancel")
    public Job cancel(@Auth Caller caller, @PathParam("id") String id) {
        return jobs.cancel(caller, id);
    }
}
