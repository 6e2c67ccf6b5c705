package org.healthscore.api.account;

/** Something that happened to an account. */
public enum OutcomeType {
    CHURNED, RENEWED, EXPANDED, CONTRACTED
}
