package com.sethihemant.site.figures;

import com.sethihemant.site.Suggestions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a {@code chart::} macro asks for, checked against its data: the kind of chart, the
 * columns for x, y, the series and the error range, the scales, and the axis titles and units.
 * Every mistake (an unknown attribute or column, a value that is not a number, a log scale with
 * a value at or below zero) is a {@link FigureException} that says what to change.
 *
 * @param type   line, bar or scatter
 * @param series the series to draw, each with its points in the order of the data
 */
record ChartSpec(Type type, Axis x, Axis y, String range, List<Series> series, boolean categorical,
                 List<String> categories) {

    /** The macro's attributes, with what each means (for messages and the writing guide). */
    static final Map<String, String> ATTRIBUTES = attributes();

    enum Type { LINE, BAR, SCATTER }

    enum Scale { LINEAR, LOG2, LOG10 }

    /** One axis: its column, title, unit, scale and any fixed end. */
    record Axis(String column, String title, String unit, Scale scale, Double min, Double max) {
        /** The axis title with its unit, as the chart shows it: "Throughput (MiB/s)". */
        String label() {
            return unit.isEmpty() ? title : title + " (" + unit + ")";
        }
    }

    /** A point: x (a number, or a category's index), y, and an optional range around y. */
    record Point(double x, double y, Double low, Double high, int line) {
    }

    record Series(String name, List<Point> points) {
    }

    private static Map<String, String> attributes() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("type", "line (default), bar or scatter");
        all.put("x", "the column for the x axis (required)");
        all.put("y", "the column for the y axis, or several separated by commas, one series each (required)");
        all.put("series", "a column whose values split the rows into series, one line or colour each");
        all.put("x-scale", "linear (default), log2 or log10");
        all.put("y-scale", "linear (default), log2 or log10");
        all.put("x-title", "the x axis title (default: the column's name)");
        all.put("y-title", "the y axis title (default: the column's name)");
        all.put("x-unit", "the x values' unit, shown after the title");
        all.put("y-unit", "the y values' unit, shown after the title");
        all.put("y-low", "a column with the low end of each value's range (error bar or band)");
        all.put("y-high", "a column with the high end of each value's range");
        all.put("range", "how y-low and y-high are drawn: bars (default for bar and scatter) or band (default for line)");
        all.put("y-min", "the lowest value the y axis shows");
        all.put("y-max", "the highest value the y axis shows");
        all.put("alt", "the chart's text alternative, when it has no title");
        return Collections.unmodifiableMap(all);
    }

    /** A plain decimal number, as benchmark tools write them: no unit, no thousands separator. */
    private static final Pattern NUMBER = Pattern.compile(
            "[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    /** Attributes Asciidoctor itself gives a block macro, which the chart accepts and ignores. */
    private static final Set<String> STANDARD = Set.of("title", "id", "role", "caption", "reftext", "opts", "options",
            "1", "name");

    /**
     * @param attributes the macro's attributes; positional attribute 1 may give the type
     * @throws FigureException for any mistake
     */
    static ChartSpec of(Map<String, Object> attributes, ChartData data) {
        Map<String, String> given = new TreeMap<>();
        attributes.forEach((key, value) -> {
            if (value != null) {
                given.put(key, value.toString().strip());
            }
        });
        for (String key : given.keySet()) {
            if (!ATTRIBUTES.containsKey(key) && !STANDARD.contains(key) && !key.endsWith("-option")) {
                if (key.matches("\\d+")) {
                    throw new FigureException("takes named attributes only (such as x=block_size), besides the type first;"
                            + " remove '" + given.get(key) + "' or name it");
                }
                String near = Suggestions.closest(key, ATTRIBUTES.keySet()).map(s -> "; did you mean '" + s + "'?").orElse("");
                throw new FigureException("has no attribute '" + key + "'" + near
                        + " (it takes " + String.join(", ", ATTRIBUTES.keySet()) + ")");
            }
        }
        String typeName = given.getOrDefault("type", given.getOrDefault("1", "line")).toLowerCase(Locale.ROOT);
        Type type = switch (typeName) {
            case "line" -> Type.LINE;
            case "bar" -> Type.BAR;
            case "scatter" -> Type.SCATTER;
            default -> throw new FigureException("has the type '" + typeName + "'; use line, bar or scatter");
        };
        String xColumn = required(given, "x");
        String yColumns = required(given, "y");
        column(data, xColumn, "x");
        List<String> ys = new ArrayList<>();
        for (String y : yColumns.split(",")) {
            if (!y.isBlank()) {
                column(data, y.strip(), "y");
                ys.add(y.strip());
            }
        }
        String seriesColumn = given.get("series");
        if (seriesColumn != null) {
            column(data, seriesColumn, "series");
            if (ys.size() > 1) {
                throw new FigureException("takes either several y columns or a series column, not both;"
                        + " use series=" + seriesColumn + " with one y column");
            }
        }
        String low = given.get("y-low");
        String high = given.get("y-high");
        if ((low == null) != (high == null)) {
            throw new FigureException("needs both y-low and y-high to draw a range, or neither");
        }
        if (low != null) {
            column(data, low, "y-low");
            column(data, high, "y-high");
            if (ys.size() > 1) {
                throw new FigureException("draws a range (y-low, y-high) for one y column only; split the chart or drop the range");
            }
        }
        String range = given.getOrDefault("range", type == Type.LINE ? "band" : "bars").toLowerCase(Locale.ROOT);
        if (!range.equals("band") && !range.equals("bars")) {
            throw new FigureException("has range='" + range + "'; use bars or band");
        }
        if (range.equals("band") && type != Type.LINE) {
            throw new FigureException("draws a band only on a line chart; use range=bars for a " + typeName + " chart");
        }
        boolean categorical = type == Type.BAR;
        Scale xScale = scale(given, "x-scale");
        Scale yScale = scale(given, "y-scale");
        if (categorical && given.containsKey("x-scale")) {
            throw new FigureException("draws one bar group per x value, so its x axis has no scale; remove x-scale");
        }
        if (type == Type.BAR && yScale != Scale.LINEAR) {
            throw new FigureException("draws bars whose length must be proportional to the value; use a line or scatter chart for a log y axis");
        }
        Axis x = new Axis(xColumn, given.getOrDefault("x-title", xColumn), given.getOrDefault("x-unit", ""), xScale, null, null);
        Axis y = new Axis(ys.size() == 1 ? ys.get(0) : String.join(", ", ys),
                given.getOrDefault("y-title", ys.size() == 1 ? ys.get(0) : "value"), given.getOrDefault("y-unit", ""), yScale,
                number(given, "y-min"), number(given, "y-max"));
        if (y.min() != null && y.max() != null && y.min() >= y.max()) {
            throw new FigureException("has y-min (" + given.get("y-min") + ") not below y-max (" + given.get("y-max") + ")");
        }

        List<String> categories = new ArrayList<>();
        Map<String, List<Point>> series = new LinkedHashMap<>();
        int xi = data.column(xColumn);
        int si = seriesColumn == null ? -1 : data.column(seriesColumn);
        for (ChartData.Row row : data.rows()) {
            double xValue;
            String xCell = row.cells().get(xi);
            if (categorical) {
                if (xCell.isEmpty()) {
                    throw bad(data, row, xColumn, xCell);
                }
                if (!categories.contains(xCell)) {
                    categories.add(xCell);
                }
                xValue = categories.indexOf(xCell);
            } else {
                xValue = value(data, row, xColumn, xi, xScale);
            }
            for (String yColumn : ys) {
                double yValue = value(data, row, yColumn, data.column(yColumn), yScale);
                Double lowValue = low == null ? null : value(data, row, low, data.column(low), yScale);
                Double highValue = high == null ? null : value(data, row, high, data.column(high), yScale);
                if (lowValue != null && (lowValue > yValue || highValue < yValue)) {
                    throw new FigureException(data.name() + " line " + row.line() + ": the range " + format(lowValue) + " to "
                            + format(highValue) + " does not hold the value " + format(yValue) + "; check the y-low and y-high columns");
                }
                String name = si >= 0 ? seriesName(seriesColumn, row.cells().get(si)) : ys.size() > 1 ? yColumn : y.title();
                series.computeIfAbsent(name, n -> new ArrayList<>()).add(new Point(xValue, yValue, lowValue, highValue, row.line()));
            }
        }
        if (series.size() > ChartSvg.SERIES) {
            throw new FigureException("has " + series.size() + " series, more than the " + ChartSvg.SERIES
                    + " a chart can keep apart; split it into several charts");
        }
        List<Series> all = new ArrayList<>();
        series.forEach((name, points) -> {
            List<Point> sorted = new ArrayList<>(points);
            if (type == Type.LINE) {
                sorted.sort(Comparator.comparingDouble(Point::x));
            }
            all.add(new Series(name, List.copyOf(sorted)));
        });
        return new ChartSpec(type, x, y, range, List.copyOf(all), categorical, List.copyOf(categories));
    }

    private static String seriesName(String column, String value) {
        if (value.isEmpty()) {
            return column + " (none)";
        }
        return value.matches("[-+]?[0-9.]+") ? column + "=" + value : value;
    }

    private static String required(Map<String, String> given, String key) {
        String value = given.get(key);
        if (value == null || value.isEmpty()) {
            throw new FigureException("needs " + key + "=COLUMN, naming the column for the " + key + " axis");
        }
        return value;
    }

    private static void column(ChartData data, String name, String role) {
        if (data.column(name) < 0) {
            String near = Suggestions.closest(name, data.columns()).map(s -> "; did you mean '" + s + "'?").orElse("");
            throw new FigureException("uses the column '" + name + "' for " + role + ", which " + data.name() + " does not have"
                    + " (its columns: " + String.join(", ", data.columns()) + ")" + near);
        }
    }

    private static Scale scale(Map<String, String> given, String key) {
        String value = given.getOrDefault(key, "linear").toLowerCase(Locale.ROOT);
        return switch (value) {
            case "linear" -> Scale.LINEAR;
            case "log2" -> Scale.LOG2;
            case "log", "log10" -> Scale.LOG10;
            default -> throw new FigureException("has " + key + "='" + value + "'; use linear, log2 or log10");
        };
    }

    private static Double number(Map<String, String> given, String key) {
        String value = given.get(key);
        if (value == null) {
            return null;
        }
        if (!NUMBER.matcher(value).matches()) {
            throw new FigureException("has " + key + "='" + value + "', which is not a number");
        }
        return Double.parseDouble(value);
    }

    private static double value(ChartData data, ChartData.Row row, String column, int index, Scale scale) {
        String cell = row.cells().get(index);
        if (!NUMBER.matcher(cell).matches()) {
            throw bad(data, row, column, cell);
        }
        double value = Double.parseDouble(cell);
        if (!Double.isFinite(value)) {
            throw bad(data, row, column, cell);
        }
        if (scale != Scale.LINEAR && value <= 0) {
            throw new FigureException(data.name() + " line " + row.line() + ": column '" + column + "' has " + cell
                    + ", which a log scale cannot show; use a linear scale or leave the row out");
        }
        return value;
    }

    private static FigureException bad(ChartData data, ChartData.Row row, String column, String cell) {
        return new FigureException(data.name() + " line " + row.line() + ": column '" + column + "' has "
                + (cell.isEmpty() ? "no value" : "'" + cell + "', which is not a number")
                + "; write a plain number such as 1024 or 3.5 (units go in the axis attributes, such as y-unit=MiB/s)");
    }

    static String format(double value) {
        return ChartSvg.format(value);
    }
}
