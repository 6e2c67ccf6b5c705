package org.healthscore.service.reports;

import org.healthscore.api.evaluation.EvaluationReport;

/**
 * One report as its sections and charts read it: the data, the outcome's words, the reasons for undefined
 * values, and a prefix that keeps its element ids unique when a page holds more than one report.
 */
record Context(ReportData data, Wording words, Why why, String prefix) {

    static Context of(ReportData data, String prefix) {
        EvaluationReport report = data.evaluation().report();
        Wording words = new Wording(data.evaluation().outcome());
        return new Context(data, words, new Why(report, words), prefix);
    }

    EvaluationReport report() {
        return data.evaluation().report();
    }

    String id(String name) {
        return prefix + name;
    }
}
