package org.healthscore.api.evaluation;

/** What an evaluation predicts: CHURN counts CHURNED outcomes, EXPANSION counts EXPANDED ones. */
public enum OutcomeKind {
    CHURN, EXPANSION
}
