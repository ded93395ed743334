package com.sethihemant.site.bake;

import com.sethihemant.site.FixtureSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A baker that builds again after a change must produce exactly what a fresh baker produces
 * from the changed sources, where stock JBake's incremental mode leaves stale pages behind.
 */
class IncrementalBuildTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private FixtureSite site;
    private Baker warm;
    private int touches;

    @BeforeEach
    void setUp() {
        site = new FixtureSite(dir);
        site.page("index", "Home.");
        site.post("first", "2026-01-01", "published", "a");
        site.post("second", "2026-02-01", "published", "a", "b");
        site.post("third", "2026-03-01", "published", "b");
        site.post("unrelated-old", "2025-06-01", "published", "z");
        warm = new Baker(FixtureSite.parser(), TODAY);
        warm.build(site.sources(), BakeOptions.PUBLISH);
    }

    @AfterEach
    void tearDown() {
        warm.close();
    }

    /** Builds with the warm baker and checks the result against a fresh baker's, file by file. */
    private Site rebuildMatchesFullBuild() {
        Site incremental = warm.build(site.sources(), BakeOptions.PUBLISH);
        Site full;
        try (Baker fresh = new Baker(FixtureSite.parser(), TODAY)) {
            full = fresh.build(site.sources(), BakeOptions.PUBLISH);
        }
        assertEquals(full.paths(), incremental.paths(), "the same files");
        for (String path : full.paths()) {
            assertArrayEquals(full.file(path), incremental.file(path), path);
        }
        return incremental;
    }

    private String text(Site built, String path) {
        return new String(built.file(path), StandardCharsets.UTF_8);
    }

    /**
     * Source files keep their modification time within a test; make sure an edit is seen as one,
     * however many a test makes.
     */
    private void touch(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5 + ++touches)));
    }

    /** Changes a file's text and touches it, as saving it in an editor does. */
    private Path edit(Path file, UnaryOperator<String> change) throws IOException {
        Files.writeString(file, change.apply(Files.readString(file)));
        touch(file);
        return file;
    }

    @Test
    void unchangedSourcesAreNeitherParsedNorRenderedAgain() {
        Site again = rebuildMatchesFullBuild();
        assertEquals(0, again.changed());
        assertEquals(Set.of(), again.rendered());
    }

    @Test
    void editingAPostRendersOnlyThePagesThatShowIt() throws IOException {
        edit(dir.resolve("content/blog/third.adoc"), text -> text.replace("Body of third.", "A new body."));
        Site again = rebuildMatchesFullBuild();
        assertEquals(1, again.changed());
        assertTrue(text(again, "blog/2026/third/index.html").contains("A new body."));
        // The new body is also the new description: the post, and the pages that summarise it (the
        // fixture's page template gets every post's summary); not the archive and its older
        // neighbour, which show only its title and date, nor the other posts, tags or blog pages.
        assertEquals(Set.of("blog/2026/third/index.html", "index.html", "blog/index.html", "tags/b/index.html",
                "tags/index.html"), again.rendered());
    }

    @Test
    void editingThePostsTextButNotItsSummaryRendersOnlyItsOwnPage() throws IOException {
        Path file = edit(dir.resolve("content/blog/third.adoc"),
                text -> text.replace(":jbake-tags: b\n", ":jbake-tags: b\n:description: Third.\n"));
        rebuildMatchesFullBuild();
        // A new paragraph changes neither the title, date, tags, description nor reading time that
        // the listings, the neighbours and the related posts show.
        edit(file, text -> text + "\nA second paragraph.\n");
        Site again = rebuildMatchesFullBuild();
        assertEquals(1, again.changed());
        assertTrue(text(again, "blog/2026/third/index.html").contains("A second paragraph."));
        assertEquals(Set.of("blog/2026/third/index.html"), again.rendered());
    }

    @Test
    void retitlingAPostRendersEveryPageThatShowsItsTitle() throws IOException {
        edit(dir.resolve("content/blog/second.adoc"), text -> text.replace("= Post second", "= Second, retitled"));
        Site again = rebuildMatchesFullBuild();
        // Its own page, its neighbours (newer third, older first) and the listings that show it;
        // first and third are also related to it through the tags they share.
        assertEquals(Set.of("blog/2026/second/index.html", "blog/2026/third/index.html", "blog/2026/first/index.html",
                "index.html", "blog/index.html", "tags/a/index.html", "tags/b/index.html", "tags/index.html",
                "archive/index.html"), again.rendered());
        for (String path : again.rendered()) {
            if (!path.equals("tags/index.html")) {
                assertTrue(text(again, path).contains("Second, retitled"), path);
            }
        }
    }

    @Test
    void rewritingAPostsDescriptionRendersTheSummariesButNotTheLinksToIt() throws IOException {
        Path file = edit(dir.resolve("content/blog/second.adoc"),
                text -> text.replace("= Post second\n", "= Post second\n:description: First described.\n"));
        rebuildMatchesFullBuild();
        edit(file, text -> text.replace("First described.", "Described again."));
        Site again = rebuildMatchesFullBuild();
        // The fixture's tag pages show its description, and its blog index and home page get the
        // summaries that hold it; the archive and the posts that link to it show its title and date.
        assertEquals(Set.of("blog/2026/second/index.html", "index.html", "blog/index.html", "tags/a/index.html",
                "tags/b/index.html", "tags/index.html"), again.rendered());
        for (String path : List.of("tags/a/index.html", "tags/b/index.html")) {
            assertTrue(text(again, path).contains("Described again."), path);
        }
    }

    @Test
    void addingAPostUpdatesItsNeighbourAndEveryListing() {
        site.post("fourth", "2026-04-01", "published", "a");
        Site again = rebuildMatchesFullBuild();
        assertTrue(text(again, "blog/2026/third/index.html").contains("/blog/2026/fourth/"), "newer link");
        assertTrue(text(again, "tags/a/index.html").contains("/blog/2026/fourth/"));
        assertTrue(text(again, "feed.xml").contains("/blog/2026/fourth/"));
        assertTrue(text(again, "sitemap.xml").contains("/blog/2026/fourth/"));
    }

    @Test
    void deletingAPostRemovesItEverywhere() throws IOException {
        Files.delete(dir.resolve("content/blog/second.adoc"));
        Site again = rebuildMatchesFullBuild();
        assertFalse(again.paths().contains("blog/2026/second/index.html"));
        for (String path : again.paths()) {
            assertFalse(text(again, path).contains("/blog/2026/second/"), path + " still links the deleted post");
        }
    }

    @Test
    void renamingAPostMovesIt() throws IOException {
        Files.move(dir.resolve("content/blog/second.adoc"), dir.resolve("content/blog/renamed.adoc"));
        Site again = rebuildMatchesFullBuild();
        assertFalse(again.paths().contains("blog/2026/second/index.html"));
        assertNotNull(again.file("blog/2026/renamed/index.html"));
        assertTrue(text(again, "blog/2026/first/index.html").contains("/blog/2026/renamed/"));
    }

    @Test
    void publishingADraftAndDraftingAPostAreBothFollowed() throws IOException {
        Path draft = site.post("draft", "2026-02-15", "draft", "c");
        rebuildMatchesFullBuild();
        edit(draft, text -> text.replace("draft\n", "published\n"));
        assertNotNull(rebuildMatchesFullBuild().file("tags/c/index.html"));
        edit(draft, text -> text.replace(":jbake-status: published", ":jbake-status: draft"));
        Site again = rebuildMatchesFullBuild();
        assertFalse(again.paths().contains("tags/c/index.html"));
    }

    @Test
    void changingATemplateRendersEveryPageAgain() throws IOException {
        Path template = dir.resolve("templates/post.tpl");
        Files.writeString(template, Files.readString(template).replace("class: 'body'", "class: 'post-body'"));
        Site again = rebuildMatchesFullBuild();
        assertTrue(text(again, "blog/2026/first/index.html").contains("post-body"));
        assertEquals(again.paths().stream().filter(p -> p.endsWith(".html")).count(), again.rendered().size());
    }

    @Test
    void changingTheConfigurationRendersEveryPageAgain() throws IOException {
        Path config = dir.resolve("site.yml");
        Files.writeString(config, Files.readString(config).replace("postsPerPage: 2", "postsPerPage: 1"));
        Site again = rebuildMatchesFullBuild();
        assertNotNull(again.file("blog/page/3/index.html"));
    }

    @Test
    void changingADataFileRendersThePagesThatReceiveIt() throws IOException {
        site.write("templates/page.tpl", "p(class: 'talks') { yield data['talks'].size() }\n");
        site.write("data/talks.yml", "[]\n");
        rebuildMatchesFullBuild();
        site.write("data/talks.yml", "- title: T\n  event: E\n  date: 2026-01-01\n");
        Site again = rebuildMatchesFullBuild();
        assertTrue(text(again, "index.html").contains("<p class=\"talks\">1</p>"));
    }

    @Test
    void changingAnAssetIsCopiedAgain() throws IOException {
        site.write("content/blog/image.svg", "<svg/>");
        rebuildMatchesFullBuild();
        Path image = site.write("content/blog/image.svg", "<svg version=\"2\"/>");
        touch(image);
        assertEquals("<svg version=\"2\"/>", text(rebuildMatchesFullBuild(), "blog/image.svg"));
    }

    @Test
    void movingAPostToAnotherYearMovesItsUrl() throws IOException {
        edit(dir.resolve("content/blog/first.adoc"), text -> text.replace("2026-01-01", "2025-12-31"));
        Site again = rebuildMatchesFullBuild();
        assertNotNull(again.file("blog/2025/first/index.html"));
        assertFalse(again.paths().contains("blog/2026/first/index.html"));
    }

    @Test
    void bakingTwiceIntoTheSameFolderGivesTheSameFilesAsAFreshBake() throws IOException {
        Path output = dir.resolve("out/site");
        warm.bake(site.sources(), output, BakeOptions.PUBLISH);
        site.post("fourth", "2026-04-01", "published", "b");
        warm.bake(site.sources(), output, BakeOptions.PUBLISH);
        Path fresh = dir.resolve("out/fresh");
        try (Baker baker = new Baker(FixtureSite.parser(), TODAY)) {
            baker.bake(site.sources(), fresh, BakeOptions.PUBLISH);
        }
        Map<String, byte[]> a = BakerTestFiles.read(output);
        Map<String, byte[]> b = BakerTestFiles.read(fresh);
        assertEquals(b.keySet(), a.keySet());
        b.forEach((path, bytes) -> assertArrayEquals(bytes, a.get(path), path));
    }
}
