package com.sethihemant.site.links;

import java.util.Objects;

/**
 * What checking one link found. Only {@link Broken} and {@link Invalid} fail a run;
 * {@link Redirected} and {@link Blocked} are warnings, because a permanent redirect still works
 * and a host that refuses robots has not been shown to be broken.
 */
public sealed interface Outcome {

    /** How much an outcome matters. */
    enum Severity { OK, WARNING, ERROR }

    /** The outcome's name in reports: {@code ok}, {@code redirected}, {@code broken} and so on. */
    String kind();

    /** What was found, such as {@code 404 Not Found} or {@code LinkedIn answers robots with 999}. */
    String detail();

    Severity severity();

    /** The link works. */
    record Ok(String detail) implements Outcome {
        public Ok {
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String kind() {
            return "ok";
        }

        @Override
        public Severity severity() {
            return Severity.OK;
        }
    }

    /** The link works but has moved for good: update it to {@code target}. */
    record Redirected(String target, String detail) implements Outcome {
        public Redirected {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String kind() {
            return "redirected";
        }

        @Override
        public Severity severity() {
            return Severity.WARNING;
        }
    }

    /** The link does not work: a missing file or fragment, a 404, a dead host. */
    record Broken(String detail) implements Outcome {
        public Broken {
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String kind() {
            return "broken";
        }

        @Override
        public Severity severity() {
            return Severity.ERROR;
        }
    }

    /** The host would not let a robot see the page (bot walls, login walls, rate limits), or time ran out. */
    record Blocked(String detail) implements Outcome {
        public Blocked {
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String kind() {
            return "blocked";
        }

        @Override
        public Severity severity() {
            return Severity.WARNING;
        }
    }

    /** Deliberately not checked: excluded, a scheme with nothing to request, or external in an offline run. */
    record Skipped(String detail) implements Outcome {
        public Skipped {
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String kind() {
            return "skipped";
        }

        @Override
        public Severity severity() {
            return Severity.OK;
        }
    }

    /** The link is not a usable URL at all. */
    record Invalid(String detail) implements Outcome {
        public Invalid {
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public String kind() {
            return "invalid";
        }

        @Override
        public Severity severity() {
            return Severity.ERROR;
        }
    }
}
