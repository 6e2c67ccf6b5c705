package org.healthscore.bench;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Every benchmark in one run, each workload at three sizes, and one table at the end: the figure, the floor
 * measured in the same run, the ratio, the cost of one unit (to show how it grows with size) and the target.
 * Sizes fit the whole run in about 15 minutes on two cores; each list can be changed with a system property
 * (comma-separated): {@code -Dingest.rows}, {@code -Drescore.accounts}, {@code -Dbacktest.accounts},
 * {@code -Devaluation.rows}, {@code -Dscoring.accounts}, {@code -Dlive.accounts}, {@code -Dlive.seconds}.
 *
 * <p>In one JVM the workloads warm each other up; ingest, re-score and backtest still run a cold round first (not
 * in the table) so their smallest size does not pay alone for compiling their own code paths.
 */
final class AllBenchmarks {

    private static final String CLIENTS = LiveBenchmark.CLIENTS + " clients";

    private final ResultTable table = new ResultTable();
    private final long start = System.nanoTime();

    private AllBenchmarks() {
    }

    static void run() {
        AllBenchmarks all = new AllBenchmarks();
        System.out.printf("All benchmarks, started %s, %d processors, max heap %,d MiB%n",
                LocalDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        all.step("scoring core (JMH)", all::scoring);
        all.step("evaluation core", all::evaluationCore);
        all.step("ingest", all::ingest);
        all.step("re-score", all::rescore);
        all.step("backtest", all::backtest);
        all.step("live REST and GraphQL", all::live);
        System.out.printf("%n%s%nWall time of the benchmarks: %.0f s%n", all.table.render(), all.elapsed());
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Runs one workload; a failure becomes a line of the table instead of ending the run. */
    private void step(String name, Step step) {
        System.out.printf("[%5.0f s] %s...%n", elapsed(), name);
        try {
            step.run();
        } catch (Exception | LinkageError e) {
            e.printStackTrace();
            table.add(new Measurement(name, "-", 0, "FAILED: " + e, "-", Double.NaN, Double.NaN, "",
                    Target.of("runs", false)));
        }
    }

    private double elapsed() {
        return (System.nanoTime() - start) / 1e9;
    }

    private void scoring() throws Exception {
        for (ScoringBenchmark.Figures f : ScoringBenchmark.measure(sizes("scoring.accounts", "100,1000,10000"), 3, 3,
                true)) {
            table.add(new Measurement("scoring core (1 thread)", count(f.accounts()) + " accounts", f.accounts(),
                    count(f.core()) + " ± " + count(f.coreError()) + " evals/s",
                    "window sums " + count(f.floorWindows()) + "/s",
                    Measurement.slowerThan(f.core(), f.floorWindows()), 1e9 / f.core(), "ns/eval",
                    Target.of(">= 1,000,000 evals/s", f.core() >= 1_000_000)));
        }
    }

    private void evaluationCore() {
        boolean warmUp = true;
        for (int rows : sizes("evaluation.rows", "10000,100000,1000000")) {
            EvaluationCoreBenchmark.Figures f = EvaluationCoreBenchmark.measure(rows, 2, warmUp);
            warmUp = false;
            boolean targetSize = rows >= 1_000_000;
            table.add(new Measurement("evaluation core (1 thread)", count(rows) + " rows", rows,
                    seconds(f.bestSeconds()), "one sort of the scores " + seconds(f.floorSeconds()),
                    Measurement.timesFloor(f.bestSeconds(), f.floorSeconds()), f.bestSeconds() / rows * 1e6, "µs/row",
                    targetSize ? Target.of("< 10 s", f.bestSeconds() < EvaluationCoreBenchmark.TARGET_SECONDS)
                            : Target.none()));
        }
    }

    private void ingest() throws Exception {
        List<Measurement> ndjson = new ArrayList<>();
        List<Measurement> csv = new ArrayList<>();
        List<Measurement> unchanged = new ArrayList<>();
        // An untimed round first, as re-score and backtest have: the smallest size would otherwise pay for
        // compiling the HTTP, parsing and batch-writing paths alone.
        IngestBenchmark.measure(20_000);
        for (int rows : sizes("ingest.rows", "10000,100000,1000000")) {
            IngestBenchmark.Figures f = IngestBenchmark.measure(rows);
            String size = count(rows) + " observations";
            String floor = "JDBC batched INSERT " + count(rows / f.floorSeconds()) + " rows/s";
            ndjson.add(ingestLine("ingest NDJSON (new rows)", size, rows, f.ndjsonSeconds(), floor, f.floorSeconds()));
            csv.add(ingestLine("ingest CSV (new rows)", size, rows, f.csvSeconds(), floor, f.floorSeconds()));
            unchanged.add(ingestLine("ingest CSV again (unchanged)", size, rows, f.unchangedCsvSeconds(), floor,
                    f.floorSeconds()));
        }
        table.addAll(csv);
        table.addAll(ndjson);
        table.addAll(unchanged);
    }

    private static Measurement ingestLine(String workload, String size, int rows, double seconds, String floor,
                                          double floorSeconds) {
        double ratio = Measurement.timesFloor(seconds, floorSeconds);
        return new Measurement(workload, size, rows, count(rows / seconds) + " rows/s (" + seconds(seconds) + ")",
                floor, ratio, seconds / rows * 1e6, "µs/row", Target.of("<= 2x floor", ratio <= 2));
    }

    private void rescore() throws Exception {
        boolean cold = true;
        for (int accounts : sizes("rescore.accounts", "1000,3000,10000")) {
            RescoreBenchmark.Figures f = RescoreBenchmark.measure(accounts, cold);
            cold = false;
            double ratio = Measurement.timesFloor(f.jobSeconds(), f.floorSeconds());
            table.add(new Measurement("re-score job, end to end", count(accounts) + " accounts", accounts,
                    count(accounts / f.jobSeconds()) + " accounts/s (" + seconds(f.jobSeconds()) + ")",
                    "JDBC scan + INSERT " + count(accounts / f.floorSeconds()) + " accounts/s", ratio,
                    f.jobSeconds() / accounts * 1e6, "µs/account", Target.of("<= 2x floor", ratio <= 2)));
        }
    }

    private void backtest() throws Exception {
        boolean cold = true;
        for (int accounts : sizes("backtest.accounts", "1000,2000,5000")) {
            BacktestBenchmark.Round r = BacktestBenchmark.measure(accounts, cold).warm();
            cold = false;
            table.add(new Measurement("evaluation (BACKTEST), end to end",
                    count(accounts) + " accounts x " + r.dates() + " asOf", r.rows(),
                    count(r.rows() / r.job()) + " rows/s (" + seconds(r.job()) + ")",
                    "JDBC window scans + INSERT " + count(r.rows() / r.floor()) + " rows/s",
                    Measurement.timesFloor(r.job(), r.floor()), r.job() / r.rows() * 1e6, "µs/row", Target.none()));
        }
    }

    private void live() throws Exception {
        LiveBenchmark.Settings settings = LiveBenchmark.Settings.fromProperties();
        settings = new LiveBenchmark.Settings(Integer.getInteger("live.accounts", settings.accounts()),
                LiveBenchmark.CLIENTS, settings.warmUp(), Duration.ofSeconds(Integer.getInteger("live.seconds", 8)), settings.maxRequests(),
                settings.computeSizes(), settings.pageSizes());
        List<LiveBenchmark.Point> points = LiveBenchmark.measure(settings);
        LoadResult floor = points.get(0).load();
        String floorText = "p99 " + millis(floor.p99Millis()) + " (" + count(floor.throughput()) + " req/s)";
        List<LiveBenchmark.Point> pages = new ArrayList<>();
        for (LiveBenchmark.Point p : points) {
            LoadResult l = p.load();
            double ratio = l.p99Millis() / floor.p99Millis();
            boolean floorLine = p == points.get(0);
            boolean page = p.workload().startsWith("GraphQL");
            boolean live = p.workload().startsWith("GET") || (p.workload().startsWith("POST") && p.size() == 1);
            Target target = live
                    ? Target.of("p99 < 20 ms, <= 3x floor p99", l.errors() == 0 && l.p99Millis() < 20 && ratio <= 3)
                    : l.errors() > 0 ? Target.of("no errors", false) : Target.none();
            String unit = p.size() == 1 ? "request" : "account";
            table.add(new Measurement(p.workload() + " (" + CLIENTS + ")",
                    floorLine || p.workload().startsWith("GET") ? "1 request" : accounts(p.size()),
                    p.size(), l.summary() + ", " + p.statements() + " SQL", floorLine ? "(the floor)" : floorText,
                    floorLine ? 1 : ratio, 1e6 / (l.throughput() * p.size()), "µs/" + unit, target));
            if (page) {
                pages.add(p);
            }
        }
        boolean constant = pages.stream().mapToLong(LiveBenchmark.Point::statements).distinct().count() == 1;
        for (LiveBenchmark.Point p : pages) {
            table.add(new Measurement("GraphQL page: SQL statements", accounts(p.size()), p.size(),
                    p.statements() + " statements per page", "-", Double.NaN, Double.NaN, "",
                    Target.of("the same for every page size", constant)));
        }
    }

    static List<Integer> sizes(String property, String defaults) {
        return Arrays.stream(System.getProperty(property, defaults).split(",")).map(String::trim)
                .map(Integer::parseInt).toList();
    }

    static String accounts(int n) {
        return count(n) + (n == 1 ? " account" : " accounts");
    }

    static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String seconds(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.2f s" : "%.1f s", value);
    }

    static String millis(double value) {
        return String.format(Locale.ROOT, "%.1f ms", value);
    }
}
