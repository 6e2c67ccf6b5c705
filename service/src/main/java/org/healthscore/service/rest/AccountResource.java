package org.healthscore.service.rest;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.healthscore.api.account.Account;
import org.healthscore.api.account.AccountInput;
import org.healthscore.api.account.Observation;
import org.healthscore.api.account.Outcome;
import org.healthscore.api.health.AccountHealth;
import org.healthscore.service.health.HealthService;
import org.healthscore.api.ingest.IngestSummary;
import org.healthscore.api.page.Page;
import org.healthscore.service.accounts.AccountService;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.ingest.BulkFormat;
import org.healthscore.service.ingest.IngestService;
import org.healthscore.service.paging.PageRequest;
import org.healthscore.service.problem.ApiException;
import org.healthscore.service.rest.filters.BulkBody;

@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
public final class AccountResource {

    private final AccountService accounts;
    private final IngestService ingest;
    private final HealthService health;

    public AccountResource(AccountService accounts, IngestService ingest, HealthService health) {
        this.accounts = accounts;
        this.ingest = ingest;
        this.health = health;
    }

    /** Live health with its breakdown; the most specific published scorecard unless one is named. */
    @GET
    @Path("/{externalId}/health")
    public AccountHealth health(@Auth Caller caller, @PathParam("externalId") String externalId,
                                @QueryParam("scorecard") String scorecard, @QueryParam("version") String version,
                                @QueryParam("asOf") String asOf) {
        return health.health(caller, externalId, blank(scorecard), QueryValues.positiveInt("version", version),
                QueryValues.date("asOf", asOf));
    }

    /** Stored scores over time (filled by re-scoring jobs), oldest first, each with its trend. */
    @GET
    @Path("/{externalId}/health/history")
    public List<AccountHealth> history(@Auth Caller caller, @PathParam("externalId") String externalId,
                                       @QueryParam("scorecard") String scorecard, @QueryParam("from") String from,
                                       @QueryParam("to") String to) {
        return health.history(caller, externalId, blank(scorecard), QueryValues.date("from", from),
                QueryValues.date("to", to));
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    @PUT
    @Path("/{externalId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@Auth Caller caller, @PathParam("externalId") String externalId, AccountInput input) {
        AccountService.Upserted upserted = accounts.put(caller, externalId, input);
        return Response.status(upserted.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(upserted.account()).build();
    }

    @GET
    @Path("/{externalId}")
    public Account get(@Auth Caller caller, @PathParam("externalId") String externalId) {
        return accounts.get(caller, externalId);
    }

    @GET
    public Page<Account> list(@Auth Caller caller, @QueryParam("segment") String segment,
                              @QueryParam("productLine") String productLine, @QueryParam("scorecard") String scorecard,
                              @QueryParam("band") String band, @QueryParam("limit") String limit,
                              @QueryParam("cursor") String cursor) {
        return accounts.list(caller, segment, productLine, scorecard, band, PageRequest.fromQuery(limit, cursor));
    }

    @POST
    @Path("/bulk")
    @BulkBody
    @Consumes({MediaType.APPLICATION_JSON, BulkFormat.NDJSON_TYPE, BulkFormat.CSV_TYPE})
    public IngestSummary bulk(@Auth Caller caller, @jakarta.ws.rs.core.Context HttpHeaders headers, InputStream body) {
        return ingest.accounts(caller, BulkFormat.of(headers.getMediaType()), body);
    }

    @GET
    @Path("/{externalId}/outcomes")
    public List<Outcome> outcomes(@Auth Caller caller, @PathParam("externalId") String externalId) {
        return accounts.outcomes(caller, externalId);
    }

    @GET
    @Path("/{externalId}/observations")
    public Page<Observation> observations(@Auth Caller caller, @PathParam("externalId") String externalId,
                                          @QueryParam("metric") String metric, @QueryParam("from") String from,
                                          @QueryParam("to") String to, @QueryParam("limit") String limit,
                                          @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.fromQuery(limit, cursor);
        return accounts.observations(caller, externalId, metric, instant("from", from), instant("to", to), page);
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, "must be an ISO-8601 timestamp such as 2026-01-31T00:00:00Z");
        }
    }
}
