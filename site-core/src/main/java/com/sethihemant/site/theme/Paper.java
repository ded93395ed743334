package com.sethihemant.site.theme;

import java.util.Objects;

/**
 * The paper a paper note is about, from the note's header ({@code :paper-title:},
 * {@code :paper-venue:}, {@code :paper-year:}, {@code :paper-url:}, as {@code ./site new-note}
 * writes them).
 *
 * @param title the paper's title
 * @param venue where it was published, such as SOSP
 * @param year  the year it was published, or {@code null}
 * @param url   where to read it
 */
public record Paper(String title, String venue, String year, String url) {

    public Paper {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(url, "url");
    }

    /** {@code SOSP 2007}, or the venue alone when the year is not known. */
    public String published() {
        return year == null ? venue : venue + " " + year;
    }
}
