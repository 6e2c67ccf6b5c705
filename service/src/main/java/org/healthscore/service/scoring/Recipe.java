package org.healthscore.service.scoring;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The pure part of a scorecard version: its measures, missing-data settings and bands; everything the core
 * needs to turn observations into a health score.
 */
public record Recipe(List<Measure> measures, MissingData missingData, Bands bands) {

    public Recipe {
        if (measures == null || measures.isEmpty()) {
            throw new IllegalArgumentException("a scorecard needs at least one measure");
        }
        measures = List.copyOf(measures);
        Set<String> seen = new HashSet<>();
        for (Measure m : measures) {
            if (!seen.add(m.metric())) {
                // Populations and breakdowns are keyed by metric: a second entry would be ambiguous.
                throw new IllegalArgumentException("metric " + m.metric() + " appears in more than one measure");
            }
        }
        if (missingData == null) {
            missingData = MissingData.DEFAULT;
        }
        if (bands == null) {
            bands = Bands.DEFAULT;
        }
    }

    public Recipe(List<Measure> measures) {
        this(measures, MissingData.DEFAULT, Bands.DEFAULT);
    }
}
