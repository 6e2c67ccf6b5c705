package org.healthscore.api.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer of a bulk request: counts per kind of row it carried (kinds it did not carry are left out). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestSummary(Counts accounts, Counts observations, Counts outcomes) {
}
