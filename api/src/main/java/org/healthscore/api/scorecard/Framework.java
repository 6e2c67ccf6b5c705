package org.healthscore.api.scorecard;

/** Where a scorecard's measures come from: Gainsight's DEAR, GitLab's PROVE, or the team's own. */
public enum Framework {
    DEAR, PROVE, CUSTOM
}
