package org.healthscore.service.rest;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.healthscore.api.audit.AuditEvent;
import org.healthscore.api.page.Page;
import org.healthscore.service.audit.AuditService;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.paging.PageRequest;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditResource {

    private final AuditService audit;

    public AuditResource(AuditService audit) {
        this.audit = audit;
    }

    @GET
    public Page<AuditEvent> list(@Auth Caller caller, @QueryParam("limit") String limit,
                                 @QueryParam("cursor") String cursor, @QueryParam("action") String action,
                                 @QueryParam("kind") String kind, @QueryParam("from") String from,
                                 @QueryParam("to") String to) {
        return audit.list(caller, PageRequest.fromQuery(limit, cursor), action, kind, from, to);
    }
}
