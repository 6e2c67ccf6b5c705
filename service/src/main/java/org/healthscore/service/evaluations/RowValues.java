package org.healthscore.service.evaluations;

import java.util.List;
import org.healthscore.api.health.AccountHealth;

/** An evaluation row's measure and candidate values as stored: numbers separated by commas, empty for none. */
final class RowValues {

    private RowValues() {
    }

    /** Each measure's score where it had a raw value (an imputed NEUTRAL/ZERO score is not the measure's own). */
    static String measureScores(AccountHealth health) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < health.measures().size(); i++) {
            AccountHealth.MeasureHealth m = health.measures().get(i);
            if (i > 0) {
                text.append(',');
            }
            if (m.rawValue() != null && m.score() != null) {
                text.append(m.score());
            }
        }
        return text.toString();
    }

    /** Each candidate's raw value, negated when lower is better, so that higher always means healthier. */
    static String candidateValues(AccountHealth values, List<EvaluationPlan.Candidate> candidates) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < candidates.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            Double raw = values == null ? null : values.measures().get(i).rawValue();
            if (raw != null) {
                text.append(candidates.get(i).lowerIsBetter() ? -raw : raw);
            }
        }
        return text.toString();
    }

    /** {@code count} measures without a value. */
    static String none(int count) {
        return ",".repeat(Math.max(0, count - 1));
    }

    /** The values back, NaN where there was none. */
    static double[] parse(String text, int count) {
        double[] out = new double[count];
        int start = 0;
        for (int i = 0; i < count; i++) {
            int end = text.indexOf(',', start);
            if (end < 0) {
                end = text.length();
            }
            out[i] = end == start ? Double.NaN : Double.parseDouble(text.substring(start, end));
            start = end + 1;
        }
        return out;
    }
}
