package org.healthscore.service.scoring;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The PERCENTILE populations of one scorecard version at one asOf, by metric key. Built once from the
 * aggregates of every account in the population and reused for each of them (live scores, compute, jobs and
 * backtests alike), so the percentile of each account is a lookup, not a pass over the population.
 */
public final class Populations {

    public static final Populations NONE = new Populations(Map.of());

    private final Map<String, Population> byMetric;

    private Populations(Map<String, Population> byMetric) {
        this.byMetric = byMetric;
    }

    public static Populations of(Map<String, Population> byMetric) {
        return new Populations(Map.copyOf(byMetric));
    }

    /** The population of {@code metric}, or {@code null} when none was built. */
    public Population get(String metric) {
        return byMetric.get(metric);
    }

    public static Builder builder(Recipe recipe) {
        return new Builder(recipe);
    }

    /**
     * Collects, for each measure whose rule needs a population, the raw values of the accounts added. The caller
     * adds exactly the accounts of the population (applies to the scorecard, active at asOf); accounts without a
     * value for a measure are left out of that measure's population, as the spec says.
     */
    public static final class Builder {

        private final List<Measure> measures;
        private final Map<String, double[]> values = new HashMap<>();
        private final Map<String, Integer> sizes = new HashMap<>();

        private Builder(Recipe recipe) {
            this.measures = recipe.measures();
            for (Measure m : measures) {
                if (m.rule().needsPopulation()) {
                    values.put(m.metric(), new double[16]);
                    sizes.put(m.metric(), 0);
                }
            }
        }

        /** One account's aggregates, one per measure in scorecard order. */
        public Builder add(List<Aggregate> aggregates) {
            if (aggregates.size() != measures.size()) {
                throw new IllegalArgumentException("expected " + measures.size() + " aggregates, one per measure, got "
                        + aggregates.size());
            }
            for (int i = 0; i < measures.size(); i++) {
                String metric = measures.get(i).metric();
                Double value = aggregates.get(i).value();
                double[] array = values.get(metric);
                if (array == null || value == null) {
                    continue;
                }
                int size = sizes.get(metric);
                if (size == array.length) {
                    array = Arrays.copyOf(array, size * 2);
                    values.put(metric, array);
                }
                array[size] = value;
                sizes.put(metric, size + 1);
            }
            return this;
        }

        public Populations build() {
            Map<String, Population> built = new HashMap<>();
            values.forEach((metric, array) -> built.put(metric,
                    Population.of(Arrays.copyOf(array, sizes.get(metric)))));
            return new Populations(Map.copyOf(built));
        }
    }
}
