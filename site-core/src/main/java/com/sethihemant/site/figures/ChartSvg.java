package com.sethihemant.site.figures;

import org.jsoup.nodes.Entities;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Draws a {@link ChartSpec} as SVG: axes with ticks (nice steps on a linear scale, powers of two
 * or ten on a log scale), grid lines, one group per series, a legend when there are several, and
 * a {@code title} and {@code desc} for assistive technology.
 *
 * <p>Colours come from the theme's stylesheet through class names ({@code c-s1} ... {@code c-s8}
 * for the series, {@code c-grid}, {@code c-axis}, {@code c-label}, {@code c-text}), so the chart
 * follows light, dark and the theme toggle; the light theme's colours are also written as
 * presentation attributes for readers without the stylesheet. Series differ in colour and also in
 * marker shape and dash pattern, so they can be told apart without colour. No {@code style}
 * attribute and no id: the chart meets the site's Content-Security-Policy and can appear twice on
 * a page.
 */
final class ChartSvg {

    /** The most series a chart draws: as many as it has distinct colours, shapes and dashes. */
    static final int SERIES = 8;

    private static final int WIDTH = 640;
    private static final int HEIGHT = 400;
    private static final double FONT = 13;
    /** The width of an average character of the sans font at 13 px, to lay out labels. */
    private static final double CHAR = 7.2;
    /** The light theme's series colours, the fallback for readers without the stylesheet. */
    private static final String[] LIGHT = {"#0b6279", "#a11d55", "#2a6a1c", "#9a4500", "#2850a0", "#7133a0", "#55595f",
            "#1b1c1e"};
    private static final String[] DASHES = {null, "7 4", "2 3", "9 3 2 3", "4 4", "12 4", "2 6", "6 2 2 2"};

    private final ChartSpec spec;
    private final StringBuilder svg = new StringBuilder();
    private double left;
    private double right;
    private double top;
    private double bottom;
    private Ticks xTicks;
    private Ticks yTicks;

    private ChartSvg(ChartSpec spec) {
        this.spec = spec;
    }

    /**
     * @param title   the chart's accessible name
     * @param summary what the chart shows, in words
     */
    static String draw(ChartSpec spec, String title, String summary) {
        return new ChartSvg(spec).render(title, summary);
    }

    private String render(String title, String summary) {
        yTicks = yTicks();
        xTicks = spec.categorical() ? null : Ticks.of(spec.x().scale(), min(true), max(true), null, null);
        List<List<String>> legend = legendRows();
        top = spec.series().size() > 1 ? 14 + legend.size() * 20 + 6 : 18;
        double labelWidth = 0;
        for (double tick : yTicks.values()) {
            labelWidth = Math.max(labelWidth, format(tick).length() * CHAR);
        }
        left = 20 + 10 + labelWidth + 8;
        // The last x label is centred on the axis' end: leave room for its right half.
        double lastLabel = xTicks == null || xTicks.values().isEmpty() ? 0
                : format(xTicks.values().get(xTicks.values().size() - 1)).length() * CHAR;
        right = WIDTH - Math.max(20, lastLabel / 2 + 6);
        boolean slanted = spec.categorical() && spec.categories().stream()
                .anyMatch(c -> c.length() * CHAR > (right - left) / spec.categories().size() - 6);
        double longest = spec.categorical() ? spec.categories().stream().mapToInt(String::length).max().orElse(0) * CHAR : 0;
        bottom = HEIGHT - (slanted ? 28 + Math.min(120, longest * 0.5) : 22) - 24;

        svg.append("<svg class=\"chart-svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\" font-size=\"13\" font-family=\"sans-serif\"><title>").append(escape(title))
                .append("</title><desc>").append(escape(summary)).append("</desc>");
        grid();
        axes(slanted);
        for (int i = 0; i < spec.series().size(); i++) {
            series(i, spec.series().get(i));
        }
        legend(legend);
        return svg.append("</svg>").toString();
    }

    private Ticks yTicks() {
        double low = min(false);
        double high = max(false);
        if (spec.y().scale() == ChartSpec.Scale.LINEAR && low >= 0 && spec.y().min() == null) {
            low = 0;
        }
        return Ticks.of(spec.y().scale(), low, high, spec.y().min(), spec.y().max());
    }

    private double min(boolean x) {
        double min = Double.POSITIVE_INFINITY;
        for (ChartSpec.Series series : spec.series()) {
            for (ChartSpec.Point point : series.points()) {
                min = Math.min(min, x ? point.x() : point.low() != null ? point.low() : point.y());
            }
        }
        return min;
    }

    private double max(boolean x) {
        double max = Double.NEGATIVE_INFINITY;
        for (ChartSpec.Series series : spec.series()) {
            for (ChartSpec.Point point : series.points()) {
                max = Math.max(max, x ? point.x() : point.high() != null ? point.high() : point.y());
            }
        }
        return max;
    }

    private double px(double x) {
        if (spec.categorical()) {
            double band = (right - left) / spec.categories().size();
            return left + band * (x + 0.5);
        }
        return left + xTicks.fraction(x) * (right - left);
    }

    private double py(double y) {
        return bottom - yTicks.fraction(y) * (bottom - top);
    }

    private void grid() {
        svg.append("<g class=\"c-grid\" fill=\"none\" stroke=\"#d9d5cb\" stroke-width=\"1\">");
        StringBuilder d = new StringBuilder();
        for (double tick : yTicks.values()) {
            d.append('M').append(n(left)).append(',').append(n(py(tick))).append('H').append(n(right));
        }
        if (xTicks != null) {
            for (double tick : xTicks.values()) {
                d.append('M').append(n(px(tick))).append(',').append(n(top)).append('V').append(n(bottom));
            }
        }
        svg.append("<path d=\"").append(d).append("\"/></g>");
    }

    private void axes(boolean slanted) {
        svg.append("<g class=\"c-axis\" fill=\"none\" stroke=\"#55595f\" stroke-width=\"1\"><path d=\"M").append(n(left)).append(',')
                .append(n(top)).append('V').append(n(bottom)).append('H').append(n(right));
        if (spec.categorical()) {
            for (int c = 0; c < spec.categories().size(); c++) {
                svg.append('M').append(n(px(c))).append(',').append(n(bottom)).append("v5");
            }
        } else {
            for (double tick : xTicks.values()) {
                svg.append('M').append(n(px(tick))).append(',').append(n(bottom)).append("v5");
            }
        }
        svg.append("\"/></g>");
        // Tick labels: y at the left, right-aligned; x below, centred (slanted when too long).
        svg.append("<g class=\"c-label\" fill=\"#55595f\" text-anchor=\"end\">");
        for (double tick : yTicks.values()) {
            svg.append("<text x=\"").append(n(left - 8)).append("\" y=\"").append(n(py(tick) + FONT * 0.35)).append("\">")
                    .append(escape(format(tick))).append("</text>");
        }
        svg.append("</g><g class=\"c-label\" fill=\"#55595f\" text-anchor=\"").append(slanted ? "end" : "middle").append("\">");
        List<String> labels = new ArrayList<>();
        List<Double> at = new ArrayList<>();
        if (spec.categorical()) {
            for (int c = 0; c < spec.categories().size(); c++) {
                labels.add(spec.categories().get(c));
                at.add(px(c));
            }
        } else {
            for (double tick : xTicks.values()) {
                labels.add(format(tick));
                at.add(px(tick));
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            double y = bottom + 20;
            svg.append("<text x=\"").append(n(at.get(i))).append("\" y=\"").append(n(y)).append('"');
            if (slanted) {
                svg.append(" transform=\"rotate(-30 ").append(n(at.get(i))).append(' ').append(n(y)).append(")\"");
            }
            svg.append('>').append(escape(labels.get(i))).append("</text>");
        }
        svg.append("</g>");
        // Axis titles: x centred below the labels, y turned along the axis.
        double middle = (top + bottom) / 2;
        svg.append("<g class=\"c-text\" fill=\"#1b1c1e\" text-anchor=\"middle\"><text x=\"").append(n((left + right) / 2))
                .append("\" y=\"").append(HEIGHT - 10).append("\">").append(escape(spec.x().label())).append(scaleNote(spec.x()))
                .append("</text><text x=\"16\" y=\"").append(n(middle)).append("\" transform=\"rotate(-90 16 ").append(n(middle))
                .append(")\">").append(escape(spec.y().label())).append(scaleNote(spec.y())).append("</text></g>");
    }

    private static String scaleNote(ChartSpec.Axis axis) {
        return switch (axis.scale()) {
            case LINEAR -> "";
            case LOG2 -> ", log\u2082 scale";
            case LOG10 -> ", log scale";
        };
    }

    private void series(int index, ChartSpec.Series series) {
        String colour = LIGHT[index];
        svg.append("<g class=\"c-s").append(index + 1).append("\" fill=\"").append(colour).append("\" stroke=\"").append(colour)
                .append("\">");
        List<ChartSpec.Point> points = series.points();
        boolean ranged = points.get(0).low() != null;
        if (spec.type() == ChartSpec.Type.BAR) {
            double band = (right - left) / spec.categories().size();
            double width = band * 0.8 / spec.series().size();
            StringBuilder d = new StringBuilder();
            double base = py(yTicks.min());
            for (ChartSpec.Point point : points) {
                double x = px(point.x()) - band * 0.4 + width * index;
                d.append('M').append(n(x + 1)).append(',').append(n(base)).append('V').append(n(py(point.y())))
                        .append('h').append(n(Math.max(1, width - 2))).append('V').append(n(base)).append('Z');
            }
            svg.append("<path class=\"c-bar\" stroke=\"none\" d=\"").append(d).append("\"/>");
            if (ranged) {
                errorBars(points, p -> px(p.x()) - band * 0.4 + width * index + width / 2);
            }
        } else {
            if (ranged && spec.range().equals("band")) {
                StringBuilder d = new StringBuilder();
                for (int i = 0; i < points.size(); i++) {
                    d.append(i == 0 ? 'M' : 'L').append(n(px(points.get(i).x()))).append(',').append(n(py(points.get(i).high())));
                }
                for (int i = points.size() - 1; i >= 0; i--) {
                    d.append('L').append(n(px(points.get(i).x()))).append(',').append(n(py(points.get(i).low())));
                }
                svg.append("<path class=\"c-band\" stroke=\"none\" fill-opacity=\"0.18\" d=\"").append(d).append("Z\"/>");
            } else if (ranged) {
                errorBars(points, p -> px(p.x()));
            }
            if (spec.type() == ChartSpec.Type.LINE && points.size() > 1) {
                StringBuilder d = new StringBuilder();
                for (int i = 0; i < points.size(); i++) {
                    d.append(i == 0 ? 'M' : 'L').append(n(px(points.get(i).x()))).append(',').append(n(py(points.get(i).y())));
                }
                svg.append("<path class=\"c-line\" fill=\"none\" stroke-width=\"2\"");
                if (DASHES[index] != null) {
                    svg.append(" stroke-dasharray=\"").append(DASHES[index]).append('"');
                }
                svg.append(" d=\"").append(d).append("\"/>");
            }
            StringBuilder d = new StringBuilder();
            for (ChartSpec.Point point : points) {
                marker(d, index, px(point.x()), py(point.y()), 4.5);
            }
            svg.append("<path class=\"c-dot\" stroke=\"#fbfaf7\" stroke-width=\"1\" d=\"").append(d).append("\"/>");
        }
        svg.append("</g>");
    }

    private void errorBars(List<ChartSpec.Point> points, ToDoubleFunction<ChartSpec.Point> x) {
        StringBuilder d = new StringBuilder();
        for (ChartSpec.Point point : points) {
            double at = x.applyAsDouble(point);
            double low = py(point.low());
            double high = py(point.high());
            d.append('M').append(n(at)).append(',').append(n(low)).append('V').append(n(high))
                    .append('M').append(n(at - 4)).append(',').append(n(low)).append("h8")
                    .append('M').append(n(at - 4)).append(',').append(n(high)).append("h8");
        }
        svg.append("<path class=\"c-err\" fill=\"none\" stroke-width=\"1.5\" d=\"").append(d).append("\"/>");
    }

    /** Marker {@code index}: circle, square, triangle, diamond, triangle down, plus, pentagon, hexagon. */
    static void marker(StringBuilder d, int index, double x, double y, double r) {
        switch (index % SERIES) {
            case 0 -> d.append('M').append(n(x - r)).append(',').append(n(y)).append('a').append(n(r)).append(',').append(n(r))
                    .append(" 0 1,0 ").append(n(2 * r)).append(",0a").append(n(r)).append(',').append(n(r)).append(" 0 1,0 ")
                    .append(n(-2 * r)).append(",0Z");
            case 1 -> polygon(d, x, y, r * 0.9, new double[][] {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}});
            case 2 -> polygon(d, x, y, r * 1.15, new double[][] {{0, -1}, {0.9, 0.7}, {-0.9, 0.7}});
            case 3 -> polygon(d, x, y, r * 1.2, new double[][] {{0, -1}, {1, 0}, {0, 1}, {-1, 0}});
            case 4 -> polygon(d, x, y, r * 1.15, new double[][] {{0, 1}, {0.9, -0.7}, {-0.9, -0.7}});
            case 5 -> polygon(d, x, y, r * 1.1, new double[][] {{-0.35, -1}, {0.35, -1}, {0.35, -0.35}, {1, -0.35}, {1, 0.35},
                    {0.35, 0.35}, {0.35, 1}, {-0.35, 1}, {-0.35, 0.35}, {-1, 0.35}, {-1, -0.35}, {-0.35, -0.35}});
            case 6 -> polygon(d, x, y, r * 1.1, regular(5));
            default -> polygon(d, x, y, r * 1.05, regular(6));
        }
    }

    private static double[][] regular(int sides) {
        double[][] corners = new double[sides][];
        for (int i = 0; i < sides; i++) {
            double angle = -Math.PI / 2 + 2 * Math.PI * i / sides;
            corners[i] = new double[] {Math.cos(angle), Math.sin(angle)};
        }
        return corners;
    }

    private static void polygon(StringBuilder d, double x, double y, double r, double[][] corners) {
        for (int i = 0; i < corners.length; i++) {
            d.append(i == 0 ? 'M' : 'L').append(n(x + corners[i][0] * r)).append(',').append(n(y + corners[i][1] * r));
        }
        d.append('Z');
    }

    /** The legend's items, in rows that fit the plot's width. */
    private List<List<String>> legendRows() {
        List<List<String>> rows = new ArrayList<>();
        if (spec.series().size() < 2) {
            return rows;
        }
        double width = WIDTH - 40;
        double used = 0;
        List<String> row = new ArrayList<>();
        for (ChartSpec.Series series : spec.series()) {
            double item = 34 + series.name().length() * CHAR + 18;
            if (used + item > width && !row.isEmpty()) {
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
            }
            row.add(series.name());
            used += item;
        }
        rows.add(row);
        return rows;
    }

    private void legend(List<List<String>> rows) {
        int index = 0;
        for (int r = 0; r < rows.size(); r++) {
            double x = 20;
            double y = 14 + r * 20 + 10;
            for (String name : rows.get(r)) {
                svg.append("<g class=\"c-s").append(index + 1).append("\" fill=\"").append(LIGHT[index]).append("\" stroke=\"")
                        .append(LIGHT[index]).append("\">");
                if (spec.type() == ChartSpec.Type.BAR) {
                    svg.append("<path stroke=\"none\" d=\"M").append(n(x + 8)).append(',').append(n(y - 6)).append("h14v12h-14Z\"/>");
                } else {
                    if (spec.type() == ChartSpec.Type.LINE) {
                        svg.append("<path fill=\"none\" stroke-width=\"2\"");
                        if (DASHES[index] != null) {
                            svg.append(" stroke-dasharray=\"").append(DASHES[index]).append('"');
                        }
                        svg.append(" d=\"M").append(n(x)).append(',').append(n(y)).append("h30\"/>");
                    }
                    StringBuilder d = new StringBuilder();
                    marker(d, index, x + 15, y, 4.5);
                    svg.append("<path class=\"c-dot\" stroke=\"#fbfaf7\" stroke-width=\"1\" d=\"").append(d).append("\"/>");
                }
                svg.append("<text class=\"c-text\" stroke=\"none\" fill=\"#1b1c1e\" x=\"").append(n(x + 36)).append("\" y=\"")
                        .append(n(y + FONT * 0.35)).append("\">").append(escape(name)).append("</text></g>");
                x += 34 + name.length() * CHAR + 18;
                index++;
            }
        }
    }

    /** A coordinate, to a tenth of a pixel, without a trailing ".0". */
    static String n(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        if (rounded == Math.rint(rounded)) {
            return Long.toString((long) rounded);
        }
        return String.format(Locale.ROOT, "%.1f", rounded);
    }

    /** A value as a reader expects it: 1,024, 0.25, 3.5M. */
    static String format(double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 1e7) {
            String[] suffixes = {"M", "G", "T", "P"};
            int i = 0;
            double scaled = value / 1e6;
            while (Math.abs(scaled) >= 1000 && i < suffixes.length - 1) {
                scaled /= 1000;
                i++;
            }
            return plain(scaled, 3) + suffixes[i];
        }
        if (value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        return plain(value, magnitude >= 100 ? 4 : 3);
    }

    private static String plain(double value, int significant) {
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(significant, RoundingMode.HALF_EVEN));
        String text = rounded.stripTrailingZeros().toPlainString();
        if (text.indexOf('.') < 0 && Math.abs(rounded.doubleValue()) >= 1000) {
            return String.format(Locale.ROOT, "%,d", rounded.longValue());
        }
        return text;
    }

    private static String escape(String text) {
        return Entities.escape(text);
    }
}
