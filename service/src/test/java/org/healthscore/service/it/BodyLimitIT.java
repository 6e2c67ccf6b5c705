package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import org.healthscore.service.HealthScoreConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Body limits are per route and configurable: bulk routes take {@code limits.maxBulkBodySize},
 * others {@code limits.maxBodySize}. An app with tiny limits shows both refuse with a 413 before
 * anything is stored. H2 only: the limit is the HTTP layer's business.
 */
class BodyLimitIT {

    private static DropwizardTestSupport<HealthScoreConfiguration> app;
    private static Api api;

    @BeforeAll
    static void startAnAppWithTinyLimits() {
        app = Backend.H2.start(List.of(ConfigOverride.config("limits.maxBulkBodySize", "4KiB"),
                ConfigOverride.config("limits.maxBodySize", "2KiB")));
        api = new Api(Backend.H2, app);
    }

    @AfterAll
    static void stopIt() {
        if (app != null) {
            app.after();
        }
    }

    @Test
    void aBulkBodyOverTheBulkLimitIsRefusedAndStoresNothing() {
        String writer = api.newWorkspace().adminSecret();
        api.createMetric(writer, Api.metric("logins"));
        api.raw(writer).contentType("text/csv").body("externalId\nacme\n").post("/api/v1/accounts/bulk").then()
                .statusCode(200);

        // Under the bulk limit (4 KiB) but over the ordinary one (2 KiB): accepted on a bulk route.
        StringBuilder small = new StringBuilder("account,metric,observedAt,value\n");
        for (int day = 1; small.length() < 3000; day++) {
            small.append("acme,logins,2026-01-01T00:00:").append(String.format("%02d", day % 60)).append(".")
                    .append(String.format("%03d", day)).append("Z,").append(day % 100).append('\n');
        }
        api.raw(writer).contentType("text/csv").body(small.toString()).post("/api/v1/observations").then()
                .statusCode(200);
        long stored = observations(writer);

        StringBuilder big = new StringBuilder("account,metric,observedAt,value\n");
        for (int i = 0; big.length() < 6000; i++) {
            big.append("acme,logins,2026-02-01T00:00:00.").append(String.format("%03d", i)).append("Z,1\n");
        }
        Response refused = api.raw(writer).contentType("text/csv").body(big.toString()).post("/api/v1/observations");
        refused.then().statusCode(413).contentType("application/problem+json");
        assertThat(refused.jsonPath().getString("detail")).contains("4096");
        assertThat(observations(writer)).isEqualTo(stored);
    }

    @Test
    void anOrdinaryBodyOverTheOrdinaryLimitIsRefused() {
        String writer = api.newWorkspace().adminSecret();
        var body = Api.metric("wordy");
        body.put("description", "x".repeat(3000));
        api.bad(writer).contentType(ContentType.JSON).body(body).post("/api/v1/metrics").then().statusCode(413)
                .contentType("application/problem+json");
        api.as(writer).get("/api/v1/metrics/wordy").then().statusCode(404);
    }

    @Test
    void aChunkedBodyWithoutLengthIsCountedAndRefusedOnceOverTheLimit() throws Exception {
        String writer = api.newWorkspace().adminSecret();
        var body = Api.metric("streamed");
        body.put("description", "y".repeat(3000));
        byte[] json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(body);
        try (java.net.Socket socket = new java.net.Socket("localhost", app.getLocalPort())) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(("POST /api/v1/metrics HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + writer
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                    + Integer.toHexString(json.length) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(json);
            out.write("\r\n0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json")
                    .contains("urn:healthscore:problem:payload-too-large").contains("2048");
        }
        api.as(writer).get("/api/v1/metrics/streamed").then().statusCode(404);
    }

    @Test
    void aGraphQLDocumentOverTheLimitIsRefusedToo() {
        String reader = api.newWorkspace().adminSecret();
        String query = "{ frameworks { framework } }" + " ".repeat(3000);
        api.bad(reader).contentType(ContentType.JSON).body(java.util.Map.of("query", query)).post("/graphql")
                .then().statusCode(413).contentType("application/problem+json");
    }

    private static long observations(String secret) {
        return api.raw(secret).queryParam("limit", 1000).get("/api/v1/accounts/acme/observations").jsonPath()
                .getList("items").size();
    }
}
