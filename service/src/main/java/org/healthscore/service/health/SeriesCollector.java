package org.healthscore.service.health;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import org.healthscore.persistence.account.ObservationPoint;
import org.healthscore.service.scoring.Point;
import org.healthscore.service.scoring.Series;

/**
 * Observations gathered into what the scoring core takes: per account, one {@link Series} per measure of a
 * recipe. Accounts the filter refuses are dropped.
 *
 * <p>Rows normally arrive as the scoring scans return them, ordered by (account, metric, time): the rows of
 * one account's metric (a run) are appended to two primitive arrays, and become a series when the run ends.
 * A row then costs no map lookup and no boxing, which matters because a re-scoring job passes every
 * observation of its accounts through here. Rows in any other order give the same series as collecting all
 * of a key's points and sorting them stably by time: a run out of time order is sorted, and a key seen again
 * is merged with what it already holds.
 */
final class SeriesCollector implements Consumer<ObservationPoint> {

    private final Map<Long, Integer> measureOf;
    private final int measures;
    private final LongPredicate accepts;
    /** Per accepted account with at least one row, its series by measure ({@code null}: none yet). */
    private final Map<Long, Series[]> byAccount = new HashMap<>();

    /** The account of the last row, and its series (null when the filter refused it). */
    private long account;
    private Series[] accountSeries;
    private boolean anyAccount;

    /** The run being read: the rows of one metric of {@link #account}, in arrival order. */
    private boolean inRun;
    private long runMetric;
    private int runMeasure;
    private long[] times = new long[16];
    private double[] values = new double[16];
    private int size;
    private boolean ascending;

    /**
     * @param measureOf the measure index of each metric id the rows may carry
     * @param measures  how many measures the recipe has
     * @param accepts   which accounts to keep
     */
    SeriesCollector(Map<Long, Integer> measureOf, int measures, LongPredicate accepts) {
        this.measureOf = measureOf;
        this.measures = measures;
        this.accepts = accepts;
    }

    /** Keeps every account. */
    static SeriesCollector of(Map<Long, Integer> measureOf, int measures) {
        return new SeriesCollector(measureOf, measures, id -> true);
    }

    /** Keeps the accounts of a set. */
    static SeriesCollector of(Map<Long, Integer> measureOf, int measures, Set<Long> accounts) {
        return new SeriesCollector(measureOf, measures, accounts::contains);
    }

    @Override
    public void accept(ObservationPoint row) {
        add(row.accountId(), row.metricId(), row.epochMillis(), row.rawValue());
    }

    void add(long accountId, long metricId, long epochMillis, double value) {
        if (!inRun || accountId != account || metricId != runMetric) {
            startRun(accountId, metricId);
        }
        if (accountSeries == null) {
            return;
        }
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        ascending &= size == 0 || times[size - 1] <= epochMillis;
        times[size] = epochMillis;
        values[size] = value;
        size++;
    }

    /** Whether an accepted account has rows for every measure. */
    boolean complete(long accountId) {
        endRun();
        Series[] series = byAccount.get(accountId);
        return series != null && Arrays.stream(series).allMatch(s -> s != null);
    }

    /** Whether an account has rows of a metric. */
    boolean has(long accountId, long metricId) {
        endRun();
        Series[] series = byAccount.get(accountId);
        return series != null && series[measureOf.get(metricId)] != null;
    }

    /** The accounts with at least one row, in the iteration order of a hash map keyed by account id. */
    Iterable<Long> accounts() {
        endRun();
        return byAccount.keySet();
    }

    /** One series per measure, in recipe order; {@link Series#EMPTY} where the account has no rows. */
    List<Series> series(long accountId) {
        endRun();
        Series[] series = byAccount.get(accountId);
        List<Series> out = new ArrayList<>(measures);
        for (int i = 0; i < measures; i++) {
            out.add(series == null || series[i] == null ? Series.EMPTY : series[i]);
        }
        return out;
    }

    private void startRun(long accountId, long metricId) {
        endRun();
        if (!anyAccount || accountId != account) {
            account = accountId;
            anyAccount = true;
            accountSeries = accepts.test(accountId)
                    ? byAccount.computeIfAbsent(accountId, k -> new Series[measures]) : null;
        }
        inRun = true;
        runMetric = metricId;
        runMeasure = accountSeries == null ? -1 : measureOf.get(metricId);
        size = 0;
        ascending = true;
    }

    private void endRun() {
        if (!inRun) {
            return;
        }
        inRun = false;
        if (accountSeries == null || size == 0) {
            return;
        }
        Series held = accountSeries[runMeasure];
        if (held == null && ascending) {
            accountSeries[runMeasure] = Series.ofSorted(Arrays.copyOf(times, size), Arrays.copyOf(values, size));
            return;
        }
        // Out of order, or more of a key already held: sort all of the key's points stably by time.
        List<Point> points = new ArrayList<>();
        for (int i = 0; held != null && i < held.size(); i++) {
            points.add(held.point(i));
        }
        for (int i = 0; i < size; i++) {
            points.add(new Point(times[i], values[i]));
        }
        accountSeries[runMeasure] = Series.of(points);
    }
}
