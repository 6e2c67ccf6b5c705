package org.healthscore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.healthscore.persistence.Persistence;

/**
 * Live scoring and the GraphQL account page under 32 concurrent clients (closed loop), beside the floor measured
 * under the same load on the same server: {@code GET /api/v1/metrics?limit=1}, a cheap authenticated REST JSON
 * endpoint (the key lookup every request pays, one small catalog read, a small JSON answer), so both sides pay
 * for authentication, Jersey and Jackson. The data: N accounts x 10 measures (AVERAGE over 365 days) x 12 monthly
 * observations, the same shape the re-score benchmark scores.
 *
 * <p>Workloads: {@code GET /api/v1/accounts/{id}/health} of a random account; {@code POST /api/v1/scores/compute}
 * for 1, 10 and 100 random accounts; a GraphQL page of 10, 50 and 100 accounts with their health and breakdown,
 * starting at a random page. Beside each, the SQL statements one such request costs (counted by the service's
 * statement counter over one request on an idle server): a page must cost as many for 100 accounts as for 10.
 */
final class LiveBenchmark {

    static final int CLIENTS = 32;
    private static final int MEASURES = 10;
    private static final int MONTHS = 12;
    private static final String AS_OF = "2026-12-31";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE_QUERY = "query($n: Int, $after: String) { accounts(first: $n, after: $after) {"
            + " nodes { externalId health(scorecard: \"bench\", asOf: \"" + AS_OF + "\") { score band coverage"
            + " measures { metric { key } rawValue score weight contribution pointsLost ageDays }"
            + " groups { name score } } } } }";
    private static final String CURSOR_QUERY = "query($n: Int, $after: String) { accounts(first: $n, after: $after) {"
            + " pageInfo { endCursor hasNextPage } } }";

    /** One workload at one size: its load run and the statements one request costs. */
    record Point(String workload, int size, LoadResult load, long statements) {
    }

    /** The floor first, then each workload; every point gets the same warm-up, window and request bound. */
    record Settings(int accounts, int clients, Duration warmUp, Duration measured, long maxRequests,
                    List<Integer> computeSizes, List<Integer> pageSizes) {

        /** {@code -Daccounts=}, {@code -Dclients=}, {@code -DwarmupSeconds=} and {@code -Dseconds=}. */
        static Settings fromProperties() {
            return new Settings(Integer.getInteger("accounts", 2_000), Integer.getInteger("clients", CLIENTS),
                    Duration.ofSeconds(Integer.getInteger("warmupSeconds", 3)),
                    Duration.ofSeconds(Integer.getInteger("seconds", 8)), 500_000, List.of(1, 10, 100),
                    List.of(10, 50, 100));
        }
    }

    private LiveBenchmark() {
    }

    static void run(Settings settings) throws Exception {
        List<Point> points = measure(settings);
        System.out.printf("%nLive benchmark: %,d accounts x %d measures x %d monthly observations, %d clients,"
                        + " closed loop, %d s warm-up + %d s measured per line%n%n", settings.accounts(), MEASURES,
                MONTHS, settings.clients(), settings.warmUp().toSeconds(), settings.measured().toSeconds());
        System.out.printf("%-34s %6s %10s %10s %10s %10s %8s %12s%n", "workload", "size", "p50 ms", "p99 ms", "req/s",
                "requests", "errors", "statements");
        for (Point p : points) {
            LoadResult l = p.load();
            System.out.printf("%-34s %6d %10.2f %10.2f %,10.0f %,10d %,8d %12d%n", p.workload(), p.size(),
                    l.p50Millis(), l.p99Millis(), l.throughput(), l.requests(), l.errors(), p.statements());
            if (l.firstError() != null) {
                System.out.println("    first error: " + l.firstError());
            }
        }
    }

    static List<Point> measure(Settings settings) throws Exception {
        int accounts = settings.accounts();
        try (BenchServer bench = new BenchServer("live")) {
            String admin = bench.workspace();
            bench.scorecardAndAccounts(admin, MEASURES, "AVERAGE", 365, accounts);
            bench.monthlyObservations(admin, accounts, MEASURES, MONTHS, LocalDate.of(2026, 1, 15),
                    i -> i * 31L % 100);
            ClosedLoop loop = new ClosedLoop(settings.clients(), settings.warmUp(), settings.measured(), settings.maxRequests());
            List<Point> points = new ArrayList<>();

            Supplier<HttpRequest> trivial = () -> bench.request("/api/v1/metrics?limit=1", admin).GET().build();
            points.add(point(bench, loop, "floor: GET /api/v1/metrics?limit=1", 1, trivial,
                    body -> body.contains("\"items\"")));

            Supplier<HttpRequest> health = () -> bench.request("/api/v1/accounts/acct-" + random(accounts)
                    + "/health?scorecard=bench&asOf=" + AS_OF, admin).GET().build();
            points.add(point(bench, loop, "GET /accounts/{id}/health", 1, health,
                    body -> body.contains("\"band\"")));

            for (int size : settings.computeSizes()) {
                Supplier<HttpRequest> compute = () -> bench.request("/api/v1/scores/compute", admin)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(computeBody(accounts, size))).build();
                points.add(point(bench, loop, "POST /scores/compute", size, compute,
                        body -> body.contains("\"results\"") && !body.contains("\"error\"")));
            }

            for (int size : settings.pageSizes()) {
                List<String> cursors = cursors(bench, admin, size, accounts);
                Supplier<HttpRequest> page = () -> graphql(bench, admin, PAGE_QUERY, size,
                        cursors.get(ThreadLocalRandom.current().nextInt(cursors.size())));
                points.add(point(bench, loop, "GraphQL page with health", size, page,
                        body -> body.contains("\"nodes\"") && !body.contains("\"errors\"")));
            }
            return points;
        }
    }

    private static Point point(BenchServer bench, ClosedLoop loop, String workload, int size,
                               Supplier<HttpRequest> request, Predicate<String> answerIsRight) throws Exception {
        long statements = statementsPerRequest(bench, request, answerIsRight);
        return new Point(workload, size, loop.run(request, answerIsRight), statements);
    }

    /**
     * The fewest statements one request cost over three sent one at a time: the counter is global, and the
     * fewest is the request's own (anything else counted meanwhile, such as a pool's validation query, only adds).
     */
    private static long statementsPerRequest(BenchServer bench, Supplier<HttpRequest> request,
                                             Predicate<String> answerIsRight) throws Exception {
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long before = Persistence.statementsExecuted();
            String body = bench.send(request.get());
            fewest = Math.min(fewest, Persistence.statementsExecuted() - before);
            if (!answerIsRight.test(body)) {
                throw new IllegalStateException("unexpected answer: " + body);
            }
        }
        return fewest;
    }

    private static int random(int bound) {
        return ThreadLocalRandom.current().nextInt(bound);
    }

    /** {@code size} accounts in a row from a random start, as a partner system asking about a batch would. */
    private static String computeBody(int accounts, int size) {
        int first = random(accounts - size + 1);
        StringBuilder list = new StringBuilder();
        for (int a = first; a < first + size; a++) {
            list.append(a == first ? "\"" : ",\"").append("acct-").append(a).append('"');
        }
        return "{\"scorecard\":\"bench\",\"asOf\":\"" + AS_OF + "\",\"accounts\":[" + list + "]}";
    }

    private static HttpRequest graphql(BenchServer bench, String admin, String query, int size, String after) {
        String body = JSON.createObjectNode().put("query", query)
                .set("variables", JSON.createObjectNode().put("n", size).put("after", after)).toString();
        return bench.request("/graphql", admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The cursors starting every full page of {@code size} (null for the first), walked once before the load. */
    private static List<String> cursors(BenchServer bench, String admin, int size, int accounts) throws Exception {
        List<String> cursors = new ArrayList<>();
        cursors.add(null);
        String after = null;
        for (int seen = size; seen + size <= accounts; seen += size) {
            JsonNode page = JSON.readTree(bench.send(graphql(bench, admin, CURSOR_QUERY, size, after)));
            JsonNode info = page.path("data").path("accounts").path("pageInfo");
            if (page.has("errors") || !info.path("hasNextPage").asBoolean()) {
                throw new IllegalStateException("paging stopped early: " + page);
            }
            after = info.path("endCursor").asText();
            cursors.add(after);
        }
        return cursors;
    }
}
