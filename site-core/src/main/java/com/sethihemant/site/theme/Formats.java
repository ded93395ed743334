package com.sethihemant.site.theme;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Formatting helpers that templates receive as {@code fmt}. The site is written in English, so
 * dates are formatted in English whatever the build machine's locale is.
 */
public final class Formats {

    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    public Formats() {
    }

    /** Every instance formats alike, so pages and partials given different ones are still equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Formats;
    }

    @Override
    public int hashCode() {
        return Formats.class.getName().hashCode();
    }

    /** {@code 23 November 2026}. */
    public String date(LocalDate date) {
        return LONG.format(date);
    }

    /** {@code 23 Nov}, for lists already grouped by year. */
    public String shortDate(LocalDate date) {
        return SHORT.format(date);
    }
}
