package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.restassured.response.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.healthscore.service.HealthScoreConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CORS for browser frontends (DESIGN.md 4.1): only configured origins, named back exactly (never
 * {@code *}, never with credentials), none by default. Runs on H2 only: CORS is Jetty's business,
 * not the database's.
 */
class CorsIT {

    private static final String APP_ORIGIN = "https://app.example.com";
    private static final String EVIL_ORIGIN = "https://evil.example.com";

    private static Api shared;
    private static DropwizardTestSupport<HealthScoreConfiguration> corsApp;
    private static Api cors;

    @BeforeAll
    static void startAnAppWithOneAllowedOrigin() {
        // The shared app starts first: ConfigOverrides are system properties while an app runs,
        // and an app started meanwhile would inherit the allowed origin.
        shared = new Api(Backend.H2, Backend.H2.app());
        // Not "cors.allowedOrigins[0]": Dropwizard indexes only lists the YAML already has, and
        // test-config.yml has no cors section. A list of strings takes comma-separated values.
        corsApp = Backend.H2.start(List.of(ConfigOverride.config("cors.allowedOrigins", APP_ORIGIN)));
        cors = new Api(Backend.H2, corsApp);
    }

    @AfterAll
    static void stopIt() {
        if (corsApp != null) {
            corsApp.after();
        }
    }

    @Test
    void preflightFromAnAllowedOriginNamesItAndAllowsTheHeadersAnUpdateNeeds() {
        Response preflight = preflight(cors, APP_ORIGIN);
        preflight.then().statusCode(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
        assertThat(tokens(preflight, "Access-Control-Allow-Methods")).contains("put", "get", "delete", "post");
        assertThat(tokens(preflight, "Access-Control-Allow-Headers")).contains("authorization", "if-match",
                "content-type");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("600");
        // Caches must keep answers for different origins apart.
        assertThat(tokens(preflight, "Vary")).contains("origin");
    }

    @Test
    void requestFromAnAllowedOriginMayReadTheEtag() {
        Api.Workspace ws = cors.newWorkspace();
        cors.createMetric(ws.adminSecret(), Api.metric("logins"));
        Response read = cors.as(ws.adminSecret()).header("Origin", APP_ORIGIN).get("/api/v1/metrics/logins");
        read.then().statusCode(200).header("ETag", "\"1\"");
        assertThat(read.header("Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
        assertThat(tokens(read, "Access-Control-Expose-Headers")).contains("etag", "location");
        assertThat(read.header("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void refusalsToAnAllowedOriginAreReadableToo() {
        // A browser hides a response without ACAO from the page, so a 401 must carry it as well.
        Response refused = cors.raw(null).header("Origin", APP_ORIGIN).get("/api/v1/metrics");
        refused.then().statusCode(401).contentType("application/problem+json");
        assertThat(refused.header("Access-Control-Allow-Origin")).isEqualTo(APP_ORIGIN);
    }

    @Test
    void anOriginNotListedGetsNoCorsHeaders() {
        Response preflight = preflight(cors, EVIL_ORIGIN);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.header("Access-Control-Allow-Methods")).isNull();

        Api.Workspace ws = cors.newWorkspace();
        Response read = cors.as(ws.adminSecret()).header("Origin", EVIL_ORIGIN).get("/api/v1/metrics");
        read.then().statusCode(200);
        assertThat(read.header("Access-Control-Allow-Origin")).isNull();
        assertThat(read.header("Access-Control-Expose-Headers")).isNull();
    }

    @Test
    void withoutConfiguredOriginsNoOriginIsAllowed() {
        Response preflight = preflight(shared, APP_ORIGIN);
        assertThat(preflight.statusCode()).isLessThan(500);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void aWildcardOriginIsRefusedAtStartUp() {
        // "*" with Authorization-carrying requests is what the design forbids; the app must not start.
        assertThatThrownBy(() -> Backend.H2.start(List.of(ConfigOverride.config("cors.allowedOrigins", "*"))))
                .isInstanceOf(IllegalStateException.class)
                .rootCause().hasMessageContaining("allowedOrigins");
    }

    /** What a browser sends before a cross-origin PUT with a key and an If-Match. */
    private static Response preflight(Api api, String origin) {
        return api.raw(null)
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,if-match,content-type")
                .options("/api/v1/metrics");
    }

    /** A comma-separated header's values, lower-cased (header names are case-insensitive). */
    private static List<String> tokens(Response response, String header) {
        String value = response.header(header);
        assertThat(value).as(header).isNotNull();
        return Arrays.stream(value.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
    }
}
