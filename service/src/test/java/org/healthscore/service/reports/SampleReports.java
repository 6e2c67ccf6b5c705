package org.healthscore.service.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.healthscore.api.evaluation.Evaluation;
import org.healthscore.api.evaluation.EvaluationReport;
import org.healthscore.api.evaluation.EvaluationSource;
import org.healthscore.api.evaluation.OutcomeKind;
import org.healthscore.api.job.Job;
import org.healthscore.api.job.JobStatus;
import org.healthscore.api.scorecard.MissingDataPolicy;
import org.healthscore.service.evaluation.EvaluationDesign;
import org.healthscore.service.evaluation.EvaluationResult;
import org.healthscore.service.evaluation.EvaluationRows;
import org.healthscore.service.evaluation.Evaluator;

/**
 * Reports built by the real evaluation core over generated rows: 200 accounts at 6 monthly dates. {@code usage}
 * predicts the outcome, {@value #WRONG_WAY} points the wrong way, {@code nps} is often missing. Some account ids,
 * a metric and a segment hold characters a page must escape.
 */
final class SampleReports {

    static final String ODD_ACCOUNT = "<b>\"Acme\" & 'Sons'</b>";
    static final String CONTROL_ACCOUNT = "bad\u0001id";
    static final String WRONG_WAY = "logins<&>\"'";
    static final String ODD_SEGMENT = "ENT & <Co>";
    static final LocalDate FIRST = LocalDate.of(2025, 1, 31);
    static final double RED_BELOW = 40;
    static final double GREEN_FROM = 70;

    private SampleReports() {
    }

    static EvaluationDesign design(OutcomeKind outcome) {
        return new EvaluationDesign(outcome, List.of("usage", WRONG_WAY, "nps"), List.of(2.0, 1.0, 1.0), RED_BELOW,
                GREEN_FROM, MissingDataPolicy.RENORMALIZE, 0.6, List.of("tickets"));
    }

    /** The rows; with {@code oneClass} no row has the outcome. */
    static EvaluationRows rows(boolean oneClass) {
        Random random = new Random(7);
        EvaluationRows.Builder b = EvaluationRows.builder(3, 1);
        for (int i = 0; i < 200; i++) {
            String account = i == 3 ? ODD_ACCOUNT : i == 8 ? CONTROL_ACCOUNT : String.format("acct-%03d", i);
            String segment = i % 3 == 0 ? ODD_SEGMENT : i % 7 == 0 ? null : "SMB";
            double risk = random.nextDouble();
            for (int k = 0; k < 6; k++) {
                LocalDate asOf = FIRST.plusMonths(k);
                double usage = clamp(100 * (1 - risk) + random.nextGaussian() * 15);
                double logins = clamp(40 + 50 * risk + random.nextGaussian() * 10);
                double nps = random.nextDouble() < 0.3 ? Double.NaN : clamp(60 + random.nextGaussian() * 25);
                double score = Double.isNaN(nps) ? (2 * usage + logins) / 3 : (2 * usage + logins + nps) / 4;
                boolean positive = !oneClass && random.nextDouble() < 0.05 + 0.5 * risk * risk;
                double tickets = clamp(100 * (1 - risk) + random.nextGaussian() * 30);
                b.add(account, asOf, segment, score, new double[] {usage, logins, nps}, new double[] {tickets},
                        positive, positive ? asOf.plusDays(20 + random.nextInt(60)) : null);
            }
        }
        return b.build();
    }

    static ReportData data(OutcomeKind outcome, boolean oneClass) {
        List<LocalDate> dates = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            dates.add(FIRST.plusMonths(k));
        }
        EvaluationResult result = Evaluator.evaluate(design(outcome), rows(oneClass), dates, List.of());
        List<org.healthscore.api.evaluation.FalseGreen> falseGreens = result.falseGreens();
        return new ReportData(evaluation(outcome, result.report()), RED_BELOW, GREEN_FROM,
                falseGreens.subList(0, Math.min(50, falseGreens.size())));
    }

    static Evaluation evaluation(OutcomeKind outcome, EvaluationReport report) {
        return new Evaluation("ev-1", JobStatus.SUCCEEDED, new Job.Progress(10, 10, 100, null), null,
                new Evaluation.ScorecardRef("health<&>", 3, false), outcome, EvaluationSource.BACKTEST, 90,
                LocalDate.of(2025, 12, 31), null, Instant.parse("2026-01-02T10:00:00Z"),
                Instant.parse("2026-01-02T10:01:00Z"), report, null);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(100, v));
    }
}
