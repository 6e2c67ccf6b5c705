package org.healthscore.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The harness's one table, as Markdown (so a run pastes straight into BENCHMARKS.md): a line per workload and
 * size, then per workload how the cost of one unit moves from its smallest size to its largest.
 */
final class ResultTable {
    static final String[] HEADER = {"workload", "size", "figure", "floor (same run)", "x floor", "cost per unit",
        "target", "met?"};

    private final List<Measurement> lines = new ArrayList<>();

    void add(Measurement line) {
        lines.add(line);
    }

    void addAll(List<Measurement> more) {
        lines.addAll(more);
    }

    List<Measurement> lines() {
        return List.copyOf(lines);
    }

    String render() {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADER);
        for (Measurement m : lines) {
            cells.add(new String[] {m.workload(), m.size(), m.figure(), m.floor(), ratio(m.ratio()),
                cost(m.costPerUnit(), m.costUnit()), m.target().text(), m.target().verdict()});
        }
        int[] width = new int[HEADER.length];
        for (String[] row : cells) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            out.append(row(cells.get(r), width));
            if (r == 0) {
                String[] rule = new String[width.length];
                for (int c = 0; c < width.length; c++) {
                    rule[c] = "-".repeat(width[c]);
                }
                out.append(row(rule, width));
            }
        }
        out.append('\n').append(growth());
        return out.toString();
    }

    /** Per workload measured at more than one size: per-unit cost from the smallest size to the largest. */
    String growth() {
        Map<String, List<Measurement>> byWorkload = new LinkedHashMap<>();
        lines.forEach(m -> byWorkload.computeIfAbsent(m.workload(), k -> new ArrayList<>()).add(m));
        StringBuilder out = new StringBuilder("Growth with size (cost per unit, smallest size to largest):\n");
        byWorkload.forEach((workload, sizes) -> {
            double perUnit = Growth.perUnitRatio(sizes);
            if (Double.isNaN(perUnit)) {
                return;
            }
            List<String> costs = sizes.stream().filter(m -> !Double.isNaN(m.costPerUnit()))
                    .map(m -> cost(m.costPerUnit(), m.costUnit()) + " at " + m.size()).toList();
            out.append(String.format(Locale.ROOT, "- %s: %s; x%.2f per unit: %s%n", workload,
                    String.join(", ", costs), perUnit, Growth.verdict(perUnit)));
        });
        return out.toString();
    }

    private static String row(String[] cells, int[] width) {
        StringBuilder line = new StringBuilder("|");
        for (int c = 0; c < cells.length; c++) {
            line.append(' ').append(String.format("%-" + width[c] + "s", cells[c])).append(" |");
        }
        return line.append('\n').toString();
    }

    static String ratio(double ratio) {
        return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f", ratio);
    }

    /** Three significant figures or so: 0.412, 41.2, 4,120. */
    static String cost(double value, String unit) {
        if (Double.isNaN(value)) {
            return "-";
        }
        String number = value >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : value >= 10 ? String.format(Locale.ROOT, "%.1f", value)
                : value >= 1 ? String.format(Locale.ROOT, "%.2f", value)
                : String.format(Locale.ROOT, "%.3f", value);
        return number + " " + unit;
    }
}
