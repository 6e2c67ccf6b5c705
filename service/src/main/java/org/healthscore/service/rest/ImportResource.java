package org.healthscore.service.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataParam;
import org.healthscore.api.ingest.IngestSummary;
import org.healthscore.api.ingest.WideImportMapping;
import org.healthscore.api.problem.FieldError;
import org.healthscore.service.auth.Caller;
import org.healthscore.service.ingest.WideImport;
import org.healthscore.service.json.JsonErrors;
import org.healthscore.service.problem.ApiException;
import org.healthscore.service.rest.filters.BulkBody;

/** {@code POST /imports/wide}: a spreadsheet (one row per account) and the mapping that explains it. */
@Path("/api/v1/imports/wide")
@Produces(MediaType.APPLICATION_JSON)
public final class ImportResource {

    private final WideImport wideImport;
    private final ObjectMapper json;

    public ImportResource(WideImport wideImport, ObjectMapper json) {
        this.wideImport = wideImport;
        this.json = json;
    }

    @POST
    @BulkBody
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public IngestSummary importWide(@Auth Caller caller, @FormDataParam("file") InputStream file,
                                    @FormDataParam("mapping") FormDataBodyPart mapping) {
        return wideImport.run(caller, mapping == null ? null : parse(mapping), file);
    }

    /** The mapping part, whatever Content-Type the client gave it (curl's -F says text/plain). */
    private WideImportMapping parse(FormDataBodyPart part) {
        try (InputStream in = part.getEntityAs(InputStream.class)) {
            return json.readValue(in, WideImportMapping.class);
        } catch (JsonProcessingException e) {
            FieldError error = JsonErrors.describe(e);
            String field = "body".equals(error.field()) ? "mapping" : "mapping." + error.field();
            throw ApiException.badRequest(field, error.reason());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
