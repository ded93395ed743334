package com.sethihemant.site.blog;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.json.Json;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every page tells browsers, search engines, link previews and feed readers: a unique title
 * and description, canonical URL, Open Graph and Twitter card, structured data (JSON-LD),
 * microformats, icons, and a Content-Security-Policy that needs no inline script or style.
 */
class MetadataIT {

    private static final Set<String> PROFILES = Set.of("https://www.linkedin.com/in/hemantsethi/",
            "https://github.com/roolerzz", "https://twitter.com/sethihemant");
    private static final String POST = "/blog/2026/dynamo-paper-notes/";

    private static String meta(Document page, String key) {
        Element meta = page.selectFirst("meta[property=" + key + "], meta[name=" + key + "]");
        assertNotNull(meta, page.location() + " has no " + key);
        return meta.attr("content");
    }

    @Test
    void descriptionsAreUniqueAcrossThePages() {
        Map<String, String> seen = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (Path file : BakedSite.htmlFiles()) {
            String description = meta(BakedSite.parse(file), "description");
            String other = seen.putIfAbsent(description, BakedSite.sitePath(file));
            if (description.isBlank() || other != null) {
                duplicates.add(BakedSite.sitePath(file) + " and " + other + ": '" + description + "'");
            }
        }
        assertEquals(List.of(), duplicates);
    }

    @Test
    void everyPageHasOpenGraphAndATwitterCardAndEveryPostItsOwnImage() throws IOException {
        for (Path file : BakedSite.htmlFiles()) {
            Document page = BakedSite.parse(file);
            String path = BakedSite.sitePath(file);
            String canonical = page.expectFirst("link[rel=canonical]").attr("href");
            boolean post = path.matches("/blog/\\d{4}/[^/]+/");
            String image = post ? BakedSite.BASE + "/cards" + path.substring("/blog".length(), path.length() - 1) + ".png"
                    : BakedSite.BASE + "/images/card.png";
            assertAll(path,
                    () -> assertEquals(BakedSite.BASE + path, canonical),
                    () -> assertEquals(canonical, meta(page, "og:url")),
                    () -> assertTrue(Set.of("website", "article", "profile").contains(meta(page, "og:type"))),
                    () -> assertEquals(meta(page, "description"), meta(page, "og:description")),
                    () -> assertTrue(page.title().startsWith(meta(page, "og:title"))),
                    () -> assertEquals(image, meta(page, "og:image")),
                    () -> assertEquals("image/png", meta(page, "og:image:type")),
                    () -> assertEquals("1200", meta(page, "og:image:width")),
                    () -> assertEquals("630", meta(page, "og:image:height")),
                    () -> assertFalse(meta(page, "og:image:alt").isBlank()),
                    () -> assertEquals("summary_large_image", meta(page, "twitter:card")),
                    () -> assertEquals(meta(page, "og:image"), meta(page, "twitter:image")),
                    () -> assertEquals(meta(page, "og:image:alt"), meta(page, "twitter:image:alt")),
                    () -> assertEquals("@sethihemant", meta(page, "twitter:creator")));
            // What the card validators ask of the image: the file, its declared size, under 5 MB.
            Path png = BakedSite.dir().resolve(image.substring(BakedSite.BASE.length() + 1));
            assertEquals(List.of(1200, 630), pngSize(png), path);
            assertTrue(Files.size(png) < 5_000_000, png.toString());
        }
        Document post = BakedSite.page(POST);
        assertEquals("article", meta(post, "og:type"));
        assertEquals("2026-11-23", meta(post, "article:published_time"));
        assertTrue(meta(post, "og:image:alt").startsWith("“" + post.expectFirst("h1").text() + "”"), meta(post, "og:image:alt"));
        assertEquals(meta(post, "og:image"), find(jsonLd(post), "BlogPosting").get("image"));
    }

    @Test
    void postsCarryGoogleScholarsCitationTags() {
        Document post = BakedSite.page(POST);
        assertAll(
                () -> assertEquals(post.expectFirst("h1").text(), meta(post, "citation_title")),
                () -> assertEquals("Sethi, Hemant", meta(post, "citation_author")),
                () -> assertEquals("2026/11/23", meta(post, "citation_publication_date")),
                () -> assertEquals(BakedSite.BASE + POST, meta(post, "citation_fulltext_html_url")),
                () -> assertEquals("en", meta(post, "citation_language")));
        for (Path file : BakedSite.htmlFiles()) {
            boolean post2 = BakedSite.sitePath(file).matches("/blog/\\d{4}/[^/]+/");
            assertEquals(post2, !BakedSite.parse(file).select("meta[name=citation_title]").isEmpty(), BakedSite.sitePath(file));
        }
    }

    @Test
    void iconsAndFeedAreDeclaredAndExist() throws IOException {
        Document home = BakedSite.page("/");
        assertAll(
                () -> assertEquals("/favicon.svg", home.expectFirst("link[rel=icon][type=image/svg+xml]").attr("href")),
                () -> assertEquals("/favicon.png", home.expectFirst("link[rel=icon][type=image/png]").attr("href")),
                () -> assertEquals("/apple-touch-icon.png", home.expectFirst("link[rel=apple-touch-icon]").attr("href")),
                () -> assertEquals("/feed.xml", home.expectFirst("link[rel=alternate][type=application/atom+xml]").attr("href")),
                () -> assertEquals("/feed.json", home.expectFirst("link[rel=alternate][type=application/feed+json]").attr("href")));
        for (Path file : BakedSite.htmlFiles()) {
            Document page = BakedSite.parse(file);
            assertEquals(List.of("/feed.xml", "/feed.json"), page.select("head link[rel=alternate]").eachAttr("href"),
                    BakedSite.sitePath(file));
        }
        assertEquals(List.of(48, 48), pngSize(BakedSite.dir().resolve("favicon.png")));
        assertEquals(List.of(180, 180), pngSize(BakedSite.dir().resolve("apple-touch-icon.png")));
        assertTrue(Files.readString(BakedSite.dir().resolve("favicon.svg")).startsWith("<svg"));
    }

    @Test
    void aContentSecurityPolicyWithoutInlineCodeAndAReferrerPolicyOnEveryPage() {
        List<String> problems = new ArrayList<>();
        for (Path file : BakedSite.htmlFiles()) {
            Document page = BakedSite.parse(file);
            String path = BakedSite.sitePath(file);
            Element csp = page.selectFirst("head > meta[http-equiv=Content-Security-Policy]");
            if (csp == null || csp.elementSiblingIndex() != 1) {
                problems.add(path + ": the policy must come right after the charset, before anything loads");
            } else if (csp.attr("content").contains("unsafe-") || !csp.attr("content").contains("script-src 'self'")
                    || !csp.attr("content").contains("style-src 'self'")) {
                problems.add(path + ": weak policy " + csp.attr("content"));
            }
            if (!"strict-origin-when-cross-origin".equals(meta(page, "referrer"))) {
                problems.add(path + ": referrer policy");
            }
            for (Element script : page.select("script:not([src])")) {
                if (!script.attr("type").equals("application/ld+json")) {
                    problems.add(path + ": inline script " + script.outerHtml());
                }
            }
            page.select("style, [style]").forEach(element -> problems.add(path + ": inline style " + element.outerHtml()));
            page.getAllElements().forEach(element -> element.attributes().forEach(attribute -> {
                if (attribute.getKey().startsWith("on")) {
                    problems.add(path + ": event handler attribute " + attribute);
                }
            }));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void homeAndAboutDescribeTheOwnerAsAProfilePageWithSameAs() {
        for (String path : List.of("/", "/about/")) {
            Map<String, Object> profile = find(jsonLd(BakedSite.page(path)), "ProfilePage");
            @SuppressWarnings("unchecked")
            Map<String, Object> person = (Map<String, Object>) profile.get("mainEntity");
            assertAll(path,
                    () -> assertEquals(BakedSite.BASE + path, profile.get("url")),
                    () -> assertEquals("Person", person.get("@type")),
                    () -> assertEquals("Hemant Sethi", person.get("name")),
                    () -> assertEquals(PROFILES, new TreeSet<>((List<?>) person.get("sameAs"))));
        }
    }

    @Test
    void postsAreBlogPostingsWithAuthorAndDates() {
        Document post = BakedSite.page(POST);
        List<Map<String, Object>> graph = jsonLd(post);
        Map<String, Object> posting = find(graph, "BlogPosting");
        Map<String, Object> person = find(graph, "Person");
        assertAll(
                () -> assertEquals(post.expectFirst("h1").text(), posting.get("headline")),
                () -> assertEquals("2026-11-23", posting.get("datePublished")),
                () -> assertEquals("2026-11-23", posting.get("dateModified")),
                () -> assertEquals(Map.of("@id", person.get("@id")), posting.get("author")),
                () -> assertEquals("Hemant Sethi", person.get("name")),
                () -> assertEquals(BakedSite.BASE + POST, posting.get("url")));
    }

    @Test
    void everyPageButHomeAndNotFoundHasABreadcrumbEndingAtItself() {
        for (Path file : BakedSite.htmlFiles()) {
            String path = BakedSite.sitePath(file);
            List<Map<String, Object>> graph = jsonLd(BakedSite.parse(file));
            boolean hasTrail = graph.stream().anyMatch(node -> "BreadcrumbList".equals(node.get("@type")));
            if (path.equals("/") || path.equals("/404.html")) {
                assertFalse(hasTrail, path);
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) find(graph, "BreadcrumbList").get("itemListElement");
            assertAll(path,
                    () -> assertEquals(BakedSite.BASE + "/", items.get(0).get("item")),
                    () -> assertEquals(BakedSite.BASE + path, items.get(items.size() - 1).get("item")),
                    () -> assertEquals(items.size(), ((Number) items.get(items.size() - 1).get("position")).intValue()));
        }
    }

    @Test
    void homeAndAboutCarryAnHCardAndPostsAnHEntry() {
        for (String path : List.of("/", "/about/")) {
            Element card = BakedSite.page(path).expectFirst("main .h-card");
            assertAll(path,
                    () -> assertEquals("Hemant Sethi", card.expectFirst(".p-name").text()),
                    () -> assertEquals(BakedSite.BASE + "/", card.expectFirst(".u-url.u-uid").attr("value")),
                    () -> assertEquals("mailto:sethi.hemant@gmail.com", card.expectFirst("a.u-email[rel=me]").attr("href")),
                    () -> assertEquals(PROFILES, new TreeSet<>(card.select("a.u-url[rel=me]").eachAttr("href"))));
        }
        Element entry = BakedSite.page(POST).expectFirst("article.h-entry");
        assertAll(
                () -> assertEquals(entry.expectFirst("h1").text(), entry.expectFirst(".p-name").text()),
                () -> assertEquals("2026-11-23", entry.expectFirst(".dt-published").attr("datetime")),
                () -> assertEquals(POST, entry.expectFirst("a.u-url").attr("href")),
                () -> assertEquals("Hemant Sethi", entry.expectFirst(".p-author.h-card").text()),
                () -> assertTrue(entry.expectFirst(".e-content").text().contains("Merkle")),
                () -> assertFalse(entry.select(".p-category").isEmpty()));
    }

    @Test
    void everyPageLinksTheOwnersProfilesWithRelMe() {
        for (Path file : BakedSite.htmlFiles()) {
            Document page = BakedSite.parse(file);
            assertTrue(new TreeSet<>(page.select("footer a[rel=me]").eachAttr("href")).containsAll(PROFILES),
                    BakedSite.sitePath(file));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> jsonLd(Document page) {
        Element script = page.expectFirst("script[type=application/ld+json]");
        Map<String, Object> data = new Json().toType(script.data(), Json.MAP_TYPE);
        assertEquals("https://schema.org", data.get("@context"));
        return (List<Map<String, Object>>) data.get("@graph");
    }

    private static Map<String, Object> find(List<Map<String, Object>> graph, String type) {
        return graph.stream().filter(node -> type.equals(node.get("@type"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + graph));
    }

    /** Width and height from a PNG's header. */
    private static List<Integer> pngSize(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
            byte[] signature = new byte[8];
            data.readFully(signature);
            assertEquals((byte) 0x89, signature[0], file + " is not a PNG");
            data.readInt();
            assertEquals(0x49484452, data.readInt(), "IHDR");
            return List.of(data.readInt(), data.readInt());
        }
    }
}
