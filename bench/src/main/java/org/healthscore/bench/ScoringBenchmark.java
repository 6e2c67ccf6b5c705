package org.healthscore.bench;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.healthscore.api.metric.Aggregation;
import org.healthscore.api.metric.AggregationFunction;
import org.healthscore.api.metric.Direction;
import org.healthscore.service.scoring.Bands;
import org.healthscore.service.scoring.Measure;
import org.healthscore.service.scoring.MissingData;
import org.healthscore.service.scoring.Populations;
import org.healthscore.service.scoring.Recipe;
import org.healthscore.service.scoring.ScoreCalculator;
import org.healthscore.service.scoring.ScoringRule;
import org.healthscore.service.scoring.ScoringRule.Thresholds.Step;
import org.healthscore.service.scoring.Series;
import org.healthscore.service.scoring.Window;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The pure scoring core (DESIGN.md 3.2-3.4) on a 10-measure scorecard over 12 months of daily observations per
 * measure and account: for each measure the window is found and aggregated and the rule applied, then the
 * weighted total, band, breakdown and group subscores are built. One operation is one measure evaluation, so
 * JMH's throughput is measure evaluations per second, on one thread: per core.
 *
 * <p>Beside it, in the same run, two floors over the very same arrays: summing exactly the observations the
 * windows hold (index ranges found in advance: the reading no implementation can skip), and summing every
 * observation of the year.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScoringBenchmark {

    /** Accounts scored per invocation: each call takes the next batch of the pool, round and round. */
    static final int BATCH = 100;
    static final int MEASURES = 10;
    static final int DAYS = 365;
    static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);

    /**
     * How many accounts the pool holds (a multiple of {@link #BATCH}): the size of the working set the core walks
     * through, and of the PERCENTILE populations; 1,000 unless the harness asks for others.
     */
    @Param("1000")
    public int accounts;

    private ScoreCalculator calculator;
    private Populations populations;
    private List<List<Series>> pool;
    /** The first account of the next invocation's batch. */
    private int next;
    /** Per account and measure, the [from, to) index range of the window in its series: the floor's reading. */
    private int[][] windowFrom;
    private int[][] windowTo;

    /** A DEAR-like scorecard mixing every aggregation function and every rule. */
    static Recipe recipe() {
        List<Measure> measures = List.of(
                measure("logins_7d", 2, "Engagement", AggregationFunction.SUM, 7,
                        new ScoringRule.Linear(0, 50), Direction.HIGHER_IS_BETTER),
                measure("active_user_pct", 3, "Adoption", AggregationFunction.AVERAGE, 30,
                        new ScoringRule.Thresholds(List.of(new Step(50, 20), new Step(80, 60)), 100),
                        Direction.HIGHER_IS_BETTER),
                measure("feature_adoption", 2, "Adoption", AggregationFunction.LATEST, 90,
                        new ScoringRule.Percentile(), Direction.HIGHER_IS_BETTER),
                measure("usage_trend", 2, "Engagement", AggregationFunction.TREND, 60,
                        new ScoringRule.Linear(-50, 50), Direction.HIGHER_IS_BETTER),
                measure("tickets_90d", 1, "Risk", AggregationFunction.COUNT, 90,
                        new ScoringRule.Linear(0, 120), Direction.LOWER_IS_BETTER),
                measure("nps", 2, "Voice", AggregationFunction.LATEST, 180,
                        new ScoringRule.Linear(-100, 100), Direction.HIGHER_IS_BETTER),
                measure("roi_index", 1, "ROI", AggregationFunction.AVERAGE, 365,
                        new ScoringRule.Linear(0, 10), Direction.HIGHER_IS_BETTER),
                measure("escalation_open", 1, "Risk", AggregationFunction.LATEST, 30,
                        new ScoringRule.BooleanRule(), Direction.LOWER_IS_BETTER),
                measure("days_since_login", 1, "Engagement", AggregationFunction.MIN, 30,
                        new ScoringRule.Percentile(), Direction.LOWER_IS_BETTER),
                measure("seats_used", 1, "Deployment", AggregationFunction.MAX, 90,
                        new ScoringRule.Linear(0, 500), Direction.HIGHER_IS_BETTER));
        return new Recipe(measures, MissingData.DEFAULT, Bands.DEFAULT);
    }

    private static Measure measure(String metric, double weight, String group, AggregationFunction function,
                                   int windowDays, ScoringRule rule, Direction direction) {
        return new Measure(metric, weight, group, rule, direction, new Aggregation(function, windowDays));
    }

    @Setup
    public void setUp() {
        calculator = new ScoreCalculator(recipe());
        Random random = new Random(42);
        long firstDay = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
        if (accounts < BATCH || accounts % BATCH != 0) {
            throw new IllegalArgumentException("accounts must be a multiple of " + BATCH + ": " + accounts);
        }
        pool = new ArrayList<>(accounts);
        for (int a = 0; a < accounts; a++) {
            List<Series> series = new ArrayList<>(MEASURES);
            for (int m = 0; m < MEASURES; m++) {
                long[] times = new long[DAYS];
                double[] values = new double[DAYS];
                double level = 10 + random.nextDouble() * 90;
                for (int d = 0; d < DAYS; d++) {
                    // One observation a day at a random time of day, like a daily sync that drifts.
                    times[d] = firstDay + d * 86_400_000L + random.nextInt(86_400_000);
                    values[d] = m == 7 ? random.nextInt(2) : Math.max(0, level + random.nextGaussian() * 10);
                }
                // Every tenth account has no NPS at all, so the RENORMALIZE path runs too.
                series.add(m == 5 && a % 10 == 0 ? Series.EMPTY : Series.ofSorted(times, values));
            }
            pool.add(series);
        }
        // The PERCENTILE populations: built once per (scorecard version, asOf), as the service does.
        Populations.Builder builder = Populations.builder(calculator.recipe());
        for (List<Series> series : pool) {
            builder.add(calculator.aggregate(AS_OF, series));
        }
        populations = builder.build();

        windowFrom = new int[accounts][MEASURES];
        windowTo = new int[accounts][MEASURES];
        for (int a = 0; a < accounts; a++) {
            for (int m = 0; m < MEASURES; m++) {
                Window w = Window.ending(AS_OF, calculator.recipe().measures().get(m).aggregation().windowDays());
                Series s = pool.get(a).get(m);
                windowFrom[a][m] = s.firstIndexAtOrAfter(w.startMillis());
                windowTo[a][m] = s.firstIndexAtOrAfter(w.endMillis());
            }
        }
    }

    /** The first account of this invocation's batch; moves the next one on. */
    private int batch() {
        int from = next;
        next = (next + BATCH) % accounts;
        return from;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH * MEASURES)
    public void scoringCore(Blackhole blackhole) {
        int from = batch();
        for (int a = from; a < from + BATCH; a++) {
            blackhole.consume(calculator.score(AS_OF, pool.get(a), populations));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH * MEASURES)
    public void floorSumWindowObservations(Blackhole blackhole) {
        int from = batch();
        for (int a = from; a < from + BATCH; a++) {
            List<Series> series = pool.get(a);
            for (int m = 0; m < MEASURES; m++) {
                Series s = series.get(m);
                double sum = 0;
                for (int i = windowFrom[a][m]; i < windowTo[a][m]; i++) {
                    sum += s.value(i);
                }
                blackhole.consume(sum);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH * MEASURES)
    public void floorSumEveryObservation(Blackhole blackhole) {
        int from = batch();
        for (int a = from; a < from + BATCH; a++) {
            for (Series s : pool.get(a)) {
                double sum = 0;
                for (int i = 0; i < s.size(); i++) {
                    sum += s.value(i);
                }
                blackhole.consume(sum);
            }
        }
    }

    /** Per pool size, the three figures in operations (measure evaluations, windows, series) per second. */
    record Figures(int accounts, double core, double coreError, double floorWindows, double floorSeries) {
    }

    /**
     * Runs the three benchmarks and prints the figures: 5 x 1 s warm-up (the scoring loop needs a few seconds of
     * JIT before it is steady), 5 x 1 s measured, one fork. {@code -Dwarmups=}, {@code -Diterations=},
     * {@code -Dforks=} and {@code -Daccounts=} (the pool size, a multiple of 100) change those.
     */
    static void run() throws Exception {
        int forks = forks();
        int accounts = Integer.getInteger("accounts", 1_000);
        Figures f = measure(List.of(accounts), Integer.getInteger("warmups", 5), Integer.getInteger("iterations", 5),
                false).get(0);
        System.out.println();
        System.out.printf("Scoring core: %d-measure scorecard, %d days of daily observations per measure, %d accounts,"
                + " 1 thread, %s%n", MEASURES, DAYS, accounts,
                forks == 0 ? "in the Maven JVM (forks 0: no classpath to fork with)" : forks + " fork(s)");
        System.out.printf("  %,15.0f ± %,13.0f  %s%n", f.core(), f.coreError(),
                "measure evaluations per second per core (aggregate + rule, then total and breakdown)");
        System.out.printf("  %,15.0f  %s%n", f.floorWindows(),
                "floor: windows summed per second (the same in-window values)");
        System.out.printf("  %,15.0f  %s%n", f.floorSeries(),
                "floor: series summed per second (all 12 months of values)");
        System.out.printf("  target >= 1,000,000 measure evaluations per second per core: %s%n",
                f.core() >= 1_000_000 ? "met" : "NOT met");
    }

    /** One fork per benchmark and size when the project's classpath can be handed to it, else none. */
    static int forks() {
        return Integer.getInteger("forks", forkClasspathReady() ? 1 : 0);
    }

    /** Runs the core and its two floors at each pool size, one thread; {@code quiet} silences JMH's own output. */
    static List<Figures> measure(List<Integer> sizes, int warmups, int iterations, boolean quiet)
            throws Exception {
        Options options = new OptionsBuilder()
                .include(Pattern.quote(ScoringBenchmark.class.getName()) + "\\.")
                .param("accounts", sizes.stream().map(String::valueOf).toArray(String[]::new))
                .warmupIterations(warmups).warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(1))
                .forks(forks())
                .threads(1)
                .verbosity(quiet ? VerboseMode.SILENT : VerboseMode.NORMAL)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        List<Figures> figures = new ArrayList<>();
        for (int size : sizes) {
            double[] score = new double[3];
            double coreError = 0;
            for (RunResult r : results) {
                if (Integer.parseInt(r.getParams().getParam("accounts")) != size) {
                    continue;
                }
                String name = r.getParams().getBenchmark();
                Result<?> primary = r.getPrimaryResult();
                switch (name.substring(name.lastIndexOf('.') + 1)) {
                    case "scoringCore" -> {
                        score[0] = primary.getScore();
                        coreError = primary.getScoreError();
                    }
                    case "floorSumWindowObservations" -> score[1] = primary.getScore();
                    case "floorSumEveryObservation" -> score[2] = primary.getScore();
                    default -> throw new IllegalStateException("unexpected benchmark " + name);
                }
            }
            figures.add(new Figures(size, score[0], coreError, score[1], score[2]));
        }
        return figures;
    }

    /**
     * A JMH fork starts a JVM with this JVM's {@code java.class.path}. Under {@code mvn exec:java} that is Maven's
     * own launcher, so point it at the project's classpath (the URLs of the loader exec:java built) first.
     */
    private static boolean forkClasspathReady() {
        if (onClassPath(System.getProperty("java.class.path"))) {
            return true;
        }
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    return false;
                }
            }
            String classpath = String.join(File.pathSeparator, entries);
            if (onClassPath(classpath)) {
                System.setProperty("java.class.path", classpath);
                return true;
            }
        }
        return false;
    }

    private static boolean onClassPath(String classpath) {
        try {
            String here = Path.of(ScoringBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
            return classpath != null && List.of(classpath.split(File.pathSeparator)).contains(here);
        } catch (URISyntaxException | RuntimeException e) {
            return false;
        }
    }
}
