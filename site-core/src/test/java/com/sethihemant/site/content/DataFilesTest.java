package com.sethihemant.site.content;

import com.sethihemant.site.Problem;
import com.sethihemant.site.SiteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataFilesTest {

    @TempDir
    Path dir;

    private Problem problemLoading(String name, String yaml) throws IOException {
        Files.writeString(dir.resolve(name), yaml);
        SiteException e = assertThrows(SiteException.class, () -> DataFiles.load(dir));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    @Test
    void readsReadingListEntriesInOrder() throws IOException {
        Files.writeString(dir.resolve("reading-list.yml"), """
                - title: "Dynamo: Amazon's Highly Available Key-value Store"
                  venue: SOSP
                  year: 2007
                  url: https://example.org/dynamo.pdf
                  note: /blog/2026/dynamo/
                - title: 3FS
                  venue: DeepSeek
                  url: https://example.org/3fs
                """);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) DataFiles.load(dir).get("reading-list");
        assertEquals(2, list.size());
        assertEquals("SOSP", list.get(0).get("venue"));
        assertEquals("2007", list.get(0).get("year"));
        assertEquals("/blog/2026/dynamo/", list.get(0).get("note"));
        assertEquals(null, list.get(1).get("year"));
    }

    @Test
    void emptyListIsAllowed() throws IOException {
        Files.writeString(dir.resolve("talks.yml"), "# none yet\n[]\n");
        assertEquals(List.of(), DataFiles.load(dir).get("talks"));
    }

    @Test
    void missingRequiredFieldNamesEntryAndLine() throws IOException {
        Problem problem = problemLoading("reading-list.yml", """
                - title: A
                  venue: B
                  url: https://example.org/a
                - title: C
                  url: https://example.org/c
                """);
        assertEquals(4, problem.line());
        assertTrue(problem.message().contains("'[1]' is missing the required key 'venue'"), problem.message());
    }

    @Test
    void misspeltFieldIsAnError() throws IOException {
        Problem problem = problemLoading("talks.yml", """
                - title: A talk
                  event: A conference
                  date: 2026-01-02
                  slide: https://example.org/slides
                """);
        assertEquals(4, problem.line());
        assertTrue(problem.message().contains("'[0].slide' is not a known key"), problem.message());
    }

    @Test
    void malformedYamlNamesTheLine() throws IOException {
        Problem problem = problemLoading("links.yml", "a: [1, 2\nb: 3\n");
        assertTrue(problem.line() > 0, problem.toString());
        assertTrue(problem.message().startsWith("is not valid YAML"), problem.message());
    }

    @Test
    void duplicateKeysAreErrors() throws IOException {
        Problem problem = problemLoading("x.yml", "a: 1\na: 2\n");
        assertEquals(2, problem.line());
    }

    @Test
    void badDateInTalkIsAnError() throws IOException {
        Problem problem = problemLoading("talks.yml", "- title: T\n  event: E\n  date: 12/01/2026\n");
        assertEquals(3, problem.line());
        assertTrue(problem.message().contains("YYYY-MM-DD"));
    }
}
