package com.sethihemant.site.bake;

import com.sethihemant.site.FixtureSite;
import com.sethihemant.site.content.Document;
import com.sethihemant.site.content.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The document cache may save a parse, never change a byte: a bake from it equals a bake
 * without it, an edited, damaged or included-from source is parsed again, and the folder keeps
 * one entry per source.
 */
class DocumentCacheTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private FixtureSite site;
    private Path cache;

    @BeforeEach
    void setUp() {
        site = new FixtureSite(dir.resolve("site"));
        cache = dir.resolve("document-cache");
        site.page("index", "Home, with a `code` span.");
        site.write("content/about.adoc", """
                = About *this* site
                :jbake-type: page
                :jbake-status: published
                :description: What the site is & who writes it.
                :keywords: storage, caching

                == A section

                Text with a footnote.footnote:[The note.]

                [source,java]
                ----
                class Cached {}
                ----
                """);
        site.post("first", "2026-01-01", "published", "storage", "gpu");
        site.post("second", "2026-02-01", "published", "storage");
        site.post("later", "2026-09-01", "published");
        site.post("draft", "2026-03-01", "draft");
    }

    private Site build(Path documents) {
        try (Baker baker = new Baker(FixtureSite.parser(), TODAY, 2, new Baker.Caches(null, documents, null))) {
            return baker.build(site.sources(), BakeOptions.PUBLISH);
        }
    }

    private static void assertSameFiles(Site expected, Site actual) {
        assertEquals(expected.paths(), actual.paths(), "the same files");
        for (String path : expected.paths()) {
            assertArrayEquals(expected.file(path), actual.file(path), path);
        }
    }

    private List<Path> entries() throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.sorted().toList();
        }
    }

    @Test
    void aBakeFromTheCacheParsesNothingAndWritesWhatAParseWould() throws IOException {
        Site uncached = build(null);
        Site filling = build(cache);
        assertEquals(6, filling.changed(), "every source is parsed the first time");
        assertEquals(6, entries().size(), "one entry per source, drafts and future posts included");

        Site fromCache = build(cache);
        assertEquals(0, fromCache.changed(), "no source is parsed when all are in the cache");
        assertSameFiles(uncached, filling);
        assertSameFiles(uncached, fromCache);
    }

    @Test
    void anEditedSourceIsParsedAgainAndItsOldEntryGoes() throws IOException {
        Path output = dir.resolve("out");
        try (Baker baker = new Baker(FixtureSite.parser(), TODAY, 2, new Baker.Caches(null, cache, null))) {
            baker.bake(site.sources(), output, BakeOptions.PUBLISH);
        }
        List<Path> before = entries();
        Path edited = site.write("content/blog/second.adoc", Files.readString(site.root()
                .resolve("content/blog/second.adoc")).replace("Body of second.", "Body of the edited second."));
        Files.setLastModifiedTime(edited, FileTime.from(Instant.now().plusSeconds(5)));

        Site rebuilt;
        try (Baker baker = new Baker(FixtureSite.parser(), TODAY, 2, new Baker.Caches(null, cache, null))) {
            baker.bake(site.sources(), output, BakeOptions.PUBLISH);
            rebuilt = baker.build(site.sources(), BakeOptions.PUBLISH);
        }
        assertSameFiles(build(null), rebuilt);
        assertTrue(new String(rebuilt.file("blog/2026/second/index.html")).contains("Body of the edited second."));
        List<Path> after = entries();
        assertEquals(before.size(), after.size(), "the edited source's old entry is deleted: " + after);
        assertEquals(1, after.stream().filter(e -> !before.contains(e)).count(), "one new entry");
    }

    @Test
    void aDamagedEntryIsParsedAgain() throws IOException {
        Site uncached = build(null);
        build(cache);
        for (Path entry : entries()) {
            byte[] bytes = Files.readAllBytes(entry);
            bytes[bytes.length - 2] ^= 1;
            Files.write(entry, bytes);
        }
        Site afterDamage = build(cache);
        assertEquals(6, afterDamage.changed(), "a damaged entry is a miss");
        assertSameFiles(uncached, afterDamage);
        assertEquals(0, build(cache).changed(), "and the parse replaced it");
    }

    @Test
    void aSourceWithAnIncludeIsNeverTakenFromTheCache() throws IOException {
        site.write("content/blog/parts/shared.txt", "Included text, version one.\n");
        site.write("content/blog/including.adoc", """
                = Including
                :jbake-type: post
                :jbake-status: published
                :jbake-date: 2026-04-01

                include::parts/shared.txt[]
                """);
        build(cache);
        assertEquals(6, entries().size(), "no entry for the source with an include");
        site.write("content/blog/parts/shared.txt", "Included text, version two.\n");
        Site again = build(cache);
        assertEquals(1, again.changed(), "the including source is parsed again, and only it");
        assertTrue(new String(again.file("blog/2026/including/index.html")).contains("version two"));
    }

    @Test
    void anEntryReadsBackAsAnEqualDocument() throws IOException {
        Path source = dir.resolve("a.adoc").toAbsolutePath();
        Document document = new Document(source, "post", Status.PUBLISHED, "A & B", "A &amp; <em>B</em>",
                LocalDate.parse("2026-01-02"), LocalDate.parse("2026-02-03"), List.of("x", "y-z"), "Ünïcode…",
                "<p>" + "long body ".repeat(10_000) + "</p>", "/blog/2026/a/", 3,
                List.of(new Document.Heading(2, "one", "One <code>x</code>"), new Document.Heading(3, "two", "Two")),
                Map.of("keywords", "k", "count", 3L, "flag", true));
        assertEquals(document, DocumentCache.read(DocumentCache.write(document), source));

        DocumentCache documents = DocumentCache.in(cache);
        documents.put("k1", document);
        assertEquals(document, documents.get("k1", source));
        assertNull(documents.get("k1", dir.resolve("b.adoc").toAbsolutePath()), "an entry is for its own source");
        assertNull(documents.get("k2", source));

        Document odd = new Document(source, "page", Status.DRAFT, "T", "T", null, null, List.of(), "d", "<p>b</p>",
                "/t/", 1, List.of(), Map.of("list", List.of("a")));
        documents.put("k3", odd);
        assertNull(documents.get("k3", source), "a value the format cannot write is not stored");
        documents.retain(Set.of("k1"));
        assertEquals(List.of(cache.resolve("k1.document")), entries());
    }
}
