package com.sethihemant.site;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SuggestionsTest {

    @ParameterizedTest(name = "{0} to {1}: {2}")
    @CsvSource({
            "type, type, 0",
            "tpye, type, 1",   // two neighbours swapped: one edit, not two
            "typ, type, 1",
            "tyype, type, 1",
            "tape, type, 1",
            "htps, https, 1",
            "hhtp, http, 1",
            "ytpe, tag, 3",
            "'', abc, 3"})
    void editsCountInsertionsDeletionsSubstitutionsAndSwaps(String a, String b, int edits) {
        assertEquals(edits, Suggestions.distance(a, b));
        assertEquals(edits, Suggestions.distance(b, a));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "x-sacle, x-scale",
            "TAGS, tags",          // case is ignored, and the candidate is given as written
            "summry, summary",
            "stauts, status",
            "tilte, title"})
    void theNearestNameWithinTwoEditsIsSuggested(String word, String suggestion) {
        List<String> names = List.of("title", "tags", "status", "summary", "x-scale", "y-scale");
        assertEquals(Optional.of(suggestion), Suggestions.closest(word, names));
    }

    @ParameterizedTest
    @CsvSource({"colour", "x-axis-scale", "z"})
    void aNameThreeEditsFromEveryCandidateGetsNoSuggestion(String word) {
        assertEquals(Optional.empty(), Suggestions.closest(word, List.of("title", "tags", "x-scale")));
    }

    @Test
    void ofEquallyNearNamesTheFirstIsSuggested() {
        assertEquals(Optional.of("x-scale"), Suggestions.closest("-scale", List.of("x-scale", "y-scale")));
        assertEquals(Optional.of("y-scale"), Suggestions.closest("-scale", List.of("y-scale", "x-scale")));
    }
}
