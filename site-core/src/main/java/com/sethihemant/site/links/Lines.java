package com.sethihemant.site.links;

import java.util.Arrays;

/** Where the line breaks of a text are, to turn offsets into lines without rescanning the text. */
final class Lines {

    private final int[] breaks;

    Lines(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        breaks = new int[count];
        int next = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                breaks[next++] = i;
            }
        }
    }

    /** How many line breaks come before {@code offset}. */
    int before(int offset) {
        int index = Arrays.binarySearch(breaks, offset);
        return index >= 0 ? index : -index - 1;
    }
}
