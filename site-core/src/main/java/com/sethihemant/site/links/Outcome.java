package com.sethihemant.site.links;

import java.util.Locale;
import java.util.Objects;

/**
 * What checking one link found: its {@link Kind} and what was seen, such as {@code 404 Not Found}
 * or {@code LinkedIn answers robots with 999}. Only {@link Severity#ERROR} kinds fail a run.
 *
 * @param kind what the link turned out to be
 * @param detail what was found, for the report
 * @param target the address to update the link to; set for {@link Kind#REDIRECTED} only
 */
public record Outcome(Kind kind, String detail, String target) {

    /** How much an outcome matters. */
    public enum Severity { OK, WARNING, ERROR }

    /**
     * The kinds of outcome, in the order reports count them. A permanent redirect and a host that
     * refuses robots are warnings: the first still works, the second has not been shown to be broken.
     */
    public enum Kind {
        /** The link works. */
        OK(Severity.OK),
        /** The link works but has moved for good. */
        REDIRECTED(Severity.WARNING),
        /** The host would not let a robot see the page: bot walls, login walls, rate limits. */
        BLOCKED(Severity.WARNING),
        /** No answer within the time budget: a silent or very slow host, a body that trickled in. */
        UNVERIFIABLE(Severity.WARNING),
        /** Deliberately not checked: excluded, a scheme with nothing to request, or external in an offline run. */
        SKIPPED(Severity.OK),
        /** The link does not work: a missing file or fragment, a 404, a dead host. */
        BROKEN(Severity.ERROR),
        /** The link is not a usable URL at all. */
        INVALID(Severity.ERROR);

        private final Severity severity;

        Kind(Severity severity) {
            this.severity = severity;
        }

        public Severity severity() {
            return severity;
        }

        /** The name in reports: {@code ok}, {@code redirected}, {@code broken} and so on. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Outcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        if ((kind == Kind.REDIRECTED) != (target != null)) {
            throw new IllegalArgumentException("a target is given for redirected outcomes, and only for them");
        }
    }

    public Severity severity() {
        return kind.severity();
    }

    public static Outcome ok(String detail) {
        return new Outcome(Kind.OK, detail, null);
    }

    /** The link works but should be updated to {@code target}. */
    public static Outcome redirected(String target, String detail) {
        return new Outcome(Kind.REDIRECTED, detail, Objects.requireNonNull(target, "target"));
    }

    public static Outcome blocked(String detail) {
        return new Outcome(Kind.BLOCKED, detail, null);
    }

    public static Outcome unverifiable(String detail) {
        return new Outcome(Kind.UNVERIFIABLE, detail, null);
    }

    public static Outcome skipped(String detail) {
        return new Outcome(Kind.SKIPPED, detail, null);
    }

    public static Outcome broken(String detail) {
        return new Outcome(Kind.BROKEN, detail, null);
    }

    public static Outcome invalid(String detail) {
        return new Outcome(Kind.INVALID, detail, null);
    }

    /** The same outcome with more said about it. */
    Outcome withDetail(String newDetail) {
        return new Outcome(kind, newDetail, target);
    }
}
