package org.healthscore.service.rest;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.healthscore.api.metric.Metric;
import org.healthscore.api.metric.MetricInput;
import org.healthscore.api.metric.MetricRevision;
import org.healthscore.api.page.Page;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.catalog.MetricFilter;
import org.healthscore.service.catalog.MetricService;
import org.healthscore.service.paging.PageRequest;

@Path("/api/v1/metrics")
@Produces(MediaType.APPLICATION_JSON)
public final class MetricResource {

    private final MetricService metrics;

    public MetricResource(MetricService metrics) {
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Auth Caller caller, MetricInput input) {
        Metric metric = metrics.create(caller, input);
        return Response.created(UriBuilder.fromPath("/api/v1/metrics/{key}").build(metric.key()))
                .tag(Revisions.etag(metric.revision())).entity(metric).build();
    }

    @GET
    public Page<Metric> list(@Auth Caller caller, @QueryParam("dimension") String dimension,
                             @QueryParam("status") String status, @QueryParam("tag") String tag,
                             @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.fromQuery(limit, cursor);
        return metrics.list(caller, MetricFilter.fromQuery(dimension, status, tag), page);
    }

    @GET
    @Path("/{key}")
    public Response get(@Auth Caller caller, @PathParam("key") String key) {
        Metric metric = metrics.get(caller, key);
        return Response.ok(metric).tag(Revisions.etag(metric.revision())).build();
    }

    @PUT
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@Auth Caller caller, @PathParam("key") String key,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, MetricInput input) {
        Metric metric = metrics.update(caller, key, Revisions.ifMatch(ifMatch), input);
        return Response.ok(metric).tag(Revisions.etag(metric.revision())).build();
    }

    @DELETE
    @Path("/{key}")
    public Response delete(@Auth Caller caller, @PathParam("key") String key,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        metrics.delete(caller, key, Revisions.ifMatch(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path("/{key}/revisions")
    public Page<MetricRevision> revisions(@Auth Caller caller, @PathParam("key") String key,
                                          @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return metrics.revisions(caller, key, PageRequest.fromQuery(limit, cursor));
    }
}
