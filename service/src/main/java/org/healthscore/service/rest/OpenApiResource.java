package org.healthscore.service.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The REST contract, served as packaged by the openapi module; no authentication needed to read it. */
@Path("/openapi.yaml")
public final class OpenApiResource {

    public static final String RESOURCE = "openapi/openapi.yaml";

    private final byte[] document;

    public OpenApiResource() {
        try (InputStream in = OpenApiResource.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Produces({"application/yaml", "text/yaml", "text/plain"})
    public Response get() {
        return Response.ok(document).build();
    }
}
