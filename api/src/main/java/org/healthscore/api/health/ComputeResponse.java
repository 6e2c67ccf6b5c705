package org.healthscore.api.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.healthscore.api.problem.Problem;

/** One entry per requested account, in request order: its health, or the error that kept it from one. */
public record ComputeResponse(List<Entry> results) {

    /** The health fields, or {@code account} and {@code error} (then the health fields are null). */
    public record Entry(
            String account,
            AccountHealth.ScorecardRef scorecard,
            java.time.LocalDate asOf,
            Double score,
            Band band,
            Double coverage,
            Double trend,
            List<AccountHealth.MeasureHealth> measures,
            List<AccountHealth.GroupHealth> groups,
            @JsonInclude(JsonInclude.Include.NON_NULL) Problem error) {

        public static Entry of(AccountHealth h) {
            return new Entry(h.account(), h.scorecard(), h.asOf(), h.score(), h.band(), h.coverage(), h.trend(),
                    h.measures(), h.groups(), null);
        }

        public static Entry failed(String account, Problem error) {
            return new Entry(account, null, null, null, null, null, null, null, null, error);
        }
    }
}
