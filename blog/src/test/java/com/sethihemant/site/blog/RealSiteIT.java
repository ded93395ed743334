package com.sethihemant.site.blog;

import com.sethihemant.site.serve.StaticServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real site, read page by page as a visitor and a crawler would. */
class RealSiteIT {

    private static final List<String> NAV = List.of("/blog/", "/writing/", "/open-to/", "/about/");

    private static void assertHasAll(Document page, String... facts) {
        String text = page.body().text();
        assertAll(Stream.of(facts).map(fact -> () -> assertTrue(text.contains(fact),
                page.location() + " should say: " + fact)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/about/", "/writing/", "/open-to/", "/blog/", "/archive/", "/tags/", "/404.html"})
    void everyMainPageHasTitleDescriptionCanonicalAndNavigation(String path) {
        Document page = BakedSite.page(path);
        assertAll(
                () -> assertEquals("en", page.expectFirst("html").attr("lang")),
                () -> assertTrue(page.title().contains("Hemant Sethi"), page.title()),
                () -> assertFalse(page.expectFirst("meta[name=description]").attr("content").isBlank()),
                () -> assertEquals(BakedSite.BASE + path, page.expectFirst("link[rel=canonical]").attr("href")),
                () -> assertEquals(NAV, page.select("nav.site-nav a").eachAttr("href")),
                () -> assertEquals(1, page.select("h1").size(), "one h1"),
                () -> assertEquals("#main", page.expectFirst("a.skip-link").attr("href")),
                () -> assertNotNull(page.getElementById("main")),
                () -> assertNotNull(page.selectFirst("link[rel=alternate][type=application/atom+xml][href=/feed.xml]")));
    }

    @Test
    void currentSectionIsMarkedInTheNavigation() {
        assertEquals("page", BakedSite.page("/about/").expectFirst("nav.site-nav a[href=/about/]").attr("aria-current"));
        assertEquals("true", BakedSite.page("/tags/").expectFirst("nav.site-nav a[href=/blog/]").attr("aria-current"));
        assertTrue(BakedSite.page("/").select("nav.site-nav a[aria-current]").isEmpty());
    }

    @Test
    void titlesAreUniqueAcrossThePages() {
        Set<String> titles = new TreeSet<>();
        for (Path file : BakedSite.htmlFiles()) {
            String title = BakedSite.parse(file).title();
            assertTrue(titles.add(title), "duplicate title: " + title);
        }
    }

    @Test
    void homeIntroducesTheOwnerWithCurrentWorkResearchAndLatestPosts() {
        Document home = BakedSite.page("/");
        assertEquals("Hemant Sethi", home.expectFirst("h1").text());
        assertHasAll(home,
                "Staff Software Engineer at Crusoe",
                "keep the GPUs fed",
                "RDMA-enabled object stores",
                "keeping GPUs fed with data",
                "RDMA vs. traditional networking, object vs. file interfaces",
                "affect millions in infrastructure spending",
                "Dynamic Partitioning migration for Amazon Firehose",
                "thousands of S3 prefixes",
                "4x throughput gains and 10x partition count improvements",
                "multi-protocol: NFS, S3, SMB",
                "FIO, elbencho, PyTorch DataLoader profiling",
                "Building custom middleware for optimizing data access patterns",
                "RDMA-enabled storage architectures for sub-microsecond latency",
                "MLCommons",
                "Cost-performance tradeoffs in GPU cluster storage",
                "Multi-protocol access patterns (POSIX, S3, NFS) over unified datasets");
        assertEquals("/blog/2026/dynamo-paper-notes/", home.expectFirst("section.latest .post-list a").attr("href"));
        assertNotNull(home.selectFirst("a[href=/open-to/]"));
    }

    @Test
    void aboutCarriesEveryFactOfTheOwnersText() {
        Document about = BakedSite.page("/about/");
        assertHasAll(about,
                "over 12 years of experience",
                "high-performance data platforms and AI-optimized storage systems",
                "intersection of distributed systems and machine learning",
                "Currently at Crusoe",
                "S3-compatible object storage with intelligent caching for GPU-intensive ML training",
                "dual-protocol (NFS/S3) storage interfaces",
                "node-local caching strategies",
                "several years at AWS working on Amazon Firehose",
                "Dynamic Partitioning to a microservices architecture",
                "Akka Streams",
                "memory leaks and GC issues",
                "WeWork",
                "Spatial Data Service from PHP to Go, gRPC and Kubernetes",
                "800+ global locations",
                "event-driven architecture with Kafka",
                "observability stack",
                "Dynamo, Spanner, GFS and Raft",
                "research and publication opportunities in AI storage systems",
                "Go, Java, Python",
                "Kubernetes, Kafka",
                "CI/CD, infrastructure as code, observability",
                "RDMA storage, GPU cluster optimization, multi-protocol access patterns",
                "B.Tech in Computer Science",
                "National Institute of Technology, Jalandhar, 2012");
        assertFalse(about.body().text().contains("â€"), "encoding artefacts must be fixed");
        assertEquals(Set.of("mailto:sethi.hemant@gmail.com", "https://www.linkedin.com/in/hemantsethi/",
                        "https://github.com/roolerzz", "https://twitter.com/sethihemant"),
                new TreeSet<>(about.select("main a[href~=^(mailto|https://(www\\.linkedin|github|twitter))]").eachAttr("href")));
    }

    @Test
    void openToGivesEachKindOfRequestAMailtoWithASubject() {
        Document openTo = BakedSite.page("/open-to/");
        assertHasAll(openTo, "USENIX, OSDI, MLSys, HotStorage and SREcon", "artifact evaluation committees",
                "open-source benchmarking tools or storage research");
        List<String> mailtos = openTo.select("main .offer a[href^=mailto:]").eachAttr("href");
        assertEquals(3, mailtos.size(), mailtos.toString());
        for (String mailto : mailtos) {
            URI uri = URI.create(mailto);
            assertTrue(uri.getSchemeSpecificPart().startsWith("sethi.hemant@gmail.com?subject="), mailto);
        }
    }

    @Test
    void writingShowsStatementPostsNotesTalksInvitationAndReadingList() {
        Document writing = BakedSite.page("/writing/");
        assertHasAll(writing, "comprehensive technical notes on various distributed systems papers",
                "storage architectures for AI workloads");
        assertNotNull(writing.selectFirst("#paper-notes ~ .post-list a[href=/blog/2026/dynamo-paper-notes/]"));
        Element talks = writing.expectFirst("section:has(#talks)");
        assertTrue(talks.select("li").isEmpty(), "no talk is invented");
        assertNotNull(talks.selectFirst("a[href=/open-to/]"), "an empty talks list invites organisers instead");
        List<Element> papers = writing.select("ul.reading-list > li");
        assertEquals(16, papers.size());
        assertTrue(papers.get(0).text().startsWith("Dynamo: Amazon’s Highly Available Key-value Store (SOSP 2007)")
                || papers.get(0).text().startsWith("Dynamo: Amazon's Highly Available Key-value Store (SOSP 2007)"),
                papers.get(0).text());
        assertEquals("/blog/2026/dynamo-paper-notes/", papers.get(0).select("a").get(1).attr("href"));
    }

    @Test
    void postHasDateTagsAndItsBodyAtADirectoryUrl() {
        Document post = BakedSite.page("/blog/2026/dynamo-paper-notes/");
        assertEquals("2026-11-23", post.expectFirst("article time.dt-published").attr("datetime"));
        assertEquals(List.of("/tags/paper-notes/", "/tags/distributed-systems/", "/tags/storage/", "/tags/databases/"),
                post.select("ul.tag-list a").eachAttr("href"));
        assertFalse(post.select("article pre.rouge span").isEmpty(), "code is highlighted at build time");
    }

    @Test
    void noDraftOutputAnywhere() throws IOException {
        try (Stream<Path> walk = Files.walk(BakedSite.dir())) {
            assertEquals(List.of(), walk.map(Path::toString).filter(p -> p.endsWith("-draft.html")).toList());
        }
    }

    @Test
    void everyInternalLinkResolvesToAFileAndUsesDirectoryUrls() {
        List<String> broken = new ArrayList<>();
        for (Path file : BakedSite.htmlFiles()) {
            Document page = BakedSite.parse(file);
            for (Element element : page.select("a[href], link[href], img[src], script[src]")) {
                String url = element.hasAttr("href") ? element.absUrl("href") : element.absUrl("src");
                if (!url.startsWith(BakedSite.BASE + "/")) {
                    continue;
                }
                String path = URI.create(url).getPath();
                if (path.endsWith(".html") && !path.equals("/404.html")) {
                    broken.add(BakedSite.sitePath(file) + " links to " + path + " (use the directory URL)");
                } else if (!Files.isRegularFile(BakedSite.file(path))) {
                    broken.add(BakedSite.sitePath(file) + " links to " + path);
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void sitemapListsExactlyThePublishedPages() throws Exception {
        Set<String> expected = new TreeSet<>();
        for (Path file : BakedSite.htmlFiles()) {
            String path = BakedSite.sitePath(file);
            if (!path.equals("/404.html")) {
                expected.add(BakedSite.BASE + path);
            }
        }
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        NodeList locs = factory.newDocumentBuilder().parse(BakedSite.dir().resolve("sitemap.xml").toFile())
                .getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        Set<String> listed = new TreeSet<>();
        for (int i = 0; i < locs.getLength(); i++) {
            listed.add(locs.item(i).getTextContent());
        }
        assertEquals(expected, listed);
    }

    @Test
    void feedIsAtomWithTheFullPost() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var feed = factory.newDocumentBuilder().parse(BakedSite.dir().resolve("feed.xml").toFile());
        String atom = "http://www.w3.org/2005/Atom";
        assertEquals(atom, feed.getDocumentElement().getNamespaceURI());
        var entries = feed.getElementsByTagNameNS(atom, "entry");
        assertTrue(entries.getLength() >= 1);
        var content = ((org.w3c.dom.Element) entries.item(0)).getElementsByTagNameNS(atom, "content").item(0);
        String body = Jsoup.parse(content.getTextContent()).text();
        assertTrue(body.contains("Merkle tree"), "the feed carries the full post, not a summary");
    }

    @Test
    void robotsNamesTheSitemapAndAFaviconExists() throws IOException {
        assertTrue(Files.readString(BakedSite.dir().resolve("robots.txt"))
                .contains("Sitemap: " + BakedSite.BASE + "/sitemap.xml"));
        assertTrue(Files.size(BakedSite.dir().resolve("favicon.svg")) > 0);
        assertEquals("/favicon.svg", BakedSite.page("/").expectFirst("link[rel=icon]").attr("href"));
    }

    /**
     * The 404 page stays out of search indexes because it is served with status 404 for every
     * missing address (as GitHub Pages does), is left out of the sitemap and is linked from no
     * page. It carries no robots meta: Lighthouse counts "noindex" against the page's SEO score.
     */
    @Test
    void notFoundPageIsServedWithStatus404AndLinkedFromNowhere() throws Exception {
        try (StaticServer server = StaticServer.start(BakedSite.dir(), new InetSocketAddress("127.0.0.1", 0))) {
            HttpRequest request = HttpRequest.newBuilder(server.uri().resolve("no-such-page/")).build();
            HttpResponse<String> missing = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(404, missing.statusCode());
            assertEquals(BakedSite.page("/404.html").title(), Jsoup.parse(missing.body()).title());
        }
        List<String> linking = new ArrayList<>();
        for (Path file : BakedSite.htmlFiles()) {
            if (!BakedSite.parse(file).select("a[href$=404.html]").isEmpty()) {
                linking.add(BakedSite.sitePath(file));
            }
        }
        assertEquals(List.of(), linking);
    }

    @Test
    void noPlaceholderTextIsPublished() {
        for (Path file : BakedSite.htmlFiles()) {
            String text = BakedSite.parse(file).text().toLowerCase(Locale.ROOT);
            for (String placeholder : List.of("lorem ipsum", "todo", "tbd", "example.com", "placeholder")) {
                assertFalse(text.contains(placeholder), file + " contains " + placeholder);
            }
        }
    }
}
