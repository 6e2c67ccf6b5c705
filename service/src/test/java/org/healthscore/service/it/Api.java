package org.healthscore.service.it;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.dropwizard.testing.DropwizardTestSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.healthscore.service.HealthScoreConfiguration;

/**
 * A REST Assured client for one running application. Every request made through {@link #as} is
 * validated, request and response, against openapi.yaml; {@link #bad} validates only the response,
 * for tests that send what the contract forbids on purpose.
 */
public final class Api {

    private static final String SPEC = readSpec();
    private static final OpenApiValidationFilter STRICT = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForInlineApiSpecification(SPEC).build());
    private static final OpenApiValidationFilter RESPONSES_ONLY = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForInlineApiSpecification(SPEC)
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());

    public final Backend backend;
    private final DropwizardTestSupport<HealthScoreConfiguration> app;

    Api(Backend backend, DropwizardTestSupport<HealthScoreConfiguration> app) {
        this.backend = backend;
        this.app = app;
    }

    public String baseUri() {
        return "http://localhost:" + app.getLocalPort();
    }

    public int adminPort() {
        return app.getAdminPort();
    }

    /** A request as {@code secret} (null: no credentials), validated both ways against the contract. */
    public RequestSpecification as(String secret) {
        return spec(secret).filter(STRICT);
    }

    /** A request that breaks the contract on purpose: only the response is validated. */
    public RequestSpecification bad(String secret) {
        return spec(secret).filter(RESPONSES_ONLY);
    }

    /** A request with no contract check at all (paths outside openapi.yaml: assets, admin). */
    public RequestSpecification raw(String secret) {
        return spec(secret);
    }

    private RequestSpecification spec(String secret) {
        RequestSpecification spec = given().baseUri(baseUri()).urlEncodingEnabled(true);
        return secret == null ? spec : spec.header("Authorization", "Bearer " + secret);
    }

    /** A fresh workspace made by the bootstrap admin; tests never share one. */
    public Workspace newWorkspace() {
        String name = "ws-" + UUID.randomUUID();
        JsonPath created = as(Backend.BOOTSTRAP).contentType(ContentType.JSON).body(Map.of("name", name))
                .post("/api/v1/workspaces").then().statusCode(201).extract().jsonPath();
        Workspace ws = new Workspace(created.getString("id"), name, created.getString("secret"));
        return ws;
    }

    /** A new key of {@code role} in the workspace of {@code adminSecret}; its secret. */
    public String newKey(String adminSecret, String role) {
        return as(adminSecret).contentType(ContentType.JSON).body(Map.of("name", role.toLowerCase() + " key",
                        "role", role))
                .post("/api/v1/keys").then().statusCode(201).extract().jsonPath().getString("secret");
    }

    /** A minimal valid metric body with {@code key}. */
    public static Map<String, Object> metric(String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", key);
        body.put("name", "Metric " + key);
        body.put("description", "What **" + key + "** measures.");
        body.put("dimension", "ADOPTION");
        body.put("valueType", "PERCENT");
        body.put("direction", "HIGHER_IS_BETTER");
        body.put("aggregation", Map.of("function", "AVERAGE", "windowDays", 30));
        body.put("tags", java.util.List.of("core"));
        return body;
    }

    /** Creates a metric and returns the response (201 asserted). */
    public Response createMetric(String secret, Map<String, Object> body) {
        Response response = as(secret).contentType(ContentType.JSON).body(body).post("/api/v1/metrics");
        response.then().statusCode(201);
        return response;
    }

    /** Posts a GraphQL document; the response is not status-checked. */
    public Response graphql(String secret, String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        if (variables != null) {
            body.put("variables", variables);
        }
        return as(secret).contentType(ContentType.JSON).body(body).post("/graphql");
    }

    private static String readSpec() {
        try (InputStream in = Api.class.getClassLoader().getResourceAsStream("openapi/openapi.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Workspace(String id, String name, String adminSecret) {
    }
}
