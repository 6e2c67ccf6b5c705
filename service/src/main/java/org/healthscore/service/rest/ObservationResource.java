package org.healthscore.service.rest;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.healthscore.api.ingest.IngestSummary;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.ingest.BulkFormat;
import org.healthscore.service.ingest.IngestService;
import org.healthscore.service.rest.filters.BulkBody;

/** Bulk observations and outcomes: JSON arrays, NDJSON or CSV, streamed, all-or-nothing. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class ObservationResource {

    private final IngestService ingest;

    public ObservationResource(IngestService ingest) {
        this.ingest = ingest;
    }

    @POST
    @Path("/observations")
    @BulkBody
    @Consumes({MediaType.APPLICATION_JSON, BulkFormat.NDJSON_TYPE, BulkFormat.CSV_TYPE})
    public IngestSummary observations(@Auth Caller caller, @Context HttpHeaders headers, InputStream body) {
        return ingest.observations(caller, BulkFormat.of(headers.getMediaType()), body);
    }

    @POST
    @Path("/outcomes")
    @BulkBody
    @Consumes({MediaType.APPLICATION_JSON, BulkFormat.NDJSON_TYPE, BulkFormat.CSV_TYPE})
    public IngestSummary outcomes(@Auth Caller caller, @Context HttpHeaders headers, InputStream body) {
        return ingest.outcomes(caller, BulkFormat.of(headers.getMediaType()), body);
    }
}
