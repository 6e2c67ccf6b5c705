package org.healthscore.service.evaluations;

import java.util.List;

/** An evaluation job's chunk: the rows of some accounts at every asOf, or (last) the report from all rows. */
record EvaluationChunk(Step step, List<Long> accountIds) {

    enum Step {
        ROWS, REPORT
    }
}
