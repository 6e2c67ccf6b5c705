package org.healthscore.service.rest;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.healthscore.api.health.ComputeRequest;
import org.healthscore.api.health.ComputeResponse;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.health.HealthService;

/** {@code POST /scores/compute}: synchronous scores for up to 1,000 accounts, for partner systems. */
@Path("/api/v1/scores")
@Produces(MediaType.APPLICATION_JSON)
public final class ScoreResource {

    private final HealthService health;

    public ScoreResource(HealthService health) {
        this.health = health;
    }

    @POST
    @Path("/compute")
    @Consumes(MediaType.APPLICATION_JSON)
    public ComputeResponse compute(@Auth Caller caller, ComputeRequest request) {
        return health.compute(caller, request);
    }
}
