package org.healthscore.api.scorecard;

import java.time.Instant;
import java.util.List;

/**
 * A scorecard: its current draft (edited freely, ETag {@code "<draftRevision>"}) and the versions
 * published from it, newest last. Scores and evaluations always name a version.
 */
public record Scorecard(
        String key,
        String name,
        String description,
        Framework framework,
        AppliesTo appliesTo,
        BandLimits bands,
        MissingDataSettings missingData,
        List<Measure> measures,
        int draftRevision,
        Integer latestVersion,
        List<VersionSummary> versions,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    /** A measure as stored: the same fields a client writes. */
    public record Measure(String metric, double weight, String group, ScoringRuleSpec scoring) {
    }

    public record VersionSummary(int version, Instant publishedAt, String publishedBy) {
    }
}
