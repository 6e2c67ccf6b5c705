package org.healthscore.service.scoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregates, measure scores and the weighted total of one scorecard version (DESIGN.md 3.4). Built once per
 * recipe (it lays out the groups and sums the weights up front), immutable, safe to share between threads.
 *
 * <p>{@code score = sum(w_i * s_i) / sum(w_i)} over the measures that count: under RENORMALIZE those with a
 * raw value, under NEUTRAL and ZERO all of them (a missing one scoring 50 or 0). {@code coverage = sum(w_i of
 * measures with a raw value) / sum(all w_i)}; below {@code minCoverage} there is no score and the band is
 * INSUFFICIENT_DATA, and so is it when no measure counts at all (RENORMALIZE with nothing present; possible
 * only with {@code minCoverage} 0), since 0/0 is no score.
 */
public final class ScoreCalculator {

    /**
     * Coverage is a ratio of sums of decimal weights, so 0.6 on paper can come out a hair below 0.6. Coverage
     * within this of {@code minCoverage} counts as reaching it: "coverage < minCoverage" is insufficient, so
     * coverage exactly at the minimum must be sufficient.
     */
    static final double COVERAGE_TOLERANCE = 1e-12;

    private final Recipe recipe;
    private final Measure[] measures;
    private final double totalWeight;
    private final String[] groupNames;
    /** Index into {@link #groupNames} per measure, -1 for a measure without a group. */
    private final int[] groupOf;

    public ScoreCalculator(Recipe recipe) {
        this.recipe = recipe;
        this.measures = recipe.measures().toArray(Measure[]::new);
        double total = 0;
        Map<String, Integer> groups = new LinkedHashMap<>();
        this.groupOf = new int[measures.length];
        for (int i = 0; i < measures.length; i++) {
            total += measures[i].weight();
            String group = measures[i].group();
            groupOf[i] = group == null ? -1 : groups.computeIfAbsent(group, g -> groups.size());
        }
        this.totalWeight = total;
        this.groupNames = groups.keySet().toArray(String[]::new);
    }

    public Recipe recipe() {
        return recipe;
    }

    /** Observations to a health score: {@link #aggregate}, then {@link #score(List, Populations)}. */
    public Health score(LocalDate asOf, List<Series> observations, Populations populations) {
        return score(aggregate(asOf, observations), populations);
    }

    /** Each measure's raw value and age at {@code asOf}; {@code observations} has one series per measure, in order. */
    public List<Aggregate> aggregate(LocalDate asOf, List<Series> observations) {
        checkOnePerMeasure(observations.size(), "series");
        List<Aggregate> aggregates = new ArrayList<>(measures.length);
        for (int i = 0; i < measures.length; i++) {
            aggregates.add(Aggregator.evaluate(measures[i].aggregation(), asOf, observations.get(i)));
        }
        return aggregates;
    }

    /**
     * The health of one account from its aggregates (one per measure, in scorecard order) and the populations of
     * its PERCENTILE measures at the same asOf.
     */
    public Health score(List<Aggregate> aggregates, Populations populations) {
        checkOnePerMeasure(aggregates.size(), "aggregates");
        int n = measures.length;
        Double imputed = recipe.missingData().policy().imputedScore();
        double[] scores = new double[n];
        boolean[] counts = new boolean[n];
        double coveredWeight = 0;
        double countingWeight = 0;
        double weightedSum = 0;
        for (int i = 0; i < n; i++) {
            Measure m = measures[i];
            Double raw = aggregates.get(i).value();
            if (raw != null) {
                coveredWeight += m.weight();
                Population population = m.rule().needsPopulation() ? populations.get(m.metric()) : null;
                scores[i] = m.rule().score(raw, m.direction(), population);
                counts[i] = true;
            } else if (imputed != null) {
                scores[i] = imputed;
                counts[i] = true;
            }
            if (counts[i]) {
                countingWeight += m.weight();
                weightedSum += m.weight() * scores[i];
            }
        }
        double coverage = coveredWeight / totalWeight;
        boolean sufficient = coverage >= recipe.missingData().minCoverage() - COVERAGE_TOLERANCE && countingWeight > 0;
        // A weighted mean of 0-100 values lies in 0-100; only rounding could push it a hair outside.
        Double total = sufficient ? clamp(weightedSum / countingWeight) : null;
        Band band = sufficient ? recipe.bands().band(total) : Band.INSUFFICIENT_DATA;
        return new Health(total, band, coverage, breakdown(aggregates, scores, counts, sufficient, countingWeight),
                groups(scores, counts, sufficient));
    }

    private List<MeasureScore> breakdown(List<Aggregate> aggregates, double[] scores, boolean[] counts,
                                         boolean sufficient, double countingWeight) {
        List<MeasureScore> lines = new ArrayList<>(measures.length);
        for (int i = 0; i < measures.length; i++) {
            Measure m = measures[i];
            Aggregate a = aggregates.get(i);
            Double score = counts[i] ? scores[i] : null;
            boolean contributes = sufficient && counts[i];
            Double contribution = contributes ? m.weight() * scores[i] / countingWeight : null;
            Double pointsLost = contributes ? m.weight() * (100 - scores[i]) / countingWeight : null;
            lines.add(new MeasureScore(m.metric(), a.value(), score, m.weight(), contribution, pointsLost, m.group(),
                    a.ageDays()));
        }
        return lines;
    }

    private List<GroupScore> groups(double[] scores, boolean[] counts, boolean sufficient) {
        int g = groupNames.length;
        double[] weightedSums = new double[g];
        double[] weights = new double[g];
        for (int i = 0; i < measures.length; i++) {
            if (counts[i] && groupOf[i] >= 0) {
                weightedSums[groupOf[i]] += measures[i].weight() * scores[i];
                weights[groupOf[i]] += measures[i].weight();
            }
        }
        List<GroupScore> groups = new ArrayList<>(g);
        for (int j = 0; j < g; j++) {
            Double score = sufficient && weights[j] > 0 ? clamp(weightedSums[j] / weights[j]) : null;
            groups.add(new GroupScore(groupNames[j], score));
        }
        return groups;
    }

    private void checkOnePerMeasure(int size, String what) {
        if (size != measures.length) {
            throw new IllegalArgumentException("expected " + measures.length + " " + what + ", one per measure, got "
                    + size);
        }
    }

    private static double clamp(double score) {
        return Math.min(100, Math.max(0, score));
    }
}
