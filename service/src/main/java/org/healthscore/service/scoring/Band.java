package org.healthscore.service.scoring;

/** The colour a score is shown in, or INSUFFICIENT_DATA when coverage was below the minimum and there is no score. */
public enum Band {
    RED,
    YELLOW,
    GREEN,
    INSUFFICIENT_DATA
}
