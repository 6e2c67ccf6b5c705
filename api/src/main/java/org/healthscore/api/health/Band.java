package org.healthscore.api.health;

/** Where a score falls: below redBelow RED, from greenFrom GREEN, else YELLOW; no score: INSUFFICIENT_DATA. */
public enum Band {
    RED, YELLOW, GREEN, INSUFFICIENT_DATA
}
