package org.healthscore.service.reports;

/**
 * Values written into the page: a number as formatted, or {@value Numbers#NA} followed by the sentence that says
 * why, so an undefined statistic never stands unexplained (on screen or on paper).
 */
final class Cells {

    private Cells() {
    }

    /** {@code formatted}, or "n/a (why)" when it is {@value Numbers#NA}. */
    static void value(Markup out, String formatted, String why) {
        out.text(formatted);
        if (Numbers.NA.equals(formatted) && why != null) {
            out.element("span", " (" + why + ")", "class", "why");
        }
    }

    /** A table cell holding {@link #value}. */
    static void td(Markup out, String formatted, String why, String... attributes) {
        out.open("td", attributes);
        value(out, formatted, why);
        out.close();
    }

    /** A numeric cell: right-aligned for reading down a column. */
    static void number(Markup out, String formatted, String why, String field) {
        td(out, formatted, why, "class", "num", "data-field", field);
    }

    /** A header row of plain column names. */
    static void header(Markup out, String... names) {
        out.open("thead").open("tr");
        for (String name : names) {
            out.element("th", name, "scope", "col");
        }
        out.close().close();
    }
}
