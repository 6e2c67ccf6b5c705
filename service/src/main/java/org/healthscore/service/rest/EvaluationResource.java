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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.healthscore.api.evaluation.Evaluation;
import org.healthscore.api.evaluation.EvaluationRequest;
import org.healthscore.api.evaluation.FalseGreen;
import org.healthscore.api.page.Page;
import org.healthscore.api.scorecard.Scorecard;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.evaluations.EvaluationService;
import org.healthscore.service.paging.PageRequest;

/**
 * Evaluations: start (202 + Location), read with the report, list, false greens (JSON pages, CSV), the report as
 * an HTML page, apply.
 */
@Path("/api/v1/evaluations")
@Produces(MediaType.APPLICATION_JSON)
public final class EvaluationResource {

    private final EvaluationService evaluations;

    public EvaluationResource(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(@Auth Caller caller, @HeaderParam("Idempotency-Key") String idempotencyKey,
                          EvaluationRequest request) {
        Evaluation evaluation = evaluations.start(caller, request, idempotencyKey);
        return Response.accepted(evaluation)
                .location(UriBuilder.fromPath("/api/v1/evaluations/{id}").build(evaluation.id())).build();
    }

    @GET
    public Page<Evaluation> list(@Auth Caller caller, @QueryParam("scorecard") String scorecard,
                                 @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return evaluations.list(caller, scorecard, PageRequest.fromQuery(limit, cursor));
    }

    @GET
    @Path("/{id}")
    public Evaluation get(@Auth Caller caller, @PathParam("id") String id) {
        return evaluations.get(caller, id);
    }

    @GET
    @Path("/{id}/false-greens")
    public Page<FalseGreen> falseGreens(@Auth Caller caller, @PathParam("id") String id,
                                        @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return evaluations.falseGreens(caller, id, PageRequest.fromQuery(limit, cursor));
    }

    @GET
    @Path("/{id}/false-greens.csv")
    @Produces("text/csv")
    public Response falseGreensCsv(@Auth Caller caller, @PathParam("id") String id) {
        // Checked before streaming starts, so an unfinished or unknown evaluation is a clean problem+json.
        evaluations.falseGreens(caller, id, PageRequest.fromQuery("1", null));
        StreamingOutput body = output -> {
            Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            evaluations.falseGreensCsv(caller, id, writer);
        };
        return Response.ok(body, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"false-greens-" + id + ".csv\"").build();
    }

    @GET
    @Path("/{id}/report.html")
    @Produces(MediaType.TEXT_HTML)
    public Response reportPage(@Auth Caller caller, @PathParam("id") String id) {
        String page = evaluations.reportPage(caller, id);
        StreamingOutput body = output -> output.write(page.getBytes(StandardCharsets.UTF_8));
        // The page needs nothing from anywhere and runs no script; the policy makes a browser hold it to that.
        return Response.ok(body, "text/html; charset=utf-8")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none';"
                        + " form-action 'none'")
                .build();
    }

    @POST
    @Path("/{id}/apply")
    public Response apply(@Auth Caller caller, @PathParam("id") String id) {
        Scorecard draft = evaluations.apply(caller, id);
        return Response.ok(draft).tag(Revisions.etag(draft.draftRevision())).build();
    }
}
