package org.healthscore.api.account;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An outcome of an account on a date, with an optional amount (ARR lost, gained). */
public record Outcome(String account, OutcomeType type, LocalDate occurredAt, BigDecimal amount) {
}
