package org.healthscore.bench;

/**
 * Entry point of the benchmarks: {@code mvn -q -DskipTests install && mvn -q -pl bench exec:java -Dexec.args=all}
 * runs every one at three sizes and prints one table (BENCHMARKS.md); {@code -Dexec.args=ingest} (or
 * {@code scoring}, {@code rescore}, {@code evaluation-core}, {@code backtest}, {@code live}) runs one with its own
 * detail. Each benchmark prints its figures beside a floor or a target measured in the same run on the same machine.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "ingest";
        switch (which) {
            case "ingest" -> IngestBenchmark.run(Integer.getInteger("rows", 1_000_000));
            case "scoring" -> ScoringBenchmark.run();
            case "rescore" -> RescoreBenchmark.run(Integer.getInteger("accounts", 10_000));
            case "evaluation-core" -> EvaluationCoreBenchmark.run(Integer.getInteger("rows", 1_000_000));
            case "backtest" -> BacktestBenchmark.run(Integer.getInteger("accounts", 10_000));
            case "live" -> LiveBenchmark.run(LiveBenchmark.Settings.fromProperties());
            case "all" -> AllBenchmarks.run();
            default -> throw new IllegalArgumentException("Unknown benchmark " + which
                    + "; known: all, ingest, scoring, rescore, evaluation-core, backtest, live");
        }
        System.exit(0);
    }
}
