package org.healthscore.service.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Errors raised outside the resources (by Jersey, Jetty, the asset servlets, the auth filter) are
 * problem documents too, and never leak a stack trace; the docs pages load only local assets.
 */
class HttpErrorsIT {

    private static final String PROBLEM = "application/problem+json";
    private static final String CHALLENGE = "Bearer realm=\"healthscore\"";
    /** The shape of a real key secret, but no key has it. */
    private static final String UNKNOWN_KEY = "hs_abcdefghij_" + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";

    @BackendTest
    void routingErrorsAreProblemDocuments(Api api) {
        String admin = api.newWorkspace().adminSecret();

        Response unknownPath = api.raw(admin).get("/api/v1/nope");
        assertProblem("an unknown API path", unknownPath, 404, "urn:healthscore:problem:not-found");

        Response wrongMethod = api.raw(admin).delete("/api/v1/catalog");
        assertProblem("DELETE on the catalog", wrongMethod, 405, "urn:healthscore:problem:method-not-allowed");
        assertThat(wrongMethod.header("Allow")).contains("GET").doesNotContain("DELETE");
        Response patch = api.raw(admin).patch("/api/v1/metrics/logins");
        assertProblem("PATCH on a metric", patch, 405, "urn:healthscore:problem:method-not-allowed");
        assertThat(patch.header("Allow")).contains("GET", "PUT", "DELETE").doesNotContain("PATCH");

        // The asset servlets' own 404 is an empty body; these must be problem documents like the rest.
        Response missingDocsAsset = api.raw(null).get("/docs/nope.js");
        assertProblem("a missing docs asset", missingDocsAsset, 404, "urn:healthscore:problem:not-found");
        Response missingWebjar = api.raw(null).get("/webjars/nope");
        assertProblem("a missing webjar", missingWebjar, 404, "urn:healthscore:problem:not-found");
        Response missingGraphiqlAsset = api.raw(null).get("/graphiql/nope.css");
        assertProblem("a missing GraphiQL asset", missingGraphiqlAsset, 404, "urn:healthscore:problem:not-found");
    }

    @BackendTest
    void jettyRefusalsAreProblemDocuments(Api api) {
        // Written by hand: java.net.URI and REST Assured refuse or re-encode these requests.
        String host = "Host: localhost\r\n";
        String close = "Connection: close\r\n\r\n";
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("400 a malformed percent escape in the path",
                "GET /api/v1/metrics/%zz HTTP/1.1\r\n" + host + close);
        requests.put("400 an encoded slash in the path", "GET /api/v1/metrics/a%2Fb HTTP/1.1\r\n" + host + close);
        requests.put("400 a path climbing out of the root", "GET /docs/../../etc/passwd HTTP/1.1\r\n" + host + close);
        requests.put("400 no Host header", "GET /api/v1/metrics HTTP/1.1\r\n" + close);
        requests.put("400 a Content-Length that is no number", "POST /api/v1/metrics HTTP/1.1\r\n" + host
                + "Content-Type: application/json\r\nContent-Length: abc\r\n" + close + "{}");
        requests.put("431 a 20 KB header", "GET /api/v1/metrics HTTP/1.1\r\n" + host
                + "X-Padding: " + "p".repeat(20 * 1024) + "\r\n" + close);
        requests.put("414 a 20 KB URI", "GET /api/v1/metrics?padding=" + "p".repeat(20 * 1024) + " HTTP/1.1\r\n"
                + host + close);

        assertAll("Jetty refusals", requests.entrySet().stream().map(e -> () -> {
            int status = Integer.parseInt(e.getKey().substring(0, 3));
            assertRawProblem(e.getKey(), RawResponse.send(api, e.getValue()), status);
        }));
    }

    @BackendTest
    void callersWithoutAValidKeyAreChallenged(Api api) {
        Map<String, Response> refusals = new LinkedHashMap<>();
        refusals.put("no key", api.bad(null).get("/api/v1/metrics"));
        refusals.put("a garbage key", api.bad("garbage").get("/api/v1/metrics"));
        refusals.put("a well-formed unknown key", api.bad(UNKNOWN_KEY).get("/api/v1/metrics"));
        refusals.put("an empty bearer", api.bad(null).header("Authorization", "Bearer ").get("/api/v1/metrics"));
        refusals.put("basic credentials", api.bad(null).header("Authorization", "Basic YTpi").get("/api/v1/metrics"));
        refusals.put("a garbage key on a write", api.bad("garbage").contentType("application/json")
                .body(Api.metric("sneaky")).post("/api/v1/metrics"));

        assertAll("401s", refusals.entrySet().stream().map(e -> () -> {
            assertProblem(e.getKey(), e.getValue(), 401, "urn:healthscore:problem:unauthenticated");
            assertThat(e.getValue().header("WWW-Authenticate")).as("challenge for %s", e.getKey())
                    .isEqualTo(CHALLENGE);
        }));
    }

    @BackendTest
    void theContractIsServedWithoutAKey(Api api) {
        String contract = api.as(null).get("/openapi.yaml").then().statusCode(200).extract().asString();
        assertThat(contract).startsWith("openapi: 3.0.3").contains("/api/v1/metrics:");
    }

    @BackendTest
    void docsPagesLoadOnlyLocalAssetsThatExist(Api api) {
        for (String page : List.of("/docs/", "/graphiql/")) {
            Response response = api.raw(null).get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.contentType()).as(page).startsWith("text/html");
            String html = response.asString();
            List<String> assets = assetReferences(html);
            assertThat(assets).as("assets of %s", page).isNotEmpty()
                    .allSatisfy(url -> assertThat(url).startsWith("/").doesNotStartWith("//"))
                    .anySatisfy(url -> assertThat(url).startsWith("/webjars/"));
            assertThat(html).as(page).doesNotContain("http://", "https://", "${");
            // The webjar versions are filled in at build time: a wrong one would be a blank page.
            assertAll(page, assets.stream().map(url -> () -> assertThat(api.raw(null).get(url).statusCode())
                    .as("%s referenced by %s", url, page).isEqualTo(200)));
        }
        String initializer = api.raw(null).get("/docs/swagger-initializer.js").then().statusCode(200).extract()
                .asString();
        assertThat(initializer).contains("url: \"/openapi.yaml\"").doesNotContain("petstore.swagger.io", "://");
    }

    @BackendTest
    void adminHealthCheckReportsTheDatabaseHealthy(Api api) {
        JsonPath health = given().get("http://localhost:" + api.adminPort() + "/healthcheck").then()
                .statusCode(200).extract().jsonPath();
        assertThat(health.getBoolean("database.healthy")).isTrue();
    }

    // ---- bugs found in main code: each test states the expected behaviour; enable it with the fix ----

    /**
     * MissingAssetFilter lets every path ending in "/" through to the asset servlet (for index
     * pages), and the asset servlet answers a folder that does not exist with an empty 404 and no
     * Content-Type, not a problem document.
     */
    @BackendTest
    void aMissingAssetFolderIsAProblemDocument(Api api) {
        for (String path : List.of("/docs/nope/", "/graphiql/nope/")) {
            assertProblem("the missing folder " + path, api.raw(null).get(path), 404,
                    "urn:healthscore:problem:not-found");
        }
    }

    /**
     * A chunked body whose framing is broken (chunk size "zz") makes Jetty throw while Jersey reads
     * the entity; ThrowableMapper does not recognise Jetty's HttpException and answers 500, logging
     * "Unhandled error". Spec 5: every bad input gets a 4xx, never a 500.
     */
    @BackendTest
    void aBodyWithBrokenChunkFramingIsA400(Api api) {
        String writer = api.newKey(api.newWorkspace().adminSecret(), "WRITER");
        RawResponse response = RawResponse.send(api, "POST /api/v1/metrics HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + writer + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
        assertRawProblem("a chunk size that is no hex number", response, 400);
    }

    // ---- helpers ----

    private static void assertProblem(String why, Response response, int status, String type) {
        String body = response.asString();
        assertThat(response.statusCode()).as("status for %s; body %s", why, body).isEqualTo(status);
        assertThat(response.contentType()).as("Content-Type for %s", why).startsWith(PROBLEM);
        assertProblemBody(why, body, status, type);
    }

    private static void assertRawProblem(String why, RawResponse response, int status) {
        assertThat(response.status()).as("status for %s; answer %s", why, response).isEqualTo(status);
        assertThat(response.header("content-type")).as("Content-Type for %s", why).startsWith(PROBLEM);
        // Statuses with no problem kind of their own (431) keep their number; their type is the closest kind.
        assertProblemBody(why, response.body(), status, "urn:healthscore:problem:malformed-request");
    }

    private static void assertProblemBody(String why, String body, int status, String type) {
        assertThat(body).as("body for %s", why).doesNotContain("Exception", "at org.", "<html");
        JsonPath problem = JsonPath.from(body);
        assertThat(problem.getString("type")).as("type for %s", why).isEqualTo(type);
        assertThat(problem.getString("title")).as("title for %s", why).isNotBlank();
        assertThat(problem.getInt("status")).as("status in the body for %s", why).isEqualTo(status);
        assertThat(problem.getString("detail")).as("detail for %s", why).isNotBlank();
    }

    /** Every {@code src} and {@code href} of a page, in order. */
    private static List<String> assetReferences(String html) {
        Matcher m = Pattern.compile("\\b(?:src|href)\\s*=\\s*\"([^\"]*)\"").matcher(html);
        List<String> urls = new ArrayList<>();
        while (m.find()) {
            urls.add(m.group(1));
        }
        return urls;
    }

    /** An HTTP/1.1 exchange over a plain socket, for requests no client library will send as written. */
    private record RawResponse(int status, Map<String, String> headers, String body) {

        static RawResponse send(Api api, String request) {
            int port = URI.create(api.baseUri()).getPort();
            try (Socket socket = new Socket("localhost", port)) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return parse(readAll(socket.getInputStream()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }

        private static byte[] readAll(InputStream in) throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    all.write(buffer, 0, n);
                }
            } catch (java.net.SocketException reset) {
                // The server may close at once after a refusal; what arrived is the answer.
            }
            return all.toByteArray();
        }

        private static RawResponse parse(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            assertThat(end).as("a complete HTTP answer: %s", text).isPositive();
            String[] lines = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            String body = text.substring(end + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = unchunk(body);
            }
            return new RawResponse(status, headers, body);
        }

        private static String unchunk(String chunked) {
            StringBuilder out = new StringBuilder();
            int at = 0;
            while (true) {
                int lineEnd = chunked.indexOf("\r\n", at);
                int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
                if (size == 0) {
                    return out.toString();
                }
                out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
        }
    }
}
