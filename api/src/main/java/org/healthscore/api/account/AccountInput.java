package org.healthscore.api.account;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * An account as a client writes it ({@code PUT /accounts/{externalId}} replaces every field).
 * {@code attributes} are free key/value pairs the CS team wants to keep beside the account.
 */
public record AccountInput(
        @Size(max = 300, message = "must be at most 300 characters") String name,
        @Size(max = 100, message = "must be at most 100 characters") String segment,
        @Size(max = 100, message = "must be at most 100 characters") String productLine,
        @DecimalMin(value = "0", message = "must be 0 or more")
        @Digits(integer = 16, fraction = 2, message = "must have at most 16 digits and 2 decimals") BigDecimal arr,
        @Size(max = 200, message = "must be at most 200 characters") String owner,
        LocalDate startDate,
        LocalDate renewalDate,
        @Size(max = 100, message = "must hold at most 100 attributes") Map<String, String> attributes) {

    public Map<String, String> attributesOrEmpty() {
        return attributes == null ? Map.of() : attributes;
    }
}
