package com.sethihemant.site.links;

/**
 * The URL in a {@code <meta http-equiv="refresh" content="5; url=/new/">}, found with the HTML
 * standard's "shared declarative refresh steps", which accept {@code ;} or {@code ,}, any case
 * of {@code url}, optional {@code =} and optional quotes.
 */
final class MetaRefresh {

    private MetaRefresh() {
    }

    /**
     * The target's text and where it starts in {@code content}.
     */
    record Target(String url, int offset) {
    }

    /** The target, or {@code null} when the content only reloads the page or is malformed. */
    static Target parse(String content) {
        int length = content.length();
        int position = skipSpace(content, 0);
        int digitsStart = position;
        while (position < length && Character.isDigit(content.charAt(position))) {
            position++;
        }
        if (position == digitsStart && (position >= length || content.charAt(position) != '.')) {
            return null;
        }
        while (position < length && (Character.isDigit(content.charAt(position)) || content.charAt(position) == '.')) {
            position++;
        }
        if (position < length) {
            char c = content.charAt(position);
            if (c != ';' && c != ',' && !isSpace(c)) {
                return null;
            }
            position = skipSpace(content, position);
            if (position < length && (content.charAt(position) == ';' || content.charAt(position) == ',')) {
                position++;
            }
            position = skipSpace(content, position);
        }
        if (position >= length) {
            return null;
        }
        if (content.regionMatches(true, position, "url", 0, 3)) {
            int afterName = skipSpace(content, position + 3);
            if (afterName < length && content.charAt(afterName) == '=') {
                position = skipSpace(content, afterName + 1);
            }
        }
        if (position >= length) {
            return null;
        }
        int end = length;
        char quote = content.charAt(position);
        if (quote == '"' || quote == '\'') {
            position++;
            int close = content.indexOf(quote, position);
            end = close < 0 ? length : close;
        }
        String url = content.substring(position, end);
        return url.isBlank() ? null : new Target(url, position);
    }

    private static int skipSpace(String text, int position) {
        while (position < text.length() && isSpace(text.charAt(position))) {
            position++;
        }
        return position;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }
}
