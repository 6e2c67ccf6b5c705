package org.healthscore.service.scoring;

/**
 * A scorecard's {@code missingData}: the policy, and the least coverage (share of the total weight whose
 * measures have a value) that still gets a score.
 */
public record MissingData(MissingDataPolicy policy, double minCoverage) {

    public static final double DEFAULT_MIN_COVERAGE = 0.6;
    public static final MissingData DEFAULT = new MissingData(MissingDataPolicy.RENORMALIZE, DEFAULT_MIN_COVERAGE);

    public MissingData {
        if (policy == null) {
            throw new IllegalArgumentException("missingData policy is required");
        }
        if (!(minCoverage >= 0 && minCoverage <= 1)) {
            throw new IllegalArgumentException("missingData minCoverage must be between 0 and 1, was " + minCoverage);
        }
    }
}
