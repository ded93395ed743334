package com.sethihemant.site.theme;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CitationTest {

    private static final Pattern FIELD = Pattern.compile("^  ([a-z]+) +=\\s*(\\{.*}|[a-z]+),?$", Pattern.MULTILINE);

    /** The fields of a BibTeX entry, braces of the outer level removed. */
    private static Map<String, String> fields(String bibtex) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(bibtex);
        while (m.find()) {
            String value = m.group(2);
            fields.put(m.group(1), value.startsWith("{") ? value.substring(1, value.length() - 1) : value);
        }
        return fields;
    }

    private static int depth(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                assertTrue(depth >= 0, "a closing brace too many at " + i + ": " + text);
            }
        }
        return depth;
    }

    @Test
    void anOnlineEntryWithAuthorTitleSiteAddressAndDates() {
        Citation citation = Citation.of("Hemant Sethi", "Notes on Dynamo", "Hemant Sethi", "https://example.org/blog/2026/dynamo-notes/",
                "dynamo-notes", LocalDate.of(2026, 11, 23), LocalDate.of(2026, 12, 1));
        String bibtex = citation.bibtex();
        assertTrue(bibtex.startsWith("@online{sethi2026dynamo,\n"), bibtex);
        assertTrue(bibtex.endsWith("\n}"), bibtex);
        assertEquals(0, depth(bibtex));
        Map<String, String> fields = fields(bibtex);
        assertEquals("Sethi, Hemant", fields.get("author"));
        assertEquals("{Notes on Dynamo}", fields.get("title"));
        assertEquals("Hemant Sethi", fields.get("organization"));
        assertEquals("2026-11-23", fields.get("date"));
        assertEquals("2026", fields.get("year"));
        assertEquals("nov", fields.get("month"));
        assertEquals("https://example.org/blog/2026/dynamo-notes/", fields.get("url"));
        assertEquals("Updated 1 December 2026", fields.get("note"));
        assertEquals("Hemant Sethi. “Notes on Dynamo.” Hemant Sethi (blog), 23 November 2026; updated 1 December 2026."
                + " https://example.org/blog/2026/dynamo-notes/.", citation.text());
        assertEquals("2026/11/23", citation.scholarDate(citation.published()));
    }

    @Test
    void specialCharactersAreEscapedSoTheEntryReadsBack() {
        Citation citation = Citation.of("José Núñez", "50% of R&D: {braces}, #tags, a_b and ~ ^ \\", "Site", "https://example.org/x/",
                "x", LocalDate.of(2026, 1, 2), null);
        String bibtex = citation.bibtex();
        assertEquals(0, depth(bibtex));
        assertEquals("{50\\% of R\\&D: \\{braces\\}, \\#tags, a\\_b and \\textasciitilde{} \\textasciicircum{} \\textbackslash{}}",
                fields(bibtex).get("title"));
        assertTrue(bibtex.startsWith("@online{nunez2026x,"), bibtex);
        assertFalse(bibtex.contains("note"), bibtex);
        assertEquals("Núñez, José", fields(bibtex).get("author"));
    }
}
