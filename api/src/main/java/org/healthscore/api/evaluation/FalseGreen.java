package org.healthscore.api.evaluation;

import java.time.LocalDate;

/** A row scored GREEN at {@code asOf} whose account then had the outcome, first on {@code outcomeDate}. */
public record FalseGreen(String account, LocalDate asOf, double score, LocalDate outcomeDate) {
}
