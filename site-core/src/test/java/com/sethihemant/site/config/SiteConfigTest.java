package com.sethihemant.site.config;

import com.sethihemant.site.Problem;
import com.sethihemant.site.SiteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteConfigTest {

    private static final String VALID = """
            title: Site
            description: A site.
            url: https://www.example.org
            author:
              name: A. Author
              email: a@example.org
            """;

    @TempDir
    Path dir;

    private SiteConfig load(String yaml) throws IOException {
        Path file = dir.resolve("site.yml");
        Files.writeString(file, yaml);
        return SiteConfig.load(file);
    }

    private Problem problem(String yaml) {
        SiteException e = assertThrows(SiteException.class, () -> load(yaml));
        return e.problems().get(0);
    }

    @Test
    void appliesDocumentedDefaults() throws IOException {
        SiteConfig config = load(VALID);
        assertEquals(10, config.postsPerPage());
        assertEquals(ZoneId.of("UTC"), config.timezone());
        assertEquals("en", config.language());
        assertEquals("https://www.example.org/blog/", config.absolute("/blog/"));
        assertEquals("www.example.org", config.host());
    }

    @Test
    void everyKeyIsDocumented() {
        SiteConfig.KEYS.values().forEach(key -> assertTrue(key.description().length() > 10, key.name()));
    }

    @Test
    void unknownKeyIsAnErrorWithItsLine() {
        Problem problem = problem(VALID + "postsPerPgae: 5\n");
        assertEquals(7, problem.line());
        assertTrue(problem.message().contains("'postsPerPgae' is not a known key"), problem.message());
    }

    @Test
    void urlMustBeHttpsWithoutTrailingSlash() {
        assertTrue(problem(VALID.replace("https://www.example.org", "http://www.example.org")).message()
                .contains("https://"));
        assertTrue(problem(VALID.replace("https://www.example.org", "https://www.example.org/")).message()
                .contains("no trailing slash"));
    }

    @Test
    void missingRequiredKeyIsNamed() {
        assertTrue(problem(VALID.replace("title: Site\n", "")).message().contains("required key 'title'"));
    }

    @Test
    void numbersMustBePositive() {
        Problem problem = problem(VALID + "postsPerPage: 0\n");
        assertTrue(problem.message().contains("'postsPerPage' must be at least 1"), problem.message());
    }

    @Test
    void navLinksMustBeSitePaths() {
        assertTrue(problem(VALID + "nav:\n  - title: X\n    url: https://elsewhere.example/\n").message()
                .contains("'nav[0].url'"));
    }

    @Test
    void everyDefaultIsReadByTheRulesOfItsKey() throws IOException {
        SiteConfig config = load(VALID);
        assertAll(
                () -> assertEquals(Integer.parseInt(SiteConfig.KEYS.get("feedSize").defaultValue()), config.feedSize()),
                () -> assertEquals(Integer.parseInt(SiteConfig.KEYS.get("latestPosts").defaultValue()), config.latestPosts()),
                () -> assertEquals(List.of(), config.nav()),
                () -> assertEquals(Map.of(), config.dataFiles()),
                () -> assertEquals("", config.notesTag()),
                () -> assertEquals("", config.editUrl()));
    }

    @Test
    void declaresTheShapeOfItsDataFiles() throws IOException {
        SiteConfig config = load(VALID + "dataFiles:\n  talks:\n    title: required text\n    date: date\n");
        assertEquals(new DataSchema("talks", List.of(new DataSchema.Field("title", DataSchema.Type.TEXT, true),
                new DataSchema.Field("date", DataSchema.Type.DATE, false))), config.dataFiles().get("talks"));
    }

    @Test
    void anUnknownFieldTypeIsAnErrorWithItsLine() {
        Problem problem = problem(VALID + "dataFiles:\n  talks:\n    title: required txt\n");
        assertEquals(9, problem.line());
        assertTrue(problem.message().contains("'dataFiles.talks.title' names the unknown type 'txt'"), problem.message());
    }

    @Test
    void theEditUrlFollowsOneRuleInTheFileAndOnTheCommandLine() throws IOException {
        Problem inFile = problem(VALID + "editUrl: http://git.example/edit\n");
        SiteException given = assertThrows(SiteException.class,
                () -> load(VALID).withEditUrl("http://git.example/edit"));
        assertAll(
                () -> assertEquals(7, inFile.line()),
                () -> assertTrue(inFile.message().endsWith("must start with https:// and end with '/', such as"
                        + " https://github.com/OWNER/REPO/edit/main/"), inFile.message()),
                () -> assertTrue(given.getMessage().endsWith(inFile.message().substring(inFile.message().indexOf("must"))),
                        given.getMessage()),
                () -> assertEquals("https://git.example/edit/", load(VALID).withEditUrl("https://git.example/edit/").editUrl()));
    }
}
