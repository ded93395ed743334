package com.sethihemant.site;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" for error messages: which of the names a file may use is nearest to one it used
 * and may not. Every such message in the project (AsciiDoc attributes and macros, chart
 * attributes and columns, mistyped URL schemes) measures nearness the same way.
 */
public final class Suggestions {

    /** The most edits a name may be away from a candidate and still be suggested. */
    private static final int MOST_EDITS = 2;

    private Suggestions() {
    }

    /** The candidate fewest edits from {@code word} ignoring case (the first of equals), if within two. */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String lower = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = MOST_EDITS + 1;
        for (String candidate : candidates) {
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Optimal string alignment distance: the insertions, deletions, substitutions and swaps of two
     * neighbouring characters ("tpye" for "type") that turn {@code a} into {@code b}.
     */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
