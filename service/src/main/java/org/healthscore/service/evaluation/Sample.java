package org.healthscore.service.evaluation;

import java.util.Arrays;

/**
 * The scored rows (score not null): the population every statistic of the report uses. Rows with no score
 * (INSUFFICIENT_DATA) are only counted. Columns are shared with {@link EvaluationRows} when every row is scored
 * and compacted copies otherwise; ids (accounts, segments) keep indexing the rows' dictionaries.
 */
final class Sample {

    final int n;
    final int insufficient;
    final double[] score;
    final boolean[] positive;
    final int[] account;
    final String[] accountNames;
    final int[] segment;
    final String[] segmentNames;
    final int[] asOfDay;
    final int[] outcomeDay;
    final double[][] measures;
    final double[][] candidates;
    /** Positive rows, and distinct accounts among the rows. */
    final long positives;
    final int accounts;

    private Sample(int n, int insufficient, double[] score, boolean[] positive, int[] account, String[] accountNames,
                   int[] segment, String[] segmentNames, int[] asOfDay, int[] outcomeDay, double[][] measures,
                   double[][] candidates) {
        this.n = n;
        this.insufficient = insufficient;
        this.score = score;
        this.positive = positive;
        this.account = account;
        this.accountNames = accountNames;
        this.segment = segment;
        this.segmentNames = segmentNames;
        this.asOfDay = asOfDay;
        this.outcomeDay = outcomeDay;
        this.measures = measures;
        this.candidates = candidates;
        long p = 0;
        boolean[] seen = new boolean[accountNames.length];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (positive[i]) {
                p++;
            }
            if (!seen[account[i]]) {
                seen[account[i]] = true;
                k++;
            }
        }
        this.positives = p;
        this.accounts = k;
    }

    static Sample of(EvaluationRows rows) {
        int total = rows.size();
        double[] scores = rows.scores();
        int[] keep = new int[total];
        int n = 0;
        for (int i = 0; i < total; i++) {
            if (!Double.isNaN(scores[i])) {
                keep[n++] = i;
            }
        }
        double[][] measures = new double[rows.measureCount()][];
        double[][] candidates = new double[rows.candidateCount()][];
        if (n == total) {
            for (int m = 0; m < measures.length; m++) {
                measures[m] = rows.measureColumn(m);
            }
            for (int c = 0; c < candidates.length; c++) {
                candidates[c] = rows.candidateColumn(c);
            }
            return new Sample(n, 0, scores, rows.positives(), rows.accountIds(), rows.accountNames(),
                    rows.segmentIds(), rows.segmentNames(), rows.asOfDays(), rows.outcomeDays(), measures, candidates);
        }
        for (int m = 0; m < measures.length; m++) {
            measures[m] = pick(rows.measureColumn(m), keep, n);
        }
        for (int c = 0; c < candidates.length; c++) {
            candidates[c] = pick(rows.candidateColumn(c), keep, n);
        }
        boolean[] positive = new boolean[n];
        boolean[] allPositive = rows.positives();
        for (int i = 0; i < n; i++) {
            positive[i] = allPositive[keep[i]];
        }
        return new Sample(n, total - n, pick(scores, keep, n), positive, pick(rows.accountIds(), keep, n),
                rows.accountNames(), pick(rows.segmentIds(), keep, n), rows.segmentNames(),
                pick(rows.asOfDays(), keep, n), pick(rows.outcomeDays(), keep, n), measures, candidates);
    }

    private int[] distinctAsOfDays;

    /** The distinct asOf dates (epoch days) among the rows, oldest first. */
    int[] distinctAsOfDays() {
        if (distinctAsOfDays == null) {
            int[] days = Arrays.copyOf(asOfDay, n);
            Arrays.sort(days);
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (k == 0 || days[i] != days[k - 1]) {
                    days[k++] = days[i];
                }
            }
            distinctAsOfDays = Arrays.copyOf(days, k);
        }
        return distinctAsOfDays;
    }

    Double baseRate() {
        return n == 0 ? null : (double) positives / n;
    }

    private static double[] pick(double[] column, int[] keep, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = column[keep[i]];
        }
        return out;
    }

    private static int[] pick(int[] column, int[] keep, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = column[keep[i]];
        }
        return out;
    }
}
