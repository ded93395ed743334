package com.sethihemant.site.blog;

import com.sethihemant.site.bake.BakeOptions;
import com.sethihemant.site.bake.Baker;
import com.sethihemant.site.bake.SiteSources;
import com.sethihemant.site.content.ContentParser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.LogManager;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real theme, baked with the small fixture site under src/test/fixtures/site. */
class FixtureSiteIT {

    private static final Clock JUNE_2026 = Clock.fixed(Instant.parse("2026-06-15T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path work;
    private static Path site;

    @BeforeAll
    static void bake() {
        LogManager.getLogManager().reset();
        Path fixture = BakedSite.root().resolve("blog/src/test/fixtures/site");
        Path theme = BakedSite.root().resolve("site-theme/src/main/jbake");
        SiteSources sources = new SiteSources(fixture, fixture.resolve("site.yml"), List.of(fixture.resolve("content")),
                fixture.resolve("data"), theme.resolve("templates"), theme.resolve("assets"));
        site = work.resolve("site");
        try (ContentParser parser = new ContentParser()) {
            try (Baker baker = new Baker(parser, JUNE_2026)) {
                baker.bake(sources, site, BakeOptions.PUBLISH);
            }
        }
    }

    @AfterAll
    static void quiet() {
        LogManager.getLogManager().reset();
    }

    private static Document page(String path) {
        Path file = site.resolve(path.substring(1) + (path.endsWith("/") ? "index.html" : ""));
        try {
            return Jsoup.parse(file.toFile(), "UTF-8", "https://fixture.example" + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void postsLinkToTheirNewerAndOlderNeighbours() {
        Document oldest = page("/blog/2026/post-1/");
        Document second = page("/blog/2026/post-2/");
        Document newest = page("/blog/2026/escaped-title/");
        assertAll(
                () -> assertNull(oldest.selectFirst(".post-nav__older")),
                () -> assertEquals("/blog/2026/post-2/", oldest.expectFirst(".post-nav__newer").attr("href")),
                () -> assertEquals("/blog/2026/post-1/", second.expectFirst(".post-nav__older").attr("href")),
                () -> assertEquals("/blog/2026/post-3/", second.expectFirst(".post-nav__newer").attr("href")),
                () -> assertEquals("/blog/2026/post-4/", newest.expectFirst(".post-nav__older").attr("href")),
                () -> assertNull(newest.selectFirst(".post-nav__newer")));
    }

    @Test
    void draftsAndFuturePostsAppearNowhere() throws IOException {
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                // The theme's images are binary; every other file is text and is read whole.
                String text = file.toString().endsWith(".png") ? "" : Files.readString(file);
                String name = site.relativize(file).toString();
                assertFalse(name.contains("draft") || name.contains("future"), name);
                assertFalse(text.contains("Draft post") || text.contains("Future post")
                        || text.contains("only-in-drafts") || text.contains("only-in-future"), name);
            }
        }
        assertEquals(5, page("/tags/common/").select(".post-list__item").size());
    }

    @Test
    void blogIndexIsPaginatedNewestFirst() {
        Document first = page("/blog/");
        assertEquals(List.of("/blog/2026/escaped-title/", "/blog/2026/post-4/"),
                first.select(".post-list__title a").eachAttr("href"));
        assertEquals("/blog/page/2/", first.expectFirst(".pagination a[rel=next]").attr("href"));
        Document last = page("/blog/page/3/");
        assertEquals(List.of("/blog/2026/post-1/"), last.select(".post-list__title a").eachAttr("href"));
        assertEquals("/blog/page/2/", last.expectFirst(".pagination a[rel=prev]").attr("href"));
        assertNull(last.selectFirst(".pagination a[rel=next]"));
        assertEquals("Blog, page 3 of 3 · Fixture Author", last.title());
    }

    @Test
    void markupInTitlesAndDescriptionsIsShownNotRun() {
        Document post = page("/blog/2026/escaped-title/");
        assertAll(
                () -> assertTrue(post.select("main script, main img").isEmpty(), "no element may come from a title"),
                () -> assertEquals(List.of("/js/theme.js", "/js/site.js", ""),
                        post.select("script").stream().map(script -> script.attr("src")).toList(),
                        "the theme's scripts and its JSON-LD are the only scripts"),
                () -> assertFalse(post.expectFirst("script[type=application/ld+json]").data().contains("<"),
                        "structured data cannot end its script element"),
                () -> assertEquals("<script>alert(\"title\")</script> & <em>friends</em>", post.expectFirst("h1").text()),
                () -> assertTrue(post.title().startsWith("<script>"), post.title()),
                () -> assertEquals("<img src=x onerror=alert(1)> in a description",
                        post.expectFirst("meta[name=description]").attr("content")));
        Document blog = page("/blog/");
        assertTrue(blog.select("main script, main img, main em").isEmpty());
    }

    @Test
    void homeListsTheLatestPostsAndWritingShowsNotesTalksAndReadingList() {
        assertEquals(2, page("/").select("section.latest .post-list__item").size());
        Document writing = page("/writing/");
        assertEquals(List.of("/blog/2026/post-2/"), writing.select("#paper-notes ~ .post-list a").eachAttr("href"));
        assertTrue(writing.expectFirst("section:has(#talks)").text().contains("No public talks are listed yet"));
        assertEquals("A paper (SOSP 2007) · my notes", writing.expectFirst("ul.reading-list li").text());
    }

    @Test
    void archiveGroupsPostsByYear() {
        Document archive = page("/archive/");
        assertEquals(List.of("2026"), archive.select("main h2").eachText());
        assertEquals(5, archive.select(".archive-list li").size());
    }
}
