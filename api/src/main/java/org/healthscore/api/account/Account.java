package org.healthscore.api.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** A customer account, identified by the caller's {@code externalId}. */
public record Account(
        String externalId,
        String name,
        String segment,
        String productLine,
        BigDecimal arr,
        String owner,
        LocalDate startDate,
        LocalDate renewalDate,
        Map<String, String> attributes,
        Instant createdAt,
        Instant updatedAt) {

    public Account {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
