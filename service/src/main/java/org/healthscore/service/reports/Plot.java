package org.healthscore.service.reports;

import java.util.function.DoubleFunction;

/**
 * One chart's drawing surface: an {@code <svg>} of a fixed view box with a plot area inside margins, linear
 * scales from data to view-box units, axes with ticks and grid lines, and the shapes the charts draw. The svg
 * names its chart ({@code data-chart}) and carries a {@code <title>} and {@code <desc>} for screen readers.
 */
final class Plot {

    static final String SVG_NS = "http://www.w3.org/2000/svg";
    static final int FONT = 12;
    static final int SMALL = 11;

    final double width;
    final double height;
    final double left;
    final double right;
    final double top;
    final double bottom;
    private double xMin = 0;
    private double xMax = 1;
    private double yMin = 0;
    private double yMax = 1;

    /** A view box {@code width x height} whose plot area leaves the given margins. */
    Plot(double width, double height, double marginLeft, double marginRight, double marginTop, double marginBottom) {
        this.width = width;
        this.height = height;
        this.left = marginLeft;
        this.right = width - marginRight;
        this.top = marginTop;
        this.bottom = height - marginBottom;
    }

    Plot x(double min, double max) {
        xMin = min;
        xMax = max;
        return this;
    }

    Plot y(double min, double max) {
        yMin = min;
        yMax = max;
        return this;
    }

    double px(double x) {
        return left + (x - xMin) / (xMax - xMin) * (right - left);
    }

    double py(double y) {
        return bottom - (y - yMin) / (yMax - yMin) * (bottom - top);
    }

    /** Opens the svg; {@code id} is unique in the page and names the title and description. */
    void open(Markup out, String id, String chart, String title, String description) {
        out.open("svg", "xmlns", SVG_NS, "id", id, "data-chart", chart, "viewBox", "0 0 " + n(width) + " " + n(height),
                "width", n(width), "height", n(height), "role", "img", "aria-labelledby", id + "-title " + id + "-desc",
                "font-size", String.valueOf(FONT));
        out.element("title", title, "id", id + "-title");
        out.element("desc", description, "id", id + "-desc");
    }

    void close(Markup out) {
        out.close();
    }

    /** Horizontal grid lines and labels at every {@code step} of the y scale, and the y axis title. */
    void yAxis(Markup out, double step, DoubleFunction<String> label, String title) {
        for (int k = 0; ; k++) {
            double v = yMin + k * step;
            if (v > yMax + step * 1e-9) {
                break;
            }
            double y = py(v);
            out.empty("line", "x1", n(left), "y1", n(y), "x2", n(right), "y2", n(y), "stroke", Palette.GRID,
                    "stroke-width", "1");
            text(out, left - 6, y + 4, label.apply(v), "end", SMALL, Palette.GREY);
        }
        double cx = 14;
        double cy = (top + bottom) / 2;
        out.element("text", title, "x", n(cx), "y", n(cy), "text-anchor", "middle", "fill", Palette.INK,
                "transform", "rotate(-90 " + n(cx) + " " + n(cy) + ")");
    }

    /** Vertical grid lines and labels at every {@code step} of the x scale, and the x axis title. */
    void xAxis(Markup out, double step, DoubleFunction<String> label, String title) {
        for (int k = 0; ; k++) {
            double v = xMin + k * step;
            if (v > xMax + step * 1e-9) {
                break;
            }
            double x = px(v);
            out.empty("line", "x1", n(x), "y1", n(top), "x2", n(x), "y2", n(bottom), "stroke", Palette.GRID,
                    "stroke-width", "1");
            text(out, x, bottom + 15, label.apply(v), "middle", SMALL, Palette.GREY);
        }
        xTitle(out, title);
    }

    /** The x axis title alone, under the plot area (for charts whose x axis is categories). */
    void xTitle(Markup out, String title) {
        out.element("text", title, "x", n((left + right) / 2), "y", n(height - 6), "text-anchor", "middle",
                "fill", Palette.INK);
    }

    /** The axis lines at the left and bottom of the plot area. */
    void axes(Markup out) {
        out.empty("path", "d", "M" + n(left) + " " + n(top) + "V" + n(bottom) + "H" + n(right), "fill", "none",
                "stroke", Palette.INK, "stroke-width", "1");
    }

    /** A dashed reference line with a label at its end (chance, base rate, lift 1). */
    void reference(Markup out, double x1, double y1, double x2, double y2, String label, double lx, double ly,
                   String anchor) {
        out.empty("line", "x1", n(x1), "y1", n(y1), "x2", n(x2), "y2", n(y2), "stroke", Palette.INK,
                "stroke-width", "1.5", "stroke-dasharray", "6 4", "data-series", "reference");
        text(out, lx, ly, label, anchor, SMALL, Palette.INK);
    }

    /** A message in the middle of the plot area, for a chart whose data is undefined. */
    void message(Markup out, String first, String second) {
        messageAt(out, (left + right) / 2, (top + bottom) / 2, "middle", first, second);
    }

    /** A message at a point of the view box, clear of what the chart still draws (a diagonal, say). */
    void messageAt(Markup out, double x, double y, String anchor, String first, String second) {
        out.element("text", first, "x", n(x), "y", n(y - 4), "text-anchor", anchor, "font-weight", "bold",
                "fill", Palette.INK, "data-na", "true");
        if (second != null) {
            text(out, x, y + 14, second, anchor, SMALL, Palette.INK);
        }
    }

    /** A hatched fill: the colour with white diagonal stripes, so the series reads without colour. */
    static void hatch(Markup out, String id, String colour) {
        out.open("pattern", "id", id, "width", "6", "height", "6", "patternUnits", "userSpaceOnUse",
                "patternTransform", "rotate(45)");
        out.empty("rect", "width", "6", "height", "6", "fill", colour);
        out.empty("line", "x1", "0", "y1", "0", "x2", "0", "y2", "6", "stroke", "#ffffff", "stroke-width", "2.5");
        out.close();
    }

    /** A label with a white halo, so a grid or reference line behind it does not strike it through. */
    static void text(Markup out, double x, double y, String text, String anchor, int size, String colour) {
        out.element("text", text, "x", n(x), "y", n(y), "text-anchor", anchor,
                "font-size", size == FONT ? null : String.valueOf(size), "fill", colour, "stroke", "#ffffff",
                "stroke-width", "3", "stroke-linejoin", "round", "paint-order", "stroke");
    }

    /** A bar (or a legend swatch) with a tooltip. */
    static void rect(Markup out, double x, double y, double w, double h, String fill, String tooltip,
                     String... data) {
        String[] attributes = new String[10 + data.length];
        String[] base = {"x", n(x), "y", n(y), "width", n(Math.max(0, w)), "height", n(Math.max(0, h)), "fill", fill};
        System.arraycopy(base, 0, attributes, 0, base.length);
        System.arraycopy(data, 0, attributes, base.length, data.length);
        if (tooltip == null) {
            out.empty("rect", attributes);
        } else {
            out.open("rect", attributes).element("title", tooltip).close();
        }
    }

    static String n(double value) {
        return Numbers.coordinate(value);
    }

    /** A step of 1, 2, 2.5 or 5 times a power of ten giving about four intervals up to {@code max}. */
    static double niceStep(double max) {
        if (!(max > 0)) {
            return 1;
        }
        double raw = max / 4;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * power >= raw) {
                return m * power;
            }
        }
        return 10 * power;
    }

    /** The top of the scale: {@code max} rounded up to a whole step. */
    static double niceTop(double max, double step) {
        return Math.max(step, Math.ceil(max / step - 1e-9) * step);
    }
}
