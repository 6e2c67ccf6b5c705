package org.healthscore.bench.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The browser check's own logic, with no browser: see {@link ReportCheckBrowserTest} for the run in Chromium. */
class ReportCheckTest {

    @Test
    void readsPortAndBrowserPathFromDevToolsActivePort() {
        assertThat(Chromium.parseActivePort("40123\n/devtools/browser/5e1c-77\n"))
                .contains(new Chromium.ActivePort(40123, "/devtools/browser/5e1c-77"));
        assertThat(Chromium.parseActivePort("40123\r\n/devtools/browser/x")).map(Chromium.ActivePort::port)
                .contains(40123);
    }

    @Test
    void aHalfWrittenDevToolsActivePortIsNotReadYet() {
        assertThat(Chromium.parseActivePort("")).isEmpty();
        assertThat(Chromium.parseActivePort("40123\n")).isEmpty();
        assertThat(Chromium.parseActivePort("40123\n/devto")).isEmpty();
        assertThat(Chromium.parseActivePort("port\n/devtools/browser/x")).isEmpty();
    }

    @Test
    void connectsToThePageTargetNotAWorkerOrTheBrowser() throws Exception {
        JsonNode targets = CdpClient.JSON.readTree("""
                [{"type": "service_worker", "webSocketDebuggerUrl": "ws://127.0.0.1:9/devtools/page/W"},
                 {"type": "page", "url": "about:blank", "webSocketDebuggerUrl": "ws://127.0.0.1:9/devtools/page/P"}]
                """);
        assertThat(Chromium.pageTarget(targets)).contains(URI.create("ws://127.0.0.1:9/devtools/page/P"));
        assertThat(Chromium.pageTarget(CdpClient.JSON.readTree("[]"))).isEmpty();
    }

    @Test
    void everyRequestButThePageItselfAndDataUrlsIsExternal() {
        String page = "http://localhost:8080/api/v1/evaluations/e1/report.html";
        assertThat(ReportCheck.isExternal(page, page)).isFalse();
        assertThat(ReportCheck.isExternal(page, page + "#roc")).isFalse();
        assertThat(ReportCheck.isExternal(page, "data:image/png;base64,iVBORw0KGgo=")).isFalse();
        assertThat(ReportCheck.isExternal(page, "http://example.org/x.png")).isTrue();
        assertThat(ReportCheck.isExternal(page, "http://localhost:8080/static/report.css")).isTrue();
        assertThat(ReportCheck.isExternal(page, "http://localhost:8080/favicon.ico")).isFalse(); // Chromium's own
        assertThat(ReportCheck.isExternal(page, "http://localhost:9090/favicon.ico")).isTrue();
        assertThat(ReportCheck.isExternal(page, "http://localhost:8080/favicon.ico?v=2")).isTrue();
        assertThat(ReportCheck.isExternal(page, "http://localhost:8080/img/favicon.ico")).isTrue();
        assertThat(ReportCheck.isExternal("file:///tmp/r.html", "file:///favicon.ico")).isTrue();
        assertThat(ReportCheck.isExternal(page, page + "?format=pdf")).isTrue();
        assertThat(ReportCheck.isExternal("file:///tmp/report-sample.html", "https://fonts.example/inter.woff2"))
                .isTrue();
    }

    @Test
    void aChartPassesWhenItIsThereLaidOutAndDrawn() throws Exception {
        JsonNode facts = CdpClient.JSON.readTree("""
                [{"name": "roc", "count": 1, "svg": true, "width": 570, "height": 428, "shapes": 4, "labels": 3},
                 {"name": "band-rates", "count": 0, "svg": false, "width": 0, "height": 0, "shapes": 0, "labels": 0},
                 {"name": "distribution", "count": 1, "svg": false, "width": 570, "height": 18, "shapes": 0},
                 {"name": "measure-auc", "count": 1, "svg": true, "width": 570, "height": 0, "shapes": 9},
                 {"name": "decile-lift", "count": 1, "svg": true, "width": 570, "height": 428, "shapes": 0}]
                """);
        assertThat(ReportCheck.charts(facts)).extracting(ReportCheck.Chart::name, ReportCheck.Chart::ok)
                .containsExactly(tuple("roc", true), tuple("band-rates", false), tuple("distribution", false),
                        tuple("measure-auc", false), tuple("decile-lift", false));
        assertThat(ReportCheck.charts(facts).subList(1, 5)).extracting(ReportCheck.Chart::problem).containsExactly(
                "missing", "is not an SVG element (no xmlns=\"http://www.w3.org/2000/svg\"?)", "has an empty box",
                "draws nothing");
    }

    @Test
    void takesAUrlOrAPathToASavedPage() {
        ReportCheck.Options options = ReportCheck.Options.parse(new String[] {"--no-pdf", "--out", "/tmp/out",
                "--timeout", "5", "http://localhost:8080/api/v1/evaluations/e1/report.html"}, "target/report-check");
        assertThat(options.target()).isEqualTo(URI.create("http://localhost:8080/api/v1/evaluations/e1/report.html"));
        assertThat(options.out()).isEqualTo(Path.of("/tmp/out"));
        assertThat(options.pdf()).isFalse();
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.chromium()).isEqualTo("/usr/bin/chromium");

        assertThat(ReportCheck.Options.target("/tmp/report-sample.html"))
                .isEqualTo(URI.create("file:///tmp/report-sample.html"));
        assertThat(ReportCheck.Options.target("file:///tmp/a.html")).isEqualTo(URI.create("file:///tmp/a.html"));
        assertThatThrownBy(() -> ReportCheck.Options.parse(new String[] {"--out"}, "x"))
                .hasMessageStartingWith("usage:");
        assertThatThrownBy(() -> ReportCheck.Options.parse(new String[] {"a.html", "b.html"}, "x"))
                .hasMessageStartingWith("usage:");
    }

    @Test
    void withoutATargetItPrintsUsageAndExits2() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ReportCheck.run(new String[0], null, new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage:");
    }

    @Test
    void aMissingBrowserIsReportedNotThrown() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = ReportCheck.run(new String[] {"--chromium", "/nonexistent/chromium", "--no-pdf", "x.html"}, null,
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("could not check the page: Cannot start "
                + "/nonexistent/chromium (apt-get install -y chromium)");
    }

    @Test
    void countsThePagesOfAPdf() {
        byte[] pdf = ("%PDF-1.4\n1 0 obj << /Type /Pages /Count 2 /Kids [2 0 R 3 0 R] >>\n"
                + "2 0 obj << /Type /Page /Parent 1 0 R >>\n3 0 obj <</Type/Page/Parent 1 0 R>>\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(ReportCheck.pdfPages(pdf)).isEqualTo(2);
    }
}
