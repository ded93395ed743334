package com.sethihemant.site.figures;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A chart's data: named columns and rows of text cells, each row with the line of the file it
 * was read from, so that a bad value can be reported where it is written.
 *
 * <p>CSV (RFC 4180: a header row, commas, double quotes around a cell that holds a comma, a
 * quote or a line break; lines starting with {@code #} are comments, as benchmark tools write
 * them) or JSON (an array of flat objects, one per row; a key missing from a row is an empty
 * cell).
 *
 * @param name    the file's name, for messages
 * @param columns the column names, in order
 * @param rows    the rows, each as wide as {@code columns}
 */
record ChartData(String name, List<String> columns, List<Row> rows) {

    /** One row: the line it starts on (1-based) and its cells. */
    record Row(int line, List<String> cells) {
    }

    int column(String name) {
        return columns.indexOf(name);
    }

    /** Reads {@code text}, CSV or JSON by the file's extension. */
    static ChartData read(String name, String text) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return csv(name, text);
        }
        if (lower.endsWith(".json")) {
            return json(name, text);
        }
        throw new FigureException("reads CSV (.csv) or JSON (.json) files; '" + name + "' is neither");
    }

    static ChartData csv(String name, String text) {
        List<String> header = null;
        int headerLine = 0;
        List<Row> rows = new ArrayList<>();
        int i = 0;
        int line = 1;
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        while (i < body.length()) {
            int start = line;
            // Blank lines and comments between records are skipped.
            int end = body.indexOf('\n', i);
            String raw = body.substring(i, end < 0 ? body.length() : end);
            if (raw.isBlank() || raw.stripLeading().startsWith("#")) {
                i = end < 0 ? body.length() : end + 1;
                line++;
                continue;
            }
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            while (i < body.length()) {
                char c = body.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                        continue;
                    }
                    if (c == '"') {
                        quoted = false;
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        cell.append(c);
                    }
                    i++;
                    continue;
                }
                if (c == '"' && cell.toString().isBlank() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                    cell.setLength(0);
                    i++;
                } else if (c == ',') {
                    cells.add(wasQuoted ? cell.toString() : cell.toString().strip());
                    cell.setLength(0);
                    wasQuoted = false;
                    i++;
                } else if (c == '\n' || c == '\r') {
                    break;
                } else {
                    cell.append(c);
                    i++;
                }
            }
            if (quoted) {
                throw new FigureException(name + " line " + start + ": a quoted cell is never closed; add the closing \"");
            }
            cells.add(wasQuoted ? cell.toString() : cell.toString().strip());
            // The line break: \n, \r\n or \r.
            if (i < body.length() && body.charAt(i) == '\r') {
                i++;
            }
            if (i < body.length() && body.charAt(i) == '\n') {
                i++;
            }
            line++;
            if (header == null) {
                header = cells;
                headerLine = start;
                checkHeader(name, header, headerLine);
            } else if (cells.size() != header.size()) {
                throw new FigureException(name + " line " + start + ": has " + cells.size() + " cells, but the header (line "
                        + headerLine + ") names " + header.size() + " columns; give every row one cell per column");
            } else {
                rows.add(new Row(start, List.copyOf(cells)));
            }
        }
        if (header == null) {
            throw new FigureException(name + " is empty; start it with a header row naming the columns");
        }
        if (rows.isEmpty()) {
            throw new FigureException(name + " has a header but no rows of data");
        }
        return new ChartData(name, List.copyOf(header), List.copyOf(rows));
    }

    private static void checkHeader(String name, List<String> header, int line) {
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).isEmpty()) {
                throw new FigureException(name + " line " + line + ": column " + (c + 1) + " has no name; name every column in the header");
            }
            if (header.indexOf(header.get(c)) != c) {
                throw new FigureException(name + " line " + line + ": two columns are named '" + header.get(c) + "'; give each its own name");
            }
        }
    }

    static ChartData json(String name, String text) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (RuntimeException e) {
            throw new FigureException(name + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse("")
                    + "; write an array of objects, one per row");
        }
        if (!(root instanceof SequenceNode array) || array.getValue().isEmpty()) {
            throw new FigureException(name + " must hold a non-empty array of objects, one per row, such as"
                    + " [{\"block_size\": 4, \"throughput_mib_s\": 210}]");
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<Map<String, String>> values = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (Node item : array.getValue()) {
            int line = item.getStartMark().getLine() + 1;
            if (!(item instanceof MappingNode object)) {
                throw new FigureException(name + " line " + line + ": each item of the array must be an object (a row)");
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (NodeTuple pair : object.getValue()) {
                if (!(pair.getKeyNode() instanceof ScalarNode key) || !(pair.getValueNode() instanceof ScalarNode value)) {
                    throw new FigureException(name + " line " + (pair.getValueNode().getStartMark().getLine() + 1)
                            + ": values must be numbers or strings, not arrays or objects");
                }
                columns.putIfAbsent(key.getValue(), columns.size());
                String cell = value.getTag().getValue().endsWith(":null") ? "" : value.getValue();
                row.put(key.getValue(), cell);
            }
            values.add(row);
            lines.add(line);
        }
        List<String> names = List.copyOf(columns.keySet());
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < values.size(); r++) {
            List<String> cells = new ArrayList<>();
            for (String column : names) {
                cells.add(values.get(r).getOrDefault(column, ""));
            }
            rows.add(new Row(lines.get(r), List.copyOf(cells)));
        }
        return new ChartData(name, names, List.copyOf(rows));
    }
}
