package org.healthscore.service.evaluation;

import java.util.Arrays;
import org.healthscore.api.evaluation.OutcomeKind;

/**
 * The 5-fold cross-validated AUC of fitted weights (DESIGN.md 3.6). Folds are grouped by account, so no
 * account's rows are both fitted and tested: the distinct accounts of the rows in code point order of their
 * externalId, the k-th (0-based) in fold {@code k mod 5}. Each fold is fitted on the other four and its rows
 * scored with that fit's weights by the scorecard formula and the design's missing-data policy; one AUC is
 * taken over the pooled out-of-fold rows that got a score.
 *
 * <p>A fold whose training rows hold one class only, or whose fit has every coefficient 0 (no weights to score
 * with), leaves its held-out rows without a suggested score: they drop out of the pooled AUC rather than being
 * scored by some other fold's weights.
 */
final class CrossValidation {

    static final int FOLDS = 5;

    private CrossValidation() {
    }

    /** The fold of each row of the sample. */
    static int[] folds(Sample sample) {
        int[] rank = CodePointOrder.ranks(sample.accountNames);
        // Only accounts with rows count for k: walk the accounts present, in rank order.
        boolean[] present = new boolean[rank.length];
        for (int i = 0; i < sample.n; i++) {
            present[sample.account[i]] = true;
        }
        int[] byRank = new int[rank.length];
        for (int id = 0; id < rank.length; id++) {
            byRank[rank[id]] = id;
        }
        int[] foldOfAccount = new int[rank.length];
        int k = 0;
        for (int r = 0; r < byRank.length; r++) {
            int id = byRank[r];
            if (present[id]) {
                foldOfAccount[id] = k++ % FOLDS;
            }
        }
        int[] fold = new int[sample.n];
        for (int i = 0; i < sample.n; i++) {
            fold[i] = foldOfAccount[sample.account[i]];
        }
        return fold;
    }

    /**
     * The pooled out-of-fold AUC of weights fitted per fold; null when no fold could be fitted or the scored
     * rows hold one class only.
     */
    static Double suggestedAuc(Sample sample, FeatureMatrix data, int[] fold, int[] sign, double[] warmStart,
                               WeightSuggestion.Scoring scoring, OutcomeKind outcome) {
        int n = sample.n;
        double[] pooled = new double[n];
        Arrays.fill(pooled, Double.NaN);
        int[] size = new int[FOLDS];
        for (int f : fold) {
            size[f]++;
        }
        for (int f = 0; f < FOLDS; f++) {
            if (size[f] == 0) {
                continue;
            }
            int[] train = new int[n - size[f]];
            int[] test = new int[size[f]];
            int a = 0;
            int b = 0;
            for (int i = 0; i < n; i++) {
                if (fold[i] == f) {
                    test[b++] = i;
                } else {
                    train[a++] = i;
                }
            }
            ConstrainedLogistic.Fit fit = train.length == 0 ? null
                    : ConstrainedLogistic.fit(data, train, sign, warmStart);
            double[] weights = WeightSuggestion.weights(fit);
            if (weights == null) {
                continue;
            }
            double[] scores = scoring.with(weights).scores(sample.measures, n, test);
            for (int row : test) {
                pooled[row] = scores[row];
            }
        }
        return Auc.value(pooled, sample.positive, n, outcome);
    }
}
