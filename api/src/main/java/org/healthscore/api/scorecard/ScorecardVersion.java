package org.healthscore.api.scorecard;

import java.time.Instant;
import java.util.List;

/** One published, immutable version of a scorecard. */
public record ScorecardVersion(
        String key,
        int version,
        String name,
        String description,
        Framework framework,
        AppliesTo appliesTo,
        BandLimits bands,
        MissingDataSettings missingData,
        List<Scorecard.Measure> measures,
        Instant publishedAt,
        String publishedBy) {
}
