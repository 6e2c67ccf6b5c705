package org.healthscore.bench.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the evaluation report page in a real browser: it loads with no request but its own, each of the five
 * {@code svg[data-chart]} charts is there, laid out and drawn, and it has no script. Writes a full-page PNG at an
 * A4-ish width of 1240 px and an A4 PDF. Run it as
 * {@code mvn -q -pl bench -am -DskipTests -Preport-check package -Dexec.args=URL_OR_FILE}; sends
 * {@code Authorization: Bearer $HEALTHSCORE_REPORT_TOKEN} when that variable is set. Exits 0 when all holds, 1 when
 * the page fails the check, 2 when it could not be checked.
 */
public final class ReportCheck {

    static final List<String> CHARTS = List.of("roc", "band-rates", "distribution", "measure-auc", "decile-lift");
    /** A4 at 150 dpi. */
    static final int WIDTH = 1240;
    static final int HEIGHT = 1754;
    static final String TOKEN_ENV = "HEALTHSCORE_REPORT_TOKEN";

    /**
     * What the page says of one chart: how many svgs carry its name and, of the first, whether it is an SVG element
     * (served as XHTML, an {@code <svg>} without {@code xmlns="http://www.w3.org/2000/svg"} is not), its box, its
     * shapes with a non-empty box and its texts.
     */
    record Chart(String name, int count, boolean svg, double width, double height, int shapes, int labels) {
        boolean ok() {
            return problem() == null;
        }

        String problem() {
            return count == 0 ? "missing" : !svg ? "is not an SVG element (no xmlns=\"http://www.w3.org/2000/svg\"?)"
                    : width <= 0 || height <= 0 ? "has an empty box" : shapes == 0 ? "draws nothing" : null;
        }
    }

    record Options(URI target, Path out, String chromium, boolean pdf, Duration timeout) {

        static final String USAGE = "usage: ReportCheck [--out DIR] [--chromium PATH] [--no-pdf] [--timeout SECONDS]"
                + " (http://...report.html | file:///... | PATH)";

        static Options parse(String[] args, String defaultOut) {
            Path out = Path.of(defaultOut);
            String chromium = "/usr/bin/chromium";
            boolean pdf = true;
            Duration timeout = Duration.ofSeconds(30);
            URI target = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--out" -> out = Path.of(value(args, ++i));
                    case "--chromium" -> chromium = value(args, ++i);
                    case "--no-pdf" -> pdf = false;
                    case "--timeout" -> timeout = Duration.ofSeconds(Long.parseLong(value(args, ++i)));
                    default -> {
                        if (args[i].startsWith("--") || target != null) {
                            throw new IllegalArgumentException(USAGE);
                        }
                        target = target(args[i]);
                    }
                }
            }
            if (target == null) {
                throw new IllegalArgumentException(USAGE);
            }
            return new Options(target, out, chromium, pdf, timeout);
        }

        /** An http(s) or file URL as given; anything else is a path to a saved page. */
        static URI target(String arg) {
            return arg.matches("(?i)(https?|file):.*") ? URI.create(arg) : Path.of(arg).toAbsolutePath().normalize().toUri();
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(USAGE);
            }
            return args[i];
        }
    }

    private ReportCheck() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(TOKEN_ENV), System.out));
    }

    static int run(String[] args, String token, PrintStream out) {
        Options options;
        try {
            options = Options.parse(args, System.getProperty("reportCheck.out", "target/report-check"));
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 2;
        }
        out.println("report-check " + options.target());
        try (Chromium chromium = Chromium.start(options.chromium(), options.timeout());
                CdpClient cdp = chromium.connectToPage(options.timeout())) {
            List<String> problems = check(cdp, options, Optional.ofNullable(token).filter(t -> !t.isBlank()), out);
            out.println(problems.isEmpty() ? "report-check: OK" : "report-check: FAILED: " + String.join("; ", problems));
            return problems.isEmpty() ? 0 : 1;
        } catch (IOException e) {
            out.println("report-check: could not check the page: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    /** Loads the page, prints what it found, writes the PNG (and PDF) and returns the problems, none if it passes. */
    static List<String> check(CdpClient cdp, Options options, Optional<String> token, PrintStream out)
            throws IOException, InterruptedException {
        String page = options.target().toString();
        List<String> requests = new CopyOnWriteArrayList<>();
        AtomicReference<String> document = new AtomicReference<>("nothing");
        cdp.on("Network.requestWillBeSent", event -> requests.add(event.path("request").path("url").asText()));
        cdp.on("Network.responseReceived", event -> {
            if ("Document".equals(event.path("type").asText()) && sameDocument(page, event.at("/response/url").asText())) {
                document.set(event.at("/response/status").asInt() + " " + event.at("/response/mimeType").asText());
            }
        });
        cdp.call("Network.enable");
        cdp.call("Page.enable");
        if (token.isPresent()) {
            cdp.call("Network.setExtraHTTPHeaders", params(Map.of("headers",
                    Map.of("Authorization", "Bearer " + token.get()))));
        }
        cdp.call("Emulation.setDeviceMetricsOverride", params(Map.of("width", WIDTH, "height", HEIGHT,
                "deviceScaleFactor", 1, "mobile", false)));

        List<String> problems = new ArrayList<>();
        var loaded = cdp.next("Page.loadEventFired");
        JsonNode navigation = cdp.call("Page.navigate", params(Map.of("url", page)));
        if (navigation.hasNonNull("errorText")) {
            return List.of("navigation failed: " + navigation.get("errorText").asText());
        }
        try {
            loaded.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return List.of("page did not load within " + options.timeout().toSeconds() + " s");
        }
        settle(requests);

        JsonNode facts = evaluate(cdp, "JSON.stringify({contentType: document.contentType,"
                + " scripts: document.getElementsByTagName('script').length,"
                + " charts: " + CdpClient.JSON.writeValueAsString(CHARTS) + ".map(" + CHART_FACTS + ")})");
        String status = document.get();
        out.printf("  document  %s, parsed as %s, %d script elements%n", status, facts.path("contentType").asText(),
                facts.path("scripts").asInt());
        if (!status.matches("2\\d\\d .*")) {
            problems.add("the page answered " + status);
        }
        if (facts.path("scripts").asInt() > 0) {
            problems.add("the page has script elements");
        }
        for (Chart chart : charts(facts.path("charts"))) {
            out.printf("  chart %-13s %-4s %-11s %3d shapes, %3d labels%s%n", chart.name(), chart.ok() ? "ok" : "FAIL",
                    String.format("%.0fx%.0f px", chart.width(), chart.height()), chart.shapes(), chart.labels(),
                    chart.ok() ? chart.count() > 1 ? " (" + chart.count() + " such svgs)" : ""
                            : "  <- " + chart.problem());
            if (!chart.ok()) {
                problems.add("chart " + chart.name() + " " + chart.problem());
            }
        }
        Files.createDirectories(options.out());
        JsonNode size = cdp.call("Page.getLayoutMetrics").path("cssContentSize");
        int width = (int) Math.ceil(size.path("width").asDouble());
        int height = (int) Math.ceil(size.path("height").asDouble());
        Path png = options.out().resolve("report.png");
        Files.write(png, Base64.getDecoder().decode(cdp.call("Page.captureScreenshot", params(Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", Math.max(WIDTH, width),
                        "height", height, "scale", 1)))).path("data").asText()));
        out.printf("  png       %s  %dx%d px%s%n", png, Math.max(WIDTH, width), height,
                width > WIDTH ? "  (content is wider than " + WIDTH + " px: it scrolls sideways)" : "");
        if (options.pdf()) {
            Path pdf = options.out().resolve("report.pdf");
            byte[] bytes = Base64.getDecoder().decode(cdp.call("Page.printToPDF", params(Map.of("paperWidth", 8.27,
                    "paperHeight", 11.69, "printBackground", true))).path("data").asText());
            Files.write(pdf, bytes);
            out.printf("  pdf       %s  A4, %d pages, %d kB%n", pdf, pdfPages(bytes), bytes.length / 1024);
        }
        settle(requests); // printing may fetch what only print styles name
        out.printf("  requests (%d):%n", requests.size());
        for (String request : requests) {
            boolean external = isExternal(page, request);
            out.println("    " + abbreviate(request) + (external ? "  <- EXTERNAL" : sameDocument(page, request)
                    ? "  (the page)" : isBrowserFavicon(page, request) ? "  (the browser's own favicon request)" : ""));
            if (external) {
                problems.add("external request " + abbreviate(request));
            }
        }
        return problems;
    }

    /** Per chart name: how many svgs carry it, the first one's box, its shapes with a non-empty box, its texts. */
    private static final String CHART_FACTS = "name => {"
            + " const all = document.querySelectorAll('svg[data-chart=\"' + name + '\"]'); const svg = all[0];"
            + " if (!svg) return {name, count: 0, svg: false, width: 0, height: 0, shapes: 0, labels: 0};"
            + " const box = svg.getBoundingClientRect();"
            + " const shapes = [...svg.querySelectorAll('path, line, polyline, polygon, rect, circle, ellipse')]"
            + "   .filter(s => s instanceof SVGGraphicsElement)"
            + "   .filter(s => { const b = s.getBBox(); return b.width > 0 || b.height > 0; }).length;"
            + " return {name, count: all.length, svg: svg instanceof SVGSVGElement, width: box.width,"
            + "   height: box.height, shapes, labels: svg.querySelectorAll('text').length}; }";

    static List<Chart> charts(JsonNode facts) {
        List<Chart> charts = new ArrayList<>();
        for (JsonNode chart : facts) {
            charts.add(new Chart(chart.path("name").asText(), chart.path("count").asInt(), chart.path("svg").asBoolean(),
                    chart.path("width").asDouble(), chart.path("height").asDouble(), chart.path("shapes").asInt(),
                    chart.path("labels").asInt()));
        }
        return charts;
    }

    /**
     * Anything but the page itself (its URL, whatever the fragment), inline {@code data:} URLs and the favicon that
     * Chromium asks the page's server for by itself when the page names none.
     */
    static boolean isExternal(String page, String request) {
        return !request.regionMatches(true, 0, "data:", 0, 5) && !sameDocument(page, request)
                && !isBrowserFavicon(page, request);
    }

    static boolean isBrowserFavicon(String page, String request) {
        try {
            URI pageUri = URI.create(page);
            URI requestUri = URI.create(request);
            return pageUri.getScheme() != null && pageUri.getScheme().startsWith("http")
                    && pageUri.getScheme().equals(requestUri.getScheme())
                    && Objects.equals(pageUri.getRawAuthority(), requestUri.getRawAuthority())
                    && "/favicon.ico".equals(requestUri.getRawPath()) && requestUri.getRawQuery() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean sameDocument(String page, String url) {
        return withoutFragment(page).equals(withoutFragment(url));
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    /** Page objects in a PDF as Chromium writes it ("/Type /Page", not "/Pages"); 0 if they cannot be seen. */
    static int pdfPages(byte[] pdf) {
        Matcher page = Pattern.compile("/Type\\s*/Page(?![a-zA-Z])").matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        int pages = 0;
        while (page.find()) {
            pages++;
        }
        return pages;
    }

    private static String abbreviate(String url) {
        return url.length() <= 120 ? url : url.substring(0, 117) + "...";
    }

    /** Waits until no request has started for 300 ms (at most 3 s), for anything that starts late. */
    private static void settle(List<String> requests) throws InterruptedException {
        int before = -1;
        for (int i = 0; i < 10 && before != requests.size(); i++) {
            before = requests.size();
            Thread.sleep(300);
        }
    }

    private static JsonNode evaluate(CdpClient cdp, String expression) throws IOException {
        JsonNode result = cdp.call("Runtime.evaluate", params(Map.of("expression", expression, "returnByValue", true)));
        if (result.has("exceptionDetails")) {
            throw new IOException("evaluation failed in the page: " + result.get("exceptionDetails"));
        }
        return CdpClient.JSON.readTree(result.at("/result/value").asText());
    }

    private static ObjectNode params(Map<String, ?> params) {
        return CdpClient.JSON.valueToTree(params);
    }
}
