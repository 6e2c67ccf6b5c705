package org.healthscore.service.jobs;

import java.time.LocalDate;
import java.util.List;

/** One chunk's work: these accounts, under this scorecard version, at these asOf dates. */
record ChunkPayload(String scorecard, int version, List<LocalDate> asOfDates, List<Long> accountIds) {
}
