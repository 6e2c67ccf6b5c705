package org.healthscore.service.reports;

import org.healthscore.api.evaluation.OutcomeKind;

/** The words of one outcome, so every sentence of the page says "churned" or "expanded" as it should. */
record Wording(OutcomeKind outcome) {

    boolean churn() {
        return outcome != OutcomeKind.EXPANSION;
    }

    /** "churned" / "expanded". */
    String did() {
        return churn() ? "churned" : "expanded";
    }

    /** "churn" / "expand". */
    String verb() {
        return churn() ? "churn" : "expand";
    }

    /** "churning" / "expanding". */
    String doing() {
        return churn() ? "churning" : "expanding";
    }

    /** How a row is flagged: CHURN flags low scores as at risk, EXPANSION high scores as likely to expand. */
    String flagged() {
        return churn() ? "at risk" : "likely to expand";
    }
}
