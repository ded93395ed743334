package com.sethihemant.site.bake;

import com.sethihemant.site.FixtureSite;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON Feed and llms.txt of a fixture site with drafts and a scheduled post. */
class GeneratedFilesTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);
    private static final Pattern LLMS_LINE = Pattern.compile("^- \\[(.+)]\\((https://example\\.org/\\S*)\\)(: .+)?$",
            Pattern.MULTILINE);

    @TempDir
    Path dir;
    private FixtureSite site;

    @BeforeEach
    void setUp() {
        site = new FixtureSite(dir.resolve("src"));
        site.page("index", "Home.");
        site.page("about", "About me.");
        site.page("404", "Not found.");
        for (int i = 1; i <= 4; i++) {
            site.post("post-" + i, "2026-0" + i + "-10", "published", "storage");
        }
        site.write("content/blog/linked.adoc", "= Linked\n:jbake-type: post\n:jbake-status: published\n"
                + ":jbake-date: 2026-05-20\n\nSee link:/about/[about], <<part>> and image:pic.png[A picture].\n\n"
                + "[[part]]\n== Part\n\nText.\n");
        // The picture the post shows, published beside it (the bake fails on a missing one).
        site.writeBytes("content/blog/2026/linked/pic.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        site.post("draft", "2026-02-01", "draft");
        site.post("scheduled", "2026-12-01", "published");
    }

    private Site build(boolean preview) {
        try (Baker baker = new Baker(FixtureSite.parser(), TODAY, 1)) {
            return baker.build(site.sources(), preview ? BakeOptions.PREVIEW : BakeOptions.PUBLISH);
        }
    }

    private static String text(Site built, String path) {
        return new String(built.file(path), StandardCharsets.UTF_8);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJsonFeedHasTheAtomFeedsEntriesWithAbsoluteLinks() {
        Site built = build(false);
        Map<String, Object> feed = new Yaml().load(text(built, "feed.json"));
        assertEquals("https://jsonfeed.org/version/1.1", feed.get("version"));
        assertEquals("https://example.org/feed.json", feed.get("feed_url"));
        List<Map<String, Object>> items = (List<Map<String, Object>>) feed.get("items");
        org.jsoup.nodes.Document atom = Jsoup.parse(text(built, "feed.xml"), "", Parser.xmlParser());
        assertEquals(atom.select("entry > id").eachText(), items.stream().map(i -> (String) i.get("id")).toList());
        assertEquals(3, items.size(), "feedSize of site.yml");
        Map<String, Object> linked = items.get(0);
        assertEquals("https://example.org/blog/2026/linked/", linked.get("url"));
        assertEquals("2026-05-20T00:00:00Z", linked.get("date_published"));
        org.jsoup.nodes.Document content = Jsoup.parseBodyFragment((String) linked.get("content_html"));
        assertEquals(Set.of("https://example.org/about/", "https://example.org/blog/2026/linked/#part"),
                Set.copyOf(content.select("a[href]").eachAttr("href")));
        assertEquals("https://example.org/blog/2026/linked/pic.png", content.expectFirst("img").attr("src"));
    }

    @Test
    void llmsTxtListsWhatTheSitemapListsAndNeverADraftOrAScheduledPost() {
        for (boolean preview : List.of(false, true)) {
            Site built = build(preview);
            String llms = text(built, "llms.txt");
            assertTrue(llms.startsWith("# Fixture\n\n> A site for tests.\n"), llms);
            Matcher m = LLMS_LINE.matcher(llms);
            List<String> urls = new java.util.ArrayList<>();
            while (m.find()) {
                urls.add(m.group(2));
            }
            Set<String> sitemap = Set.copyOf(Jsoup.parse(text(built, "sitemap.xml"), "", Parser.xmlParser())
                    .select("url > loc").eachText());
            assertTrue(sitemap.containsAll(urls), urls + " not all in " + sitemap);
            for (String url : List.of("https://example.org/", "https://example.org/about/", "https://example.org/blog/2026/post-1/",
                    "https://example.org/blog/2026/linked/", "https://example.org/tags/storage/")) {
                assertTrue(urls.contains(url), url + " missing from\n" + llms);
            }
            assertFalse(llms.contains("draft") || llms.contains("scheduled"), llms);
            assertFalse(urls.stream().anyMatch(u -> u.contains("/blog/page/")), "later index pages add nothing");
            assertEquals(urls.size(), Set.copyOf(urls).size(), "one line each");
            List<String> sections = llms.lines().filter(l -> l.startsWith("## ")).collect(Collectors.toList());
            assertEquals(List.of("## Pages", "## Posts", "## Optional"), sections);
        }
    }

    @Test
    void aThemeFileAtAGeneratedAddressIsAnError() {
        site.writeBytes("content/feed.json", "{}".getBytes(StandardCharsets.UTF_8));
        try (Baker baker = new Baker(FixtureSite.parser(), TODAY, 1)) {
            com.sethihemant.site.SiteException e = org.junit.jupiter.api.Assertions.assertThrows(
                    com.sethihemant.site.SiteException.class, () -> baker.build(site.sources(), BakeOptions.PUBLISH));
            assertTrue(e.getMessage().contains("/feed.json"), e.getMessage());
        }
    }
}
