package org.healthscore.service.it;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Sends generated requests byte for byte (no client-side encoding or content negotiation) and
 * checks each answer against openapi.yaml's responses; the requests themselves break the
 * contract on purpose, so request validation is off.
 */
final class HostileSender {

    /** What came back: status, Content-Type, body, and what the contract says is wrong with it. */
    record Answer(int status, String contentType, String body, List<String> contractErrors) {
    }

    private static final OpenApiInteractionValidator RESPONSES = OpenApiInteractionValidator
            .createForInlineApiSpecification(SpecRoutes.OPENAPI_TEXT)
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.request", ValidationReport.Level.IGNORE)
                    .build())
            .build();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    HostileSender(Api api) {
        this.base = api.baseUri();
    }

    Answer send(HostileRequest request) {
        HttpRequest.BodyPublisher body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(base + request.pathAndQuery()))
                .timeout(Duration.ofSeconds(60)).method(request.method(), body);
        request.headers().forEach(http::header);
        HttpResponse<byte[]> response;
        try {
            response = sendOnce(http.build());
        } catch (IOException closed) {
            // The server closes a connection after refusing some bodies unread (413, unreadable
            // multipart); the client may already have picked that connection for this request,
            // which then never reached the server. Once more, on a fresh connection.
            try {
                response = sendOnce(http.build());
            } catch (IOException e) {
                throw new AssertionError("no answer to " + request.describe(), e);
            }
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String text = new String(response.body(), StandardCharsets.UTF_8);
        return new Answer(response.statusCode(), contentType, text, contractErrors(request, response, text));
    }

    private HttpResponse<byte[]> sendOnce(HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static List<String> contractErrors(HostileRequest request, HttpResponse<byte[]> response, String text) {
        String path = URI.create(request.pathAndQuery()).getRawPath();
        Request.Method method;
        try {
            method = Request.Method.valueOf(request.method().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode()).withBody(text);
        response.headers().map().forEach((name, values) -> answer.withHeader(name, values));
        ValidationReport report = RESPONSES.validateResponse(path, method, answer.build());
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(ValidationReport.Message::toString).toList();
    }
}
