package com.sethihemant.site.config;

import com.sethihemant.site.Problem;
import com.sethihemant.site.SiteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

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
}
