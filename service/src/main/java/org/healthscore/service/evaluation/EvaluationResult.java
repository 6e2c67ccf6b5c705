package org.healthscore.service.evaluation;

import java.util.List;
import org.healthscore.api.evaluation.EvaluationReport;
import org.healthscore.api.evaluation.FalseGreen;

/** The report's statistics and its false-green rows (account, asOf order). */
public record EvaluationResult(EvaluationReport report, List<FalseGreen> falseGreens) {
}
