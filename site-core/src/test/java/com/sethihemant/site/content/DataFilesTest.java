package com.sethihemant.site.content;

import com.sethihemant.site.Problem;
import com.sethihemant.site.SiteException;
import com.sethihemant.site.config.DataSchema;
import com.sethihemant.site.config.DataSchema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataFilesTest {

    /** The lists the real site declares in its site.yml. */
    private static final Map<String, DataSchema> SCHEMAS = Map.of(
            "reading-list", new DataSchema("reading-list", List.of(field("title", Type.TEXT, true),
                    field("venue", Type.TEXT, true), field("year", Type.TEXT, false), field("url", Type.URL, true),
                    field("note", Type.PATH, false))),
            "talks", new DataSchema("talks", List.of(field("title", Type.TEXT, true), field("event", Type.TEXT, true),
                    field("date", Type.DATE, true), field("url", Type.URL, false), field("slides", Type.URL, false),
                    field("video", Type.URL, false))));

    @TempDir
    Path dir;

    private static DataSchema.Field field(String name, Type type, boolean required) {
        return new DataSchema.Field(name, type, required);
    }

    /** Loads the folder with the declared lists that it holds. */
    private Map<String, Object> load() throws IOException {
        Map<String, DataSchema> present = new TreeMap<>();
        SCHEMAS.forEach((name, schema) -> {
            if (Files.exists(dir.resolve(name + ".yml"))) {
                present.put(name, schema);
            }
        });
        return DataFiles.load(dir, present);
    }

    private Problem problemLoading(String name, String yaml) throws IOException {
        Files.writeString(dir.resolve(name), yaml);
        SiteException e = assertThrows(SiteException.class, this::load);
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
        List<Map<String, Object>> list = (List<Map<String, Object>>) load().get("reading-list");
        assertEquals(2, list.size());
        assertEquals("SOSP", list.get(0).get("venue"));
        assertEquals("2007", list.get(0).get("year"));
        assertEquals("/blog/2026/dynamo/", list.get(0).get("note"));
        assertEquals(null, list.get(1).get("year"));
    }

    @Test
    void emptyListIsAllowed() throws IOException {
        Files.writeString(dir.resolve("talks.yml"), "# none yet\n[]\n");
        assertEquals(List.of(), load().get("talks"));
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

    @Test
    void aListTheSiteDeclaresMustExist() {
        SiteException e = assertThrows(SiteException.class, () -> DataFiles.load(dir, SCHEMAS));
        assertEquals(List.of(dir.resolve("reading-list.yml"), dir.resolve("talks.yml")),
                e.problems().stream().map(Problem::file).toList());
        assertTrue(e.getMessage().contains("declares it under dataFiles"), e.getMessage());
    }

    @Test
    void aFileWithoutSchemaIsGivenAsItIs() throws IOException {
        Files.writeString(dir.resolve("projects.yml"), "- name: fio\n  stars: 5\n");
        assertEquals(List.of(Map.of("name", "fio", "stars", 5L)), load().get("projects"));
    }

    @Test
    void aFieldTypedUrlMustBeAWebAddress() throws IOException {
        Problem problem = problemLoading("reading-list.yml", "- title: A\n  venue: B\n  url: example.org/a\n");
        assertEquals(3, problem.line());
        assertTrue(problem.message().contains("'[0].url' must be a full address starting with http:// or https://"),
                problem.message());
    }
}
