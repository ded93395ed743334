package com.sethihemant.site.figures;

import com.sethihemant.site.Digest;
import org.jsoup.nodes.Entities;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A chart from a data file, as the HTML that follows its title: the SVG, a sentence or two that
 * say what it shows, and the data itself as a table in a {@code <details>} element with a link to
 * the raw file. Cached by the file's bytes and the macro's attributes.
 */
final class Charts {

    /** Between a cached chart's drawing and the HTML after its title: a character no data file may hold. */
    static final String SEPARATOR = "\u0000";

    private final FigureCache cache;
    private final String version = "charts " + FigureCache.codeOf(Charts.class, ChartSpec.class, ChartSvg.class,
            ChartData.class, Ticks.class);

    Charts(FigureCache cache) {
        this.cache = cache;
    }

    /**
     * @param name       the data file's name, as the macro wrote it
     * @param bytes      its bytes
     * @param href       where the page links to the raw file
     * @param attributes the macro's attributes
     * @param label      the chart's accessible name
     * @return the drawing and the HTML after the title, divided by {@link #SEPARATOR}
     * @throws FigureException for bad data or attributes
     */
    String html(String name, byte[] bytes, String href, Map<String, Object> attributes, String label) {
        Map<String, String> sorted = new TreeMap<>();
        // Every attribute, so that a typo added to a cached chart is a miss, and reported.
        attributes.forEach((key, value) -> sorted.put(key, String.valueOf(value)));
        String key = FigureCache.key("chart", version, name, href, label, sorted.toString(),
                Digest.hex(bytes));
        return cache.get(key, () -> render(name, bytes, href, attributes, label));
    }

    private static String render(String name, byte[] bytes, String href, Map<String, Object> attributes, String label) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new FigureException(name + " is not UTF-8 text; save it as UTF-8");
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new FigureException(name + " is not a text file; save the data as CSV or JSON");
        }
        ChartData data = ChartData.read(name, text);
        ChartSpec spec = ChartSpec.of(attributes, data);
        String summary = summary(spec);
        // The drawing, then what follows the block's title; SEPARATOR divides them.
        return ChartSvg.draw(spec, label, summary) + SEPARATOR + "<p class=\"chart-summary\">" + Entities.escape(summary)
                + "</p>\n" + table(data, bytes.length, href);
    }

    /** What the chart shows, in words: its kind and axes, then each series' range and peak. */
    static String summary(ChartSpec spec) {
        StringBuilder text = new StringBuilder();
        String kind = switch (spec.type()) {
            case LINE -> "Line chart";
            case BAR -> "Bar chart";
            case SCATTER -> "Scatter plot";
        };
        text.append(kind).append(" of ").append(spec.y().label().toLowerCase(Locale.ROOT).equals(spec.y().label())
                ? spec.y().label() : lowerFirst(spec.y().label())).append(" by ").append(lowerFirst(spec.x().label()));
        if (spec.x().scale() != ChartSpec.Scale.LINEAR) {
            text.append(" on a ").append(spec.x().scale() == ChartSpec.Scale.LOG2 ? "log2" : "log10").append(" scale");
        }
        int count = spec.series().size();
        text.append(count == 1 ? "." : ", " + count + " series.");
        for (ChartSpec.Series series : spec.series()) {
            ChartSpec.Point lowest = series.points().get(0);
            ChartSpec.Point highest = series.points().get(0);
            for (ChartSpec.Point point : series.points()) {
                if (point.y() < lowest.y()) {
                    lowest = point;
                }
                if (point.y() > highest.y()) {
                    highest = point;
                }
            }
            text.append(' ');
            if (count > 1) {
                text.append(series.name()).append(": ");
            }
            text.append("from ").append(value(lowest.y(), spec.y().unit())).append(" at ").append(x(spec, lowest))
                    .append(" to ").append(value(highest.y(), spec.y().unit())).append(" at ").append(x(spec, highest)).append('.');
        }
        return text.toString();
    }

    private static String x(ChartSpec spec, ChartSpec.Point point) {
        if (spec.categorical()) {
            return spec.categories().get((int) point.x());
        }
        return value(point.x(), spec.x().unit());
    }

    private static String value(double value, String unit) {
        return ChartSvg.format(value) + (unit.isEmpty() ? "" : " " + unit);
    }

    private static String lowerFirst(String text) {
        // "Throughput (MiB/s)" reads as "throughput (MiB/s)"; "IOPS" stays as it is.
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))) {
            return Character.toLowerCase(text.charAt(0)) + text.substring(1);
        }
        return text;
    }

    /** The data as a table, numbers aligned right, and the raw file's link. */
    private static String table(ChartData data, int size, String href) {
        StringBuilder html = new StringBuilder("<details class=\"chart-data\"><summary>The data: ")
                .append(Entities.escape(data.name())).append("</summary>\n<table class=\"tableblock\"><caption>")
                .append(Entities.escape(data.name())).append(", ").append(data.rows().size())
                .append(data.rows().size() == 1 ? " row" : " rows").append("</caption>\n<thead><tr>");
        List<Boolean> numeric = new ArrayList<>();
        for (int c = 0; c < data.columns().size(); c++) {
            int column = c;
            numeric.add(data.rows().stream().allMatch(r -> r.cells().get(column).matches("[-+]?[0-9.eE+-]+")));
            html.append("<th").append(numeric.get(c) ? " class=\"halign-right\"" : "").append(" scope=\"col\">")
                    .append(Entities.escape(data.columns().get(c))).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (ChartData.Row row : data.rows()) {
            html.append("<tr>");
            for (int c = 0; c < row.cells().size(); c++) {
                html.append("<td").append(numeric.get(c) ? " class=\"halign-right\"" : "").append('>')
                        .append(Entities.escape(row.cells().get(c))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table>\n<p><a href=\"").append(Entities.escape(href)).append("\">Download ")
                .append(Entities.escape(data.name())).append("</a> (").append(size < 1024 ? size + " bytes"
                        : String.format(Locale.ROOT, "%.1f KB", size / 1024.0)).append(")</p>\n</details>\n");
        return html.toString();
    }
}
