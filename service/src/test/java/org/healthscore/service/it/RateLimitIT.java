package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.healthscore.service.HealthScoreConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The per-key rate limit ({@code limits.rateLimit}): a key that spent its burst gets 429
 * problem+json with Retry-After on REST and GraphQL alike; other keys are not affected; after the
 * wait it may go on. An app of its own with a tiny budget (1 request a second, bursts of 3); H2 only,
 * the limit lives in memory, not in the database.
 */
class RateLimitIT {

    private static DropwizardTestSupport<HealthScoreConfiguration> app;
    private static Api api;

    @BeforeAll
    static void startAnAppWithATinyBudget() {
        // ConfigOverrides are system properties while an app runs: the shared app must not inherit these.
        Backend.H2.app();
        app = Backend.H2.start(List.of(ConfigOverride.config("limits.rateLimit.enabled", "true"),
                ConfigOverride.config("limits.rateLimit.requestsPerSecond", "1"),
                ConfigOverride.config("limits.rateLimit.burst", "3")));
        api = new Api(Backend.H2, app);
    }

    @AfterAll
    static void stopIt() {
        if (app != null) {
            app.after();
        }
    }

    @Test
    void aKeyOverItsBudgetGets429WithRetryAfterAndOtherKeysDoNot() {
        Api.Workspace ws = api.newWorkspace();
        String reader = api.newKey(ws.adminSecret(), "READER");
        String other = api.newKey(ws.adminSecret(), "READER");

        for (int i = 0; i < 3; i++) {
            api.as(reader).get("/api/v1/metrics").then().statusCode(200);
        }
        Response refused = api.as(reader).get("/api/v1/metrics");
        refused.then().statusCode(429).contentType("application/problem+json");
        assertThat(refused.jsonPath().getString("type")).isEqualTo("urn:healthscore:problem:too-many-requests");
        assertThat(refused.jsonPath().getString("detail")).contains("limits.rateLimit");
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1, 3);

        // GraphQL spends from the same bucket and is refused the same way.
        Response graphql = api.as(reader).contentType(ContentType.JSON)
                .body(Map.of("query", "{ metrics { nodes { key } } }")).post("/graphql");
        graphql.then().statusCode(429).contentType("application/problem+json").header("Retry-After", "1");

        // Another key of the same workspace has its own bucket.
        api.as(other).get("/api/v1/metrics").then().statusCode(200);

        // After the wait the key may go on.
        Jobs.sleep(retryAfter * 1000L + 100);
        api.as(reader).get("/api/v1/metrics").then().statusCode(200);
    }

    @Test
    void requestsWithoutAValidKeyAreRefusedAsUnauthenticatedNotCounted() {
        // Authentication comes first: a bad key is a 401 however often it is tried...
        for (int i = 0; i < 5; i++) {
            api.as("hs_abcdefghij_" + "x".repeat(43)).get("/api/v1/metrics").then().statusCode(401);
        }
        // ...and a stranger guessing a key's prefix cannot spend that key's budget.
        Api.Workspace ws = api.newWorkspace();
        String reader = api.newKey(ws.adminSecret(), "READER");
        String forged = reader.substring(0, 14) + "y".repeat(43);
        for (int i = 0; i < 5; i++) {
            api.as(forged).get("/api/v1/metrics").then().statusCode(401);
        }
        api.as(reader).get("/api/v1/metrics").then().statusCode(200);
    }
}
