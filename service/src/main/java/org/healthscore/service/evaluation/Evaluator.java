package org.healthscore.service.evaluation;

import java.time.LocalDate;
import java.util.List;

/** The evaluation report from its rows: plain math, no I/O, no clock (DESIGN.md 3.6). */
public final class Evaluator {

    private Evaluator() {
    }

    /**
     * @param asOfDates the asOf dates evaluated (not censored), oldest first
     * @param censoredAsOfDates the asOf dates left out because their horizon runs past outcomesKnownThrough
     */
    public static EvaluationResult evaluate(EvaluationDesign design, EvaluationRows rows, List<LocalDate> asOfDates,
                                            List<LocalDate> censoredAsOfDates) {
        throw new UnsupportedOperationException("not yet");
    }
}
