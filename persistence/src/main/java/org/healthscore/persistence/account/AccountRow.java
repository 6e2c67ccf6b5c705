package org.healthscore.persistence.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One account; {@code attributes} is a JSON object kept as text. */
public record AccountRow(long id, String workspaceId, String externalId, String name, String segment,
                         String productLine, BigDecimal arr, String owner, LocalDate startDate,
                         LocalDate renewalDate, String attributes, Instant createdAt, Instant updatedAt) {

    /** True when both rows hold the same account data (ids and timestamps aside). */
    public boolean sameContent(AccountRow o) {
        return java.util.Objects.equals(name, o.name) && java.util.Objects.equals(segment, o.segment)
                && java.util.Objects.equals(productLine, o.productLine)
                && (arr == null ? o.arr == null : o.arr != null && arr.compareTo(o.arr) == 0)
                && java.util.Objects.equals(owner, o.owner) && java.util.Objects.equals(startDate, o.startDate)
                && java.util.Objects.equals(renewalDate, o.renewalDate)
                && java.util.Objects.equals(attributes, o.attributes);
    }
}
