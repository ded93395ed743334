package com.sethihemant.site.bake;

import com.sethihemant.site.FixtureSite;
import com.sethihemant.site.bench.SyntheticSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast path (sources parsed and pages rendered on several threads, the theme's compiled
 * templates loaded from the cache, parses and pages reused from the previous build) gives the very
 * bytes of the straightforward one (a fresh baker on one thread: every template compiled, every
 * source parsed, every page rendered, in order), on the benchmark's synthetic site and the real
 * theme, after an edit.
 */
class FastPathTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void aParallelBakeWithCachedTemplatesMatchesAOneThreadBake(@TempDir Path dir) throws IOException {
        SiteSources sources = syntheticSite(dir.resolve("site"), 60);
        Path cache = dir.resolve("template-classes");
        Site straightforward = oneThreadBuild(sources);
        // The first bake compiles the theme and stores it; the second, a new baker as in a new
        // JVM, loads it from the cache (a miss would have written the entry again).
        Object stored = null;
        for (int run = 1; run <= 2; run++) {
            Site parallel;
            try (Baker baker = new Baker(FixtureSite.parser(), TODAY, 4, cache)) {
                parallel = baker.build(sources, BakeOptions.PUBLISH);
            }

            assertEquals(60, parallel.posts());
            assertEquals(straightforward.paths(), parallel.paths());
            for (String path : straightforward.paths()) {
                assertArrayEquals(straightforward.file(path), parallel.file(path), "run " + run + ": " + path);
            }
            List<Path> entries;
            try (var files = Files.list(cache)) {
                entries = files.toList();
            }
            assertEquals(1, entries.size(), "the theme is cached");
            var attributes = Files.readAttributes(entries.get(0), BasicFileAttributes.class);
            Object identity = List.of(String.valueOf(attributes.fileKey()), attributes.lastModifiedTime());
            if (run == 2) {
                assertEquals(stored, identity, "the second bake read the entry the first one wrote");
            }
            stored = identity;
        }
    }

    @Test
    void anIncrementalBuildAfterAnEditMatchesAFreshBuild(@TempDir Path dir) throws IOException {
        SiteSources sources = syntheticSite(dir, 40);

        Site rebuilt;
        try (Baker fast = new Baker(FixtureSite.parser(), TODAY, 4)) {
            fast.build(sources, BakeOptions.PUBLISH);
            Path edited = SyntheticSite.post(dir, 7);
            Files.writeString(edited, Files.readString(edited)
                    .replaceFirst("\n\n== ", "\n\nAn edited paragraph.\n\n== "));
            rebuilt = fast.build(sources, BakeOptions.PUBLISH);
        }
        Site straightforward = oneThreadBuild(sources);

        assertTrue(straightforward.posts() == 40 && rebuilt.changed() == 1, "one source parsed again");
        assertEquals(straightforward.paths(), rebuilt.paths());
        for (String path : straightforward.paths()) {
            assertArrayEquals(straightforward.file(path), rebuilt.file(path), path);
        }
    }

    private static Site oneThreadBuild(SiteSources sources) {
        try (Baker baker = new Baker(FixtureSite.parser(), TODAY, 1)) {
            return baker.build(sources, BakeOptions.PUBLISH);
        }
    }

    private static SiteSources syntheticSite(Path dir, int posts) throws IOException {
        SyntheticSite.write(dir, posts);
        Path theme = Path.of("../site-theme/src/main/jbake").toAbsolutePath().normalize();
        return new SiteSources(dir, dir.resolve("site.yml"), List.of(dir.resolve("content")),
                dir.resolve("data"), theme.resolve("templates"), theme.resolve("assets"));
    }
}
