package com.sethihemant.site.figures;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * What counts as invalid AsciiMath here. AsciiMath reads any text (a bracket left open is drawn
 * as a lone bracket), so the one mistake it cannot show is checked before converting: brackets
 * that do not pair up. Any closer may close any opener, as AsciiMath's intervals
 * ({@code (a,b]}) need. Text in quotes is skipped, and so are {@code <<} and {@code >>}, which
 * are also parts of arrows ({@code ->>}).
 */
final class AsciiMathCheck {

    /** Longest first, so that {@code {:} is one token, not {@code {} then {@code :}. */
    private static final List<String> OPENERS = List.of("{:", "(:", "(", "[", "{");
    private static final List<String> CLOSERS = List.of(":}", ":)", ")", "]", "}");

    private AsciiMathCheck() {
    }

    /** @throws FigureException naming the bracket that does not pair up */
    static void check(String formula) {
        Deque<Integer> open = new ArrayDeque<>();
        int line = 1;
        for (int i = 0; i < formula.length(); i++) {
            char c = formula.charAt(i);
            if (c == '\n') {
                line++;
                continue;
            }
            if (c == '"') {
                int end = formula.indexOf('"', i + 1);
                if (end < 0) {
                    throw new FigureException("a text in quotes is not closed; add the closing \"", line);
                }
                i = end;
                continue;
            }
            String opener = match(formula, i, OPENERS);
            String closer = opener == null ? match(formula, i, CLOSERS) : null;
            if (opener != null) {
                open.push(i);
                i += opener.length() - 1;
            } else if (closer != null) {
                if (open.isEmpty()) {
                    throw new FigureException("'" + closer + "' closes a bracket that was never opened", line);
                }
                open.pop();
                i += closer.length() - 1;
            }
        }
        if (!open.isEmpty()) {
            int at = open.peekLast();
            throw new FigureException("'" + formula.charAt(at) + "' at \"" + formula.substring(at, Math.min(formula.length(), at + 12))
                    + "\" is never closed; close it or remove it", 1 + (int) formula.substring(0, at).chars().filter(ch -> ch == '\n').count());
        }
    }

    private static String match(String text, int at, List<String> tokens) {
        for (String token : tokens) {
            if (text.startsWith(token, at)) {
                return token;
            }
        }
        return null;
    }
}
