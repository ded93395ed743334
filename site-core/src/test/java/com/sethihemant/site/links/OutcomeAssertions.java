package com.sethihemant.site.links;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Assertions on outcomes that say what was found when they fail. */
final class OutcomeAssertions {

    private OutcomeAssertions() {
    }

    /** Asserts the outcome's kind and returns the outcome, for further checks of its detail. */
    static Outcome assertKind(Outcome.Kind expected, Outcome actual) {
        assertEquals(expected, actual.kind(), () -> "the outcome was " + actual);
        return actual;
    }
}
