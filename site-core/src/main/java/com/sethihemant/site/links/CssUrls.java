package com.sethihemant.site.links;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URLs a style sheet or a {@code style} attribute loads: every {@code url(...)} (quoted or
 * not) and every {@code @import "..."}. Comments are skipped; CSS escapes are decoded.
 */
final class CssUrls {

    private static final Pattern URL = Pattern.compile(
            "(?i)\\burl\\(\\s*(?:\"((?:[^\"\\\\\\n]|\\\\.)*)\"|'((?:[^'\\\\\\n]|\\\\.)*)'|((?:[^\"'()\\\\\\s]|\\\\.)*))\\s*\\)");
    private static final Pattern IMPORT = Pattern.compile(
            "(?i)@import\\s+(?:\"((?:[^\"\\\\\\n]|\\\\.)*)\"|'((?:[^'\\\\\\n]|\\\\.)*)')");

    private CssUrls() {
    }

    /**
     * A URL in CSS text.
     *
     * @param offset where the reference starts in the text, to find its line
     */
    record Ref(String url, int offset) {
    }

    static List<Ref> find(String css) {
        String text = blankComments(css);
        List<Ref> refs = new ArrayList<>();
        collect(URL.matcher(text), refs);
        collect(IMPORT.matcher(text), refs);
        refs.sort(Comparator.comparingInt(Ref::offset));
        return refs;
    }

    private static void collect(Matcher matcher, List<Ref> refs) {
        while (matcher.find()) {
            for (int group = 1; group <= matcher.groupCount(); group++) {
                String value = matcher.group(group);
                if (value != null) {
                    String url = unescape(value).strip();
                    if (!url.isEmpty()) {
                        refs.add(new Ref(url, matcher.start(group)));
                    }
                    break;
                }
            }
        }
    }

    /** Replaces comments by spaces, keeping line breaks so offsets still give the right line. */
    private static String blankComments(String css) {
        StringBuilder out = new StringBuilder(css);
        int from = 0;
        while (true) {
            int start = css.indexOf("/*", from);
            if (start < 0) {
                return out.toString();
            }
            int end = css.indexOf("*/", start + 2);
            end = end < 0 ? css.length() : end + 2;
            for (int i = start; i < end; i++) {
                if (out.charAt(i) != '\n') {
                    out.setCharAt(i, ' ');
                }
            }
            from = end;
        }
    }

    /** CSS escapes: a back-slash and up to six hex digits (and one space), or any other character. */
    static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\' || i + 1 >= value.length()) {
                out.append(c);
                continue;
            }
            int hexEnd = i + 1;
            while (hexEnd < value.length() && hexEnd < i + 7 && Character.digit(value.charAt(hexEnd), 16) >= 0) {
                hexEnd++;
            }
            if (hexEnd > i + 1) {
                int cp = Integer.parseInt(value.substring(i + 1, hexEnd), 16);
                out.appendCodePoint(cp == 0 || cp > Character.MAX_CODE_POINT ? 0xFFFD : cp);
                i = hexEnd - 1;
                if (i + 1 < value.length() && value.charAt(i + 1) == ' ') {
                    i++;
                }
            } else if (value.charAt(i + 1) == '\n') {
                i++;
            } else {
                out.append(value.charAt(i + 1));
                i++;
            }
        }
        return out.toString();
    }
}
