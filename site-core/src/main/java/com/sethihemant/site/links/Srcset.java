package com.sethihemant.site.links;

import java.util.ArrayList;
import java.util.List;

/**
 * The URLs of a {@code srcset} attribute, parsed with the HTML standard's algorithm ("parse a
 * srcset attribute"): a URL runs to the next white space, so commas inside it (as in
 * {@code data:} URLs or CDN transforms such as {@code /w_300,h_200/}) stay part of it, and a
 * descriptor list may hold parentheses with commas in them.
 */
final class Srcset {

    private Srcset() {
    }

    /**
     * One image candidate.
     *
     * @param offset where the URL starts in the attribute value, to find its line
     */
    record Candidate(String url, int offset) {
    }

    static List<Candidate> parse(String input) {
        List<Candidate> candidates = new ArrayList<>();
        int position = 0;
        int length = input.length();
        while (true) {
            // Splitting loop: skip white space and stray commas between candidates.
            while (position < length && (isSpace(input.charAt(position)) || input.charAt(position) == ',')) {
                position++;
            }
            if (position >= length) {
                return candidates;
            }
            int start = position;
            while (position < length && !isSpace(input.charAt(position))) {
                position++;
            }
            String url = input.substring(start, position);
            if (url.endsWith(",")) {
                // "a.png," : the comma ends the candidate and there are no descriptors.
                int end = url.length();
                while (end > 0 && url.charAt(end - 1) == ',') {
                    end--;
                }
                url = url.substring(0, end);
            } else {
                position = skipDescriptors(input, position);
            }
            if (!url.isEmpty()) {
                candidates.add(new Candidate(url, start));
            }
        }
    }

    /** The descriptor tokenizer, reduced to finding where the candidate ends. */
    private static int skipDescriptors(String input, int position) {
        int length = input.length();
        boolean inParens = false;
        while (position < length) {
            char c = input.charAt(position);
            if (inParens) {
                if (c == ')') {
                    inParens = false;
                }
            } else if (c == ',') {
                return position + 1;
            } else if (c == '(') {
                inParens = true;
            }
            position++;
        }
        return position;
    }

    /** ASCII white space as the HTML standard defines it. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }
}
