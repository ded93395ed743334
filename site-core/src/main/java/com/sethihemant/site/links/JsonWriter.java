package com.sethihemant.site.links;

import com.sethihemant.site.JsonStrings;

/**
 * Writes JSON by hand, indented two spaces. Callers open and close objects and arrays in order;
 * the writer only places commas and escapes strings (quotes, back-slashes, control characters,
 * and U+2028/U+2029, which break JavaScript that embeds the output).
 */
final class JsonWriter {

    private final StringBuilder out = new StringBuilder();
    private int depth;
    private boolean first = true;
    private boolean afterName;

    JsonWriter beginObject() {
        open('{');
        return this;
    }

    JsonWriter endObject() {
        close('}');
        return this;
    }

    JsonWriter beginArray() {
        open('[');
        return this;
    }

    JsonWriter endArray() {
        close(']');
        return this;
    }

    JsonWriter name(String name) {
        separate();
        quote(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    JsonWriter value(String value) {
        separate();
        if (value == null) {
            out.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    JsonWriter value(long value) {
        separate();
        out.append(value);
        return this;
    }

    JsonWriter value(boolean value) {
        separate();
        out.append(value);
        return this;
    }

    JsonWriter field(String name, String value) {
        return name(name).value(value);
    }

    JsonWriter field(String name, long value) {
        return name(name).value(value);
    }

    private void open(char bracket) {
        separate();
        out.append(bracket);
        depth++;
        first = true;
    }

    private void close(char bracket) {
        depth--;
        if (!first) {
            newline();
        }
        out.append(bracket);
        first = false;
    }

    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (!first) {
            out.append(',');
        }
        if (depth > 0) {
            newline();
        }
        first = false;
    }

    private void newline() {
        out.append('\n');
        out.append("  ".repeat(depth));
    }

    private void quote(String text) {
        JsonStrings.quote(text, out);
    }

    @Override
    public String toString() {
        return out.toString() + "\n";
    }
}
