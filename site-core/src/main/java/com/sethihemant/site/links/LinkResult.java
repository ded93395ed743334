package com.sethihemant.site.links;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * A link and what checking it found.
 *
 * @param failing for a broken external link whose history the cache holds: since when it has
 *     been failing; {@code null} otherwise
 */
public record LinkResult(Link link, Outcome outcome, Failing failing) {

    public LinkResult {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(outcome, "outcome");
    }

    public LinkResult(Link link, Outcome outcome) {
        this(link, outcome, null);
    }

    /**
     * How long an external URL has been failing, from the cache of earlier runs.
     *
     * @param firstFailed the first run of the current series of failures
     * @param lastFailed this run
     * @param lastWorked the last run it worked in, or {@code null} if no run saw it working
     */
    public record Failing(Instant firstFailed, Instant lastFailed, Instant lastWorked) {
        public Failing {
            Objects.requireNonNull(firstFailed, "firstFailed");
            Objects.requireNonNull(lastFailed, "lastFailed");
        }

        /**
         * A copy of the page in the Internet Archive's Wayback Machine, as an address to try (it is
         * never fetched): the capture nearest the last day the URL worked, or else the day it was
         * first seen failing.
         */
        public String archiveUrl(String url) {
            Instant when = lastWorked != null ? lastWorked : firstFailed;
            return "https://web.archive.org/web/" + ARCHIVE_DATE.format(when) + "/" + url;
        }

        private static final DateTimeFormatter ARCHIVE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    }

    /** The worse of the outcome and the link's own notes (a note is a warning). */
    public Outcome.Severity severity() {
        Outcome.Severity severity = outcome.severity();
        if (severity == Outcome.Severity.OK && !link.notes().isEmpty()) {
            return Outcome.Severity.WARNING;
        }
        return severity;
    }
}
