package org.healthscore.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.LoggerFactory;

/**
 * A key's secret is shown once, in the answer that creates it, and never again: not in any later
 * answer, and not in any log line, whatever the requests made with it (good, refused, failing, after
 * revocation). The test listens to every logger of the JVM, the rest at INFO as shipped, with this
 * service's, Dropwizard's, Jersey's and JDBI's loggers turned up to DEBUG while it runs.
 */
class SecretsStayOutOfLogsIT {

    private static final List<String> VERBOSE = List.of("org.healthscore", "io.dropwizard", "org.glassfish.jersey",
            "org.jdbi", "org.eclipse.jetty.server.RequestLog");

    /**
     * At INFO, as the shipped configurations run, whatever an earlier test left: Jetty's DEBUG traces
     * the raw request headers (Authorization included) and so does the test's own HTTP client.
     */
    private static final List<String> AS_SHIPPED = List.of(Logger.ROOT_LOGGER_NAME, "org.eclipse.jetty",
            "org.apache.http");

    @BackendTest
    void aSecretAppearsOnlyInTheAnswerThatCreatesIt(Api api) {
        Api.Workspace ws = api.newWorkspace();
        Capture logs = Capture.listen();
        List<String> answers = new ArrayList<>();
        String secret;
        try {
            JsonPath created = api.as(ws.adminSecret()).contentType(ContentType.JSON)
                    .body(Map.of("name", "leaky?", "role", "WRITER")).post("/api/v1/keys").then().statusCode(201)
                    .extract().jsonPath();
            secret = created.getString("secret");
            String keyId = created.getString("id");

            answers.add(api.as(secret).get("/api/v1/metrics").then().statusCode(200).extract().asString());
            answers.add(api.createMetric(secret, Api.metric("logins")).asString());
            // Refused and failing requests, each with the secret in its Authorization header.
            answers.add(api.bad(secret).contentType(ContentType.JSON).body("{\"key\": ").post("/api/v1/metrics")
                    .then().statusCode(400).extract().asString());
            answers.add(api.bad(secret).contentType(ContentType.JSON).body(Map.of("key", "x", "bogus", 1))
                    .post("/api/v1/metrics").then().statusCode(400).extract().asString());
            answers.add(api.as(secret).get("/api/v1/metrics/nothing_here").then().statusCode(404).extract()
                    .asString());
            answers.add(api.as(secret).get("/api/v1/keys").then().statusCode(403).extract().asString());
            answers.add(api.bad(secret).queryParam("cursor", "not-a-cursor").get("/api/v1/metrics").then()
                    .statusCode(400).extract().asString());
            answers.add(api.graphql(secret, "{ metrics { nodes { password } } }", null).then().statusCode(200)
                    .extract().asString());
            answers.add(api.graphql(secret, "mutation { publishScorecard(key: \"none\") { version } }", null)
                    .then().statusCode(200).extract().asString());
            // The secret with one character changed, and the secret sent in the wrong scheme.
            String wrong = secret.substring(0, secret.length() - 1) + (secret.endsWith("a") ? "b" : "a");
            answers.add(api.as(wrong).get("/api/v1/metrics").then().statusCode(401).extract().asString());
            answers.add(api.raw(null).header("Authorization", "Basic " + secret).get("/api/v1/metrics").then()
                    .statusCode(401).extract().asString());
            // Later answers that describe the key.
            answers.add(api.as(ws.adminSecret()).get("/api/v1/keys").then().statusCode(200).extract().asString());
            answers.add(api.as(ws.adminSecret()).get("/api/v1/audit").then().statusCode(200).extract().asString());
            api.as(ws.adminSecret()).delete("/api/v1/keys/" + keyId).then().statusCode(204);
            answers.add(api.as(secret).get("/api/v1/metrics").then().statusCode(401).extract().asString());
            // A control: the capture does see DEBUG lines of the service's loggers.
            LoggerFactory.getLogger("org.healthscore.control").debug("control line for key {}", keyId);
        } finally {
            logs.stop();
        }

        String hidden = secret.substring(secret.indexOf('_', 3) + 1);
        assertThat(logs.lines()).as("log lines captured").anyMatch(line -> line.contains("control line for key"));
        assertThat(logs.lines()).allSatisfy(line -> assertThat(line).doesNotContain(hidden));
        assertThat(answers).allSatisfy(answer -> assertThat(answer).doesNotContain(hidden));
    }

    /** Every log event of the JVM while it runs, formatted with its arguments and stack trace. */
    private static final class Capture extends AppenderBase<ILoggingEvent> {

        private final Queue<String> lines = new ConcurrentLinkedQueue<>();
        private final Map<String, Level> levels = new HashMap<>();

        static Capture listen() {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            Capture capture = new Capture();
            capture.setContext(context);
            capture.setName("secret-capture");
            capture.start();
            context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(capture);
            for (String name : AS_SHIPPED) {
                capture.set(context.getLogger(name), Level.INFO);
            }
            for (String name : VERBOSE) {
                capture.set(context.getLogger(name), Level.DEBUG);
            }
            return capture;
        }

        private void set(Logger logger, Level level) {
            levels.putIfAbsent(logger.getName(), logger.getLevel());
            logger.setLevel(level);
        }

        @Override
        public void stop() {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
            levels.forEach((name, level) -> context.getLogger(name).setLevel(level));
            super.stop();
        }

        @Override
        protected void append(ILoggingEvent event) {
            StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
                    .append(event.getFormattedMessage());
            if (event.getArgumentArray() != null) {
                for (Object argument : event.getArgumentArray()) {
                    line.append(' ').append(argument);
                }
            }
            event.getMDCPropertyMap().forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
            if (event.getThrowableProxy() != null) {
                line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            lines.add(line.toString());
        }

        List<String> lines() {
            return List.copyOf(lines);
        }
    }
}
