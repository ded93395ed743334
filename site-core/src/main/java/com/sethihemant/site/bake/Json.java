package com.sethihemant.site.bake;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the JSON files the bake generates (the JSON Feed, the search index): maps (keys in their
 * order), lists, strings, integers and booleans; {@code null} values in maps are left out, so an
 * optional field is absent rather than null. Strings are escaped only where JSON requires it (and
 * U+2028, U+2029 and lone surrogates), so HTML in a feed stays readable.
 */
final class Json {

    private Json() {
    }

    /** Compact JSON: no white space between tokens. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder(1024);
        write(value, out, -1, 0);
        return out.toString();
    }

    /** JSON indented by two spaces, for files people read (the feed). */
    static String pretty(Object value) {
        StringBuilder out = new StringBuilder(1024);
        write(value, out, 2, 0);
        return out.append('\n').toString();
    }

    private static void write(Object value, StringBuilder out, int indent, int depth) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getValue() == null) {
                    continue;
                }
                out.append(first ? "" : ",");
                first = false;
                newLine(out, indent, depth + 1);
                quote(String.valueOf(entry.getKey()), out);
                out.append(indent < 0 ? ":" : ": ");
                write(entry.getValue(), out, indent, depth + 1);
            }
            if (!first) {
                newLine(out, indent, depth);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                out.append(first ? "" : ",");
                first = false;
                newLine(out, indent, depth + 1);
                write(item, out, indent, depth + 1);
            }
            if (!first) {
                newLine(out, indent, depth);
            }
            out.append(']');
        } else if (value instanceof String text) {
            quote(text, out);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
            out.append(value);
        } else if (value == null) {
            out.append("null");
        } else {
            throw new IllegalArgumentException("no JSON for a " + value.getClass().getName());
        }
    }

    private static void newLine(StringBuilder out, int indent, int depth) {
        if (indent >= 0) {
            out.append('\n').append(" ".repeat(indent * depth));
        }
    }

    static void quote(String text, StringBuilder out) {
        out.append('"');
        // Runs of characters that need no escape, nearly all of them, are copied at once.
        int plain = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && c < '\u2028') {
                continue;
            }
            String escaped = escape(text, i, c);
            if (escaped != null) {
                out.append(text, plain, i).append(escaped);
                plain = i + 1;
            }
        }
        out.append(text, plain, text.length()).append('"');
    }

    /** How {@code c}, at {@code i} in {@code text}, is written in a JSON string; {@code null} for as it is. */
    private static String escape(String text, int i, char c) {
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> {
                boolean lone = Character.isHighSurrogate(c)
                        ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                        : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
                yield c < 0x20 || c == '\u2028' || c == '\u2029' || lone
                        ? String.format(Locale.ROOT, "\\u%04x", (int) c) : null;
            }
        };
    }
}
