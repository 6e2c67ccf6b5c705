package org.healthscore.bench.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The check in Chromium on the sample page and two broken variants of it, from a file and over HTTP with a bearer
 * token. Opt-in, as it needs {@code apt-get install -y chromium}: {@code mvn -q -pl bench -am
 * -Dtest='ReportCheck*Test' -Dsurefire.failIfNoSpecifiedTests=false -Dhealthscore.browser=true verify}.
 * Artefacts go to {@code bench/target/report-check-test/}.
 */
@EnabledIfSystemProperty(named = "healthscore.browser", matches = "true")
class ReportCheckBrowserTest {

    private static final Path OUT = Path.of("target", "report-check-test");
    private static String sample;

    @BeforeAll
    static void readSample() throws IOException {
        try (InputStream in = ReportCheckBrowserTest.class.getResourceAsStream("/report-check/sample.html")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(OUT);
    }

    @Test
    void theSamplePagePasses() throws IOException {
        String output = check(0, save("sample.html", sample).toString());
        assertThat(output).contains("chart roc           ok", "chart decile-lift   ok", "requests (1):", "(the page)",
                "report-check: OK");
        assertThat(OUT.resolve("sample/report.png")).isNotEmptyFile();
        assertThat(OUT.resolve("sample/report.pdf")).isNotEmptyFile();
    }

    @Test
    void anImageFromAnotherHostFails() throws IOException {
        String page = sample.replace("<p>Backtest", "<p><img src=\"http://example.org/x.png\" alt=\"\"/>Backtest");
        assertThat(check(1, save("external.html", page).toString()))
                .contains("http://example.org/x.png  <- EXTERNAL", "FAILED: external request http://example.org/x.png");
    }

    @Test
    void anImageOnlyPrintStylesNameFails() throws IOException {
        String page = sample.replace("</style>",
                "@media print { body { background: url(http://example.org/print.png); } }</style>");
        assertThat(check(1, save("print-only.html", page).toString()))
                .contains("FAILED: external request http://example.org/print.png");
    }

    @Test
    void aMissingChartFails() throws IOException {
        String page = sample.replace("data-chart=\"measure-auc\"", "data-chart=\"something-else\"");
        assertThat(check(1, save("missing.html", page).toString()))
                .contains("chart measure-auc   FAIL", "FAILED: chart measure-auc missing");
    }

    @Test
    void anSvgWithoutTheSvgNamespaceFailsInXhtml() throws IOException {
        // As HTML the parser puts <svg> in the SVG namespace by itself; as XHTML only xmlns does.
        String page = sample.replace("<svg xmlns=\"http://www.w3.org/2000/svg\" data-chart=\"roc\"",
                "<svg data-chart=\"roc\"");
        assertThat(check(1, save("no-namespace.xhtml", page).toString()))
                .contains("parsed as application/xhtml+xml", "FAILED: chart roc is not an SVG element");
    }

    @Test
    void servedAsXhtmlWithABearerTokenItPassesAndWithoutOneItFails() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/evaluations/e1/report.html", exchange -> {
            boolean authorized = "Bearer sample-token".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = (authorized ? sample : "<html xmlns=\"http://www.w3.org/1999/xhtml\"/>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/xhtml+xml; charset=UTF-8");
            exchange.sendResponseHeaders(authorized ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/evaluations/e1/report.html";
            assertThat(run(0, "sample-token", "--out", OUT.resolve("http").toString(), url))
                    .contains("200 application/xhtml+xml, parsed as application/xhtml+xml", "(the page)", "report-check: OK");
            assertThat(run(1, null, "--no-pdf", "--out", OUT.resolve("http-401").toString(), url))
                    .contains("FAILED: the page answered 401");
        } finally {
            server.stop(0);
        }
    }

    private static Path save(String name, String page) throws IOException {
        return Files.writeString(OUT.resolve(name), page);
    }

    private static String check(int exit, String file) {
        String name = file.substring(file.lastIndexOf('/') + 1).replaceAll("\\.x?html$", "");
        return run(exit, null, "--out", OUT.resolve(name).toString(), file);
    }

    private static String run(int exit, String token, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int actual = ReportCheck.run(args, token, new PrintStream(out, true, StandardCharsets.UTF_8));
        String output = out.toString(StandardCharsets.UTF_8);
        System.out.print(output);
        assertThat(actual).as(output).isEqualTo(exit);
        return output;
    }
}
