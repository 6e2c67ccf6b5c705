package org.healthscore.service.rest;

import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.healthscore.api.metric.Catalog;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.catalog.CatalogRenderer;
import org.healthscore.service.catalog.MetricService;
import org.healthscore.service.problem.ApiException;
import org.healthscore.service.problem.ProblemKind;

/**
 * The catalog as documentation. The format follows Accept (JSON, Markdown, HTML); {@code ?format=}
 * overrides it, so a plain link in a browser or wiki can ask for Markdown.
 */
@Path("/api/v1/catalog")
public final class CatalogResource {

    static final MediaType MARKDOWN = new MediaType("text", "markdown", "UTF-8");
    static final MediaType HTML = new MediaType("text", "html", "UTF-8");
    private static final List<MediaType> OFFERED = List.of(MediaType.APPLICATION_JSON_TYPE,
            new MediaType("text", "markdown"), MediaType.TEXT_HTML_TYPE);

    private final MetricService metrics;

    public CatalogResource(MetricService metrics) {
        this.metrics = metrics;
    }

    @GET
    public Response get(@Auth Caller caller, @QueryParam("format") String format, @Context HttpHeaders headers) {
        String chosen = format != null ? checkFormat(format) : negotiate(headers.getAcceptableMediaTypes());
        Catalog catalog = metrics.catalog(caller);
        return switch (chosen) {
            case "markdown" -> Response.ok(CatalogRenderer.markdown(catalog), MARKDOWN).build();
            case "html" -> Response.ok(CatalogRenderer.html(catalog), HTML).build();
            default -> Response.ok(catalog, MediaType.APPLICATION_JSON_TYPE).build();
        };
    }

    private static String checkFormat(String format) {
        return switch (format) {
            case "json", "markdown", "html" -> format;
            default -> throw ApiException.badRequest("format", "must be one of json, markdown, html");
        };
    }

    /** The first offered type the client accepts, in the client's order of preference. */
    private static String negotiate(List<MediaType> acceptable) {
        for (MediaType wanted : acceptable) {
            for (MediaType offered : OFFERED) {
                if (wanted.isCompatible(offered)) {
                    return offered.getSubtype().equals("json") ? "json" : offered.getSubtype();
                }
            }
        }
        throw new ApiException(ProblemKind.NOT_ACCEPTABLE,
                "The catalog is offered as application/json, text/markdown and text/html; Accept named none of them");
    }
}
