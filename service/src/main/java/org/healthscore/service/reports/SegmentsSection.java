package org.healthscore.service.reports;

import org.healthscore.api.evaluation.EvaluationReport.SegmentStat;

/** The same statistics per segment: a score can work for one kind of account and not another. */
final class SegmentsSection {

    private SegmentsSection() {
    }

    static void render(Markup out, Context c) {
        Wording w = c.words();
        out.open("section", "id", c.id("segments"));
        out.element("h2", "Segments");
        if (c.report().segments().isEmpty()) {
            out.element("p", "No segments: " + c.why().baseRate() + ".");
            out.close();
            return;
        }
        out.open("table", "class", "segments");
        Cells.header(out, "Segment", "Rows", "Base rate", "AUC", w.churn() ? "Green before churning"
                : "Green before expanding");
        out.open("tbody");
        for (SegmentStat s : c.report().segments()) {
            out.open("tr", "data-segment", s.segment());
            out.element("th", s.segment(), "scope", "row");
            Cells.number(out, Numbers.count(s.rows()), null, "rows");
            Cells.number(out, Numbers.percent(s.baseRate()), c.why().baseRate(), "base-rate");
            Cells.number(out, Numbers.auc(s.auc()), c.why().segmentAuc(), "auc");
            Cells.number(out, Numbers.percent(s.falseGreenShare()), "no " + w.did() + " rows in this segment",
                    "false-green-share");
            out.close();
        }
        out.close();
        out.close();
        out.close();
    }
}
