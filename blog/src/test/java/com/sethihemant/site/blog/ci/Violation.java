package com.sethihemant.site.blog.ci;

import java.nio.file.Path;

/**
 * A workflow rule broken at a place: shown as {@code file:line: [rule] what is wrong and what to do}.
 *
 * @param file    the workflow file
 * @param line    1-based, 0 when unknown
 * @param rule    the rule's short name, such as {@code pinned}
 * @param message what is wrong and how to put it right
 */
record Violation(Path file, int line, String rule, String message) {

    @Override
    public String toString() {
        return file.getFileName() + ":" + line + ": [" + rule + "] " + message;
    }

    /** A workflow that cannot even be read as one. */
    static final class Found extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Violation violation;

        Found(Violation violation) {
            super(violation.toString());
            this.violation = violation;
        }

        Violation violation() {
            return violation;
        }
    }
}
