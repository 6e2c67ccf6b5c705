package org.healthscore.service.evaluation;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The rows of an evaluation (DESIGN.md 3.6), held column by column so a million rows of ten measures stay a
 * few arrays: for each (account, asOf) the account's segment, its score (null: INSUFFICIENT_DATA), each
 * measure's score and each candidate metric's percentile score (NaN: no value), the label y and the date of
 * the first outcome in the horizon (null when y = 0).
 *
 * <p>Accounts and segments are interned (an id per row, the strings once), dates are kept as epoch days, and
 * a missing score is NaN inside, so no row costs an object. {@code -0.0} is stored as {@code 0.0}: the two are
 * the same score and must tie.
 */
public final class EvaluationRows {

    /** Epoch day standing for "no outcome date". */
    static final int NO_DATE = Integer.MIN_VALUE;

    private final int size;
    private final int measureCount;
    private final int candidateCount;
    private final String[] accountNames;
    private final int[] account;
    private final String[] segmentNames;
    private final int[] segment;
    private final int[] asOfDay;
    private final double[] score;
    private final double[][] measures;
    private final double[][] candidates;
    private final boolean[] positive;
    private final int[] outcomeDay;

    private EvaluationRows(Builder b) {
        this.size = b.size;
        this.measureCount = b.measures.length;
        this.candidateCount = b.candidates.length;
        this.accountNames = b.accountNames.toArray();
        this.account = Arrays.copyOf(b.account, size);
        this.segmentNames = b.segmentNames.toArray();
        this.segment = Arrays.copyOf(b.segment, size);
        this.asOfDay = Arrays.copyOf(b.asOfDay, size);
        this.score = Arrays.copyOf(b.score, size);
        this.measures = trim(b.measures, size);
        this.candidates = trim(b.candidates, size);
        this.positive = Arrays.copyOf(b.positive, size);
        this.outcomeDay = Arrays.copyOf(b.outcomeDay, size);
    }

    /** A builder for rows with {@code measures} measure scores and {@code candidates} candidate scores each. */
    public static Builder builder(int measures, int candidates) {
        return new Builder(measures, candidates, 1024);
    }

    /** As {@link #builder(int, int)}, sized for about {@code expectedRows} rows up front. */
    public static Builder builder(int measures, int candidates, int expectedRows) {
        return new Builder(measures, candidates, Math.max(16, expectedRows));
    }

    public int size() {
        return size;
    }

    public int measureCount() {
        return measureCount;
    }

    public int candidateCount() {
        return candidateCount;
    }

    public String account(int row) {
        return accountNames[account[row]];
    }

    public LocalDate asOf(int row) {
        return LocalDate.ofEpochDay(asOfDay[row]);
    }

    public String segment(int row) {
        return segmentNames[segment[row]];
    }

    /** The row's score, null when it had too little data to be scored. */
    public Double score(int row) {
        return Double.isNaN(score[row]) ? null : score[row];
    }

    public boolean positive(int row) {
        return positive[row];
    }

    // Column access for the core's classes: the arrays themselves, never copied, never written.

    String[] accountNames() {
        return accountNames;
    }

    int[] accountIds() {
        return account;
    }

    String[] segmentNames() {
        return segmentNames;
    }

    int[] segmentIds() {
        return segment;
    }

    int[] asOfDays() {
        return asOfDay;
    }

    double[] scores() {
        return score;
    }

    double[] measureColumn(int m) {
        return measures[m];
    }

    double[] candidateColumn(int c) {
        return candidates[c];
    }

    boolean[] positives() {
        return positive;
    }

    int[] outcomeDays() {
        return outcomeDay;
    }

    private static double[][] trim(double[][] columns, int size) {
        double[][] out = new double[columns.length][];
        for (int i = 0; i < columns.length; i++) {
            out[i] = Arrays.copyOf(columns[i], size);
        }
        return out;
    }

    /** Not thread-safe; one builder fills one set of rows. */
    public static final class Builder {
        private int size;
        private final Interner accountNames = new Interner();
        private final Interner segmentNames = new Interner();
        private int[] account;
        private int[] segment;
        private int[] asOfDay;
        private double[] score;
        private final double[][] measures;
        private final double[][] candidates;
        private boolean[] positive;
        private int[] outcomeDay;

        private Builder(int measureCount, int candidateCount, int capacity) {
            if (measureCount < 0 || candidateCount < 0) {
                throw new IllegalArgumentException("measure and candidate counts must not be negative");
            }
            account = new int[capacity];
            segment = new int[capacity];
            asOfDay = new int[capacity];
            score = new double[capacity];
            measures = new double[measureCount][capacity];
            candidates = new double[candidateCount][capacity];
            positive = new boolean[capacity];
            outcomeDay = new int[capacity];
        }

        /**
         * Adds one row. {@code measureScores} holds one score per measure in scorecard order and
         * {@code candidateScores} one per candidate metric (null allowed when there are none); NaN means no
         * value. The arrays are copied, so the caller may reuse them.
         */
        public Builder add(String account, LocalDate asOf, String segment, Double score, double[] measureScores,
                           double[] candidateScores, boolean positive, LocalDate outcomeDate) {
            if (account == null || asOf == null) {
                throw new IllegalArgumentException("a row needs its account and asOf");
            }
            if (score != null && !Double.isFinite(score)) {
                throw new IllegalArgumentException("a score must be finite or null, was " + score);
            }
            checkColumns(measureScores, measures.length, "measure");
            checkColumns(candidateScores, candidates.length, "candidate");
            if (size == this.account.length) {
                grow();
            }
            int row = size++;
            this.account[row] = accountNames.id(account);
            this.segment[row] = segmentNames.id(segment);
            this.asOfDay[row] = Math.toIntExact(asOf.toEpochDay());
            this.score[row] = score == null ? Double.NaN : score + 0.0;
            for (int m = 0; m < measures.length; m++) {
                measures[m][row] = measureScores[m] + 0.0;
            }
            for (int c = 0; c < candidates.length; c++) {
                candidates[c][row] = candidateScores[c] + 0.0;
            }
            this.positive[row] = positive;
            this.outcomeDay[row] = outcomeDate == null ? NO_DATE : Math.toIntExact(outcomeDate.toEpochDay());
            return this;
        }

        public EvaluationRows build() {
            return new EvaluationRows(this);
        }

        private static void checkColumns(double[] values, int expected, String what) {
            int length = values == null ? 0 : values.length;
            if (length != expected) {
                throw new IllegalArgumentException("expected " + expected + " " + what + " scores, got " + length);
            }
            for (int i = 0; i < length; i++) {
                if (Double.isInfinite(values[i])) {
                    throw new IllegalArgumentException(what + " scores must be finite or NaN (no value)");
                }
            }
        }

        private void grow() {
            int capacity = Math.max(16, account.length + (account.length >> 1));
            account = Arrays.copyOf(account, capacity);
            segment = Arrays.copyOf(segment, capacity);
            asOfDay = Arrays.copyOf(asOfDay, capacity);
            score = Arrays.copyOf(score, capacity);
            for (int m = 0; m < measures.length; m++) {
                measures[m] = Arrays.copyOf(measures[m], capacity);
            }
            for (int c = 0; c < candidates.length; c++) {
                candidates[c] = Arrays.copyOf(candidates[c], capacity);
            }
            positive = Arrays.copyOf(positive, capacity);
            outcomeDay = Arrays.copyOf(outcomeDay, capacity);
        }
    }

    /** Strings to dense ids, null included (a row without a segment). */
    private static final class Interner {
        private final Map<String, Integer> ids = new HashMap<>();
        private String[] names = new String[16];
        private int count;

        int id(String name) {
            Integer id = ids.get(name);
            if (id != null) {
                return id;
            }
            if (count == names.length) {
                names = Arrays.copyOf(names, count * 2);
            }
            names[count] = name;
            ids.put(name, count);
            return count++;
        }

        String[] toArray() {
            return Arrays.copyOf(names, count);
        }
    }
}
