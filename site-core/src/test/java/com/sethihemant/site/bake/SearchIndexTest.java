package com.sethihemant.site.bake;

import com.sethihemant.site.FixtureSite;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The index the bake writes for the search script, read back as the script reads it. */
class SearchIndexTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private FixtureSite site;

    @BeforeEach
    void setUp() {
        site = new FixtureSite(dir.resolve("src"));
        site.write("templates/search.tpl", "p { yield url }\n");
        site.page("index", "Home.");
        site.page("404", "Not found.");
        site.write("content/about.adoc", "= About the author\n:jbake-type: page\n:jbake-status: published\n:description: Who writes here.\n\n"
                + "== Background\n\nWorked on Café storage and replicated logs.\n");
        site.write("content/blog/quorum.adoc", "= Sloppy quorums\n:jbake-type: post\n:jbake-status: published\n"
                + ":jbake-date: 2026-05-01\n:jbake-tags: distributed-systems\n:description: How Dynamo stays writeable.\n\n"
                + "== Hinted handoff\n\nThe write goes to another node with a hint, and the node hands it back.\n\n"
                + "[source,java]\n----\nstatic boolean descends(Map<String, Long> a) { return true; }\n----\n");
    }

    /** The index as the script sees it: each document with the words of its body. */
    private record Index(List<List<Object>> docs, Map<Integer, Set<String>> bodies, String stop) {
        @SuppressWarnings("unchecked")
        static Index read(byte[] bytes) {
            Map<String, Object> json = new Yaml().load(new String(bytes, StandardCharsets.UTF_8));
            List<String> words = List.of(((String) json.get("words")).split(" "));
            List<String> lists = (List<String>) json.get("in");
            assertEquals(words.size(), lists.size());
            assertEquals(new TreeSet<>(words).stream().toList(), words, "words are sorted, each once");
            Map<Integer, Set<String>> bodies = new java.util.TreeMap<>();
            for (int i = 0; i < words.size(); i++) {
                for (int doc : decode(lists.get(i))) {
                    bodies.computeIfAbsent(doc, d -> new LinkedHashSet<>()).add(words.get(i));
                }
            }
            return new Index((List<List<Object>>) json.get("docs"), bodies, (String) json.get("stop"));
        }

        List<Object> doc(String url) {
            return docs.stream().filter(d -> d.get(0).equals(url)).findFirst().orElseThrow(() -> new AssertionError(url));
        }

        Set<String> body(String url) {
            return bodies.getOrDefault(docs.indexOf(doc(url)), Set.of());
        }

        List<String> urls() {
            return docs.stream().map(d -> (String) d.get(0)).toList();
        }
    }

    /** As search.js decodes a word's list. */
    static List<Integer> decode(String list) {
        List<Integer> ids = new ArrayList<>();
        int value = 0;
        int last = -1;
        for (char c : list.toCharArray()) {
            int digit = SearchIndex.ALPHABET.indexOf(c);
            value = value * 32 + (digit & 31);
            if (digit < 32) {
                last += value;
                ids.add(last);
                value = 0;
            }
        }
        return ids;
    }

    private Index build(Baker baker, boolean preview) {
        Site built = baker.build(site.sources(), preview ? BakeOptions.PREVIEW : BakeOptions.PUBLISH);
        return Index.read(built.file("search/index.json"));
    }

    @Test
    void everyPublishedPostAndPageWithItsFieldsAndBodyWords() {
        try (Baker baker = new Baker(FixtureSite.parser(), TODAY, 1)) {
            Index index = build(baker, false);
            assertEquals(List.of("/blog/2026/quorum/", "/", "/about/"), index.urls(), "posts first, then pages; never the 404");
            List<Object> post = index.doc("/blog/2026/quorum/");
            assertEquals("Sloppy quorums", post.get(1));
            assertEquals("1 May 2026", post.get(2));
            assertEquals("distributed-systems", post.get(3));
            assertEquals("How Dynamo stays writeable.", post.get(4));
            assertEquals(List.of(List.of("hinted-handoff", "Hinted handoff")), post.get(5));
            Set<String> body = index.body("/blog/2026/quorum/");
            assertTrue(body.containsAll(Set.of("write", "goes", "node", "hint", "hands", "back", "descends", "boolean")), body.toString());
            // Words the script finds in the title, tags, headings or description are not repeated,
            // nor are stop words (which travel in the index) or single letters.
            for (String left : List.of("hinted", "handoff", "dynamo", "the", "and", "with", "a")) {
                assertFalse(body.contains(left), left + " in " + body);
            }
            assertTrue(index.stop().contains(" the "));
            // Pages are indexed as rendered; accents are folded as the script folds them.
            assertEquals(List.of(List.of("background", "Background")), index.doc("/about/").get(5));
            assertTrue(index.body("/about/").containsAll(Set.of("cafe", "replicated", "logs")), index.body("/about/").toString());
        }
    }

    @Test
    void draftsAndScheduledPostsAreNeverIndexedNotEvenInThePreview() {
        site.post("draft", "2026-01-01", "draft");
        site.post("scheduled", "2026-12-01", "published");
        try (Baker baker = new Baker(FixtureSite.parser(), TODAY, 1)) {
            for (boolean preview : List.of(false, true)) {
                List<String> urls = build(baker, preview).urls();
                assertFalse(urls.contains("/blog/2026/draft/") || urls.contains("/blog/2026/scheduled/"), urls.toString());
                assertTrue(urls.contains("/blog/2026/quorum/"));
            }
        }
    }

    @Test
    void aRebuildIndexesTheEditAndForgetsDeletedPosts() throws Exception {
        Path other = site.post("other", "2026-04-01", "published");
        try (Baker baker = new Baker(FixtureSite.parser(), TODAY, 2)) {
            Index before = build(baker, true);
            assertFalse(before.body("/blog/2026/quorum/").contains("merkle"));
            assertTrue(before.urls().contains("/blog/2026/other/"));

            site.write("content/blog/quorum.adoc", "= Sloppy quorums\n:jbake-type: post\n:jbake-status: published\n"
                    + ":jbake-date: 2026-05-01\n:description: Edited.\n\nNow about Merkle trees.\n");
            java.nio.file.Files.delete(other);
            Index after = build(baker, true);
            assertTrue(after.body("/blog/2026/quorum/").containsAll(Set.of("merkle", "trees", "now")));
            assertFalse(after.urls().contains("/blog/2026/other/"));
            // The same as a fresh build of the edited sources.
            try (Baker fresh = new Baker(FixtureSite.parser(), TODAY, 1)) {
                assertEquals(after, build(fresh, true));
            }
        }
    }

    @Test
    void listsOfDocumentNumbersRoundTrip() {
        List<Integer> ids = List.of(0, 1, 2, 31, 32, 33, 1000, 1001, 40_000, 1_000_000);
        assertEquals(ids, decode(SearchIndex.encode(ids)));
        assertEquals("1", SearchIndex.encode(List.of(0)), "each number is its distance from the one before, the first from -1");
        assertEquals("11", SearchIndex.encode(List.of(0, 1)));
        assertEquals("B0", SearchIndex.encode(List.of(31)), "32 is two digits: 1 followed by more (B), then 0");
    }

    @Test
    void wordsAreFoldedAsTheScriptFoldsThem() {
        assertEquals(List.of("cafe", "naive", "gpu", "2026", "ubersicht"), SearchIndex.words("Café NAÏVE gpu-2026 Übersicht"));
    }
}
