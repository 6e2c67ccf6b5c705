package org.healthscore.service.scoring;

import java.util.List;

/**
 * An account's health under one scorecard at one asOf, as the core computes it: the caller adds the account,
 * scorecard, asOf and trend (which needs stored history) to make the health JSON of DESIGN.md 3.4.
 *
 * @param score    0-100, unrounded; {@code null} when the band is INSUFFICIENT_DATA
 * @param band     RED, YELLOW, GREEN, or INSUFFICIENT_DATA when coverage was below the minimum
 * @param coverage the share of the total weight whose measures have a raw value, 0-1
 * @param measures one line per measure, in scorecard order
 * @param groups   one subscore per group, in order of first appearance in the scorecard
 */
public record Health(Double score, Band band, double coverage, List<MeasureScore> measures, List<GroupScore> groups) {

    public Health {
        measures = List.copyOf(measures);
        groups = List.copyOf(groups);
    }
}
