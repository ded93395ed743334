package com.sethihemant.site.links;

import java.util.Objects;

/** A link and what checking it found. */
public record LinkResult(Link link, Outcome outcome) {

    public LinkResult {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(outcome, "outcome");
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
