package org.healthscore.persistence.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.healthscore.api.account.OutcomeType;

public record OutcomeRow(long id, String workspaceId, long accountId, OutcomeType outcomeType, LocalDate occurredAt,
                         BigDecimal amount) {

    public boolean sameAmount(OutcomeRow o) {
        return amount == null ? o.amount == null : o.amount != null && amount.compareTo(o.amount) == 0;
    }
}
