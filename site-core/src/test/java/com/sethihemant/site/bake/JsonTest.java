package com.sethihemant.site.bake;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonTest {

    @Test
    void escapesOnlyWhatJsonRequiresAndKeepsTheRestAsItIs() {
        assertEquals("\"plain <b>HTML</b> – café\"", Json.write("plain <b>HTML</b> – café"));
        assertEquals("\"a\\\"b\\\\c\\nd\\re\\tf\"", Json.write("a\"b\\c\nd\re\tf"));
        assertEquals("\"\\u0001 \\u2028 \\u2029\"", Json.write("\u0001 \u2028 \u2029"));
    }

    @Test
    void escapesLoneSurrogatesButNotPairs() {
        assertEquals("\"\uD83D\uDE00 \\ud83d x \\ude00\"", Json.write("\uD83D\uDE00 \uD83D x \uDE00"));
        assertEquals("[\"\\ud83d\",\"end\\ude00\"]", Json.write(List.of("\uD83D", "end\uDE00")));
    }
}
