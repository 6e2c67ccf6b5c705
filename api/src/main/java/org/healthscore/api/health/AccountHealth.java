package org.healthscore.api.health;

import java.time.LocalDate;
import java.util.List;

/**
 * An account's health under one scorecard version as of a date (DESIGN.md 3.4): the score (null when
 * INSUFFICIENT_DATA), its band, the weight share with data, the trend against the score 30-45 days earlier
 * (when stored), and the breakdown per measure and group. Numbers are unrounded doubles.
 */
public record AccountHealth(
        String account,
        ScorecardRef scorecard,
        LocalDate asOf,
        Double score,
        Band band,
        double coverage,
        Double trend,
        List<MeasureHealth> measures,
        List<GroupHealth> groups) {

    public record ScorecardRef(String key, int version) {
    }

    public record MeasureHealth(String metric, Double rawValue, Double score, double weight, Double contribution,
                                Double pointsLost, String group, Integer ageDays) {
    }

    public record GroupHealth(String name, Double score) {
    }
}
