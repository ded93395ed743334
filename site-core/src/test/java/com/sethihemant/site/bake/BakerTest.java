package com.sethihemant.site.bake;

import com.sethihemant.site.FixtureSite;
import com.sethihemant.site.Problem;
import com.sethihemant.site.SiteException;
import com.sethihemant.site.content.Document;
import com.sethihemant.site.theme.Listing;
import com.sethihemant.site.theme.PostPage;
import com.sethihemant.site.theme.PostLink;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BakerTest {

    /** "Today" for every test: posts dated after it are scheduled, not published. */
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private FixtureSite site;
    private Path output;

    @BeforeEach
    void setUp() {
        site = new FixtureSite(dir.resolve("src"));
        output = dir.resolve("out/site");
        site.page("index", "Home.");
        site.page("404", "Not found.");
    }

    private BakeResult bake() {
        return bake(false);
    }

    private BakeResult bake(boolean preview) {
        try (Baker baker = new Baker(FixtureSite.parser(), TODAY)) {
            return baker.bake(site.sources(), output, preview ? BakeOptions.PREVIEW : BakeOptions.PUBLISH);
        }
    }

    private org.jsoup.nodes.Document html(String relative) throws IOException {
        return Jsoup.parse(output.resolve(relative).toFile(), "UTF-8");
    }

    private List<String> links(String relative, String selector) throws IOException {
        return html(relative).select(selector).eachAttr("href");
    }

    private Set<String> files() throws IOException {
        try (Stream<Path> walk = Files.walk(output)) {
            return walk.filter(Files::isRegularFile).map(p -> output.relativize(p).toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private String everything() throws IOException {
        StringBuilder all = new StringBuilder();
        for (String file : files()) {
            all.append(Files.readString(output.resolve(file)));
        }
        return all.toString();
    }

    @Test
    void publishesPostsAtDirectoryUrlsWithListingsFeedAndSitemap() throws IOException {
        site.post("alpha", "2026-01-10", "published", "storage");
        BakeResult result = bake();
        assertEquals(1, result.posts());
        assertTrue(files().containsAll(List.of("index.html", "404.html", "blog/index.html",
                "blog/2026/alpha/index.html", "tags/index.html", "tags/storage/index.html", "archive/index.html",
                "feed.xml", "sitemap.xml", "robots.txt")), files().toString());
        assertEquals(List.of("/blog/2026/alpha/"), links("blog/index.html", "ul.posts a"));
        assertEquals(List.of("/blog/2026/alpha/"), links("tags/storage/index.html", "ul.posts a"));
        assertEquals(List.of("/tags/storage/"), links("tags/index.html", "ul.tags a"));
    }

    @Test
    void leavesDraftsAndFuturePostsOutOfEveryOutput() throws IOException {
        site.post("visible", "2026-06-15", "published", "shared");
        site.post("drafted", "2026-01-01", "draft", "shared", "draft-only");
        site.post("scheduled", "2026-06-16", "published", "shared", "future-only");
        BakeResult result = bake();

        assertEquals(2, result.skipped());
        Set<String> files = files();
        assertTrue(files.stream().noneMatch(f -> f.contains("drafted") || f.contains("scheduled")
                || f.endsWith("-draft.html") || f.contains("draft-only") || f.contains("future-only")), files.toString());
        String all = everything();
        assertFalse(all.contains("drafted"), "a draft is mentioned somewhere in the output");
        assertFalse(all.contains("scheduled"), "a future post is mentioned somewhere in the output");
        assertEquals(List.of("/blog/2026/visible/"), links("tags/shared/index.html", "ul.posts a"));
    }

    @Test
    void previewIncludesDraftsAndFuturePosts() throws IOException {
        site.post("drafted", "2026-01-01", "draft");
        site.post("scheduled", "2027-01-01", "published");
        bake(true);
        assertTrue(Files.exists(output.resolve("blog/2026/drafted/index.html")));
        assertTrue(Files.exists(output.resolve("blog/2027/scheduled/index.html")));
    }

    @Test
    void linksEachPostToItsNewerAndOlderNeighbours() throws IOException {
        site.post("first", "2026-01-01", "published");
        site.post("second", "2026-02-01", "published");
        site.post("draft-between", "2026-02-15", "draft");
        site.post("third", "2026-03-01", "published");
        bake();

        org.jsoup.nodes.Document first = html("blog/2026/first/index.html");
        org.jsoup.nodes.Document second = html("blog/2026/second/index.html");
        org.jsoup.nodes.Document third = html("blog/2026/third/index.html");
        assertAll(
                () -> assertNull(first.selectFirst("a.older")),
                () -> assertEquals("/blog/2026/second/", first.expectFirst("a.newer").attr("href")),
                () -> assertEquals("/blog/2026/first/", second.expectFirst("a.older").attr("href")),
                () -> assertEquals("/blog/2026/third/", second.expectFirst("a.newer").attr("href")),
                () -> assertEquals("/blog/2026/second/", third.expectFirst("a.older").attr("href")),
                () -> assertNull(third.selectFirst("a.newer")));
    }

    @Test
    void paginatesTheBlogIndexNewestFirst() throws IOException {
        for (int i = 1; i <= 5; i++) {
            site.post("post-" + i, "2026-0" + i + "-01", "published");
        }
        bake();
        assertEquals(List.of("/blog/2026/post-5/", "/blog/2026/post-4/"), links("blog/index.html", "ul.posts a"));
        assertEquals(List.of("/blog/2026/post-3/", "/blog/2026/post-2/"), links("blog/page/2/index.html", "ul.posts a"));
        assertEquals(List.of("/blog/2026/post-1/"), links("blog/page/3/index.html", "ul.posts a"));
        assertEquals(List.of("/blog/page/2/"), links("blog/index.html", "a.older"));
        assertEquals(List.of("/blog/"), links("blog/page/2/index.html", "a.newer"));
        assertEquals(List.of(), links("blog/page/3/index.html", "a.older"));
        assertFalse(Files.exists(output.resolve("blog/page/4")));
    }

    @Test
    void feedIsAtomWithEveryRequiredElementAndFullContent() throws Exception {
        site.post("old", "2026-01-01", "published", "a");
        site.write("content/blog/new.adoc", "= New & <improved>\n:jbake-type: post\n:jbake-status: published\n"
                + ":jbake-date: 2026-02-01\n:jbake-updated: 2026-03-01\n\nFull *content* here.\n");
        bake();

        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document feed = factory.newDocumentBuilder().parse(output.resolve("feed.xml").toFile());
        String atom = "http://www.w3.org/2005/Atom";
        org.w3c.dom.Element root = feed.getDocumentElement();
        assertEquals(atom, root.getNamespaceURI());
        assertEquals("feed", root.getLocalName());
        assertEquals("https://example.org/", direct(root, "id").get(0).getTextContent());
        assertEquals("Fixture", direct(root, "title").get(0).getTextContent());
        assertEquals("2026-03-01T00:00:00Z", direct(root, "updated").get(0).getTextContent(),
                "the feed's updated time comes from the newest change in the content");
        assertEquals("Test Author", ((org.w3c.dom.Element) direct(root, "author").get(0))
                .getElementsByTagNameNS(atom, "name").item(0).getTextContent());
        assertTrue(direct(root, "link").stream().anyMatch(l -> ((org.w3c.dom.Element) l).getAttribute("rel")
                .equals("self") && ((org.w3c.dom.Element) l).getAttribute("href").equals("https://example.org/feed.xml")));

        List<Node> entries = direct(root, "entry");
        assertEquals(2, entries.size());
        org.w3c.dom.Element newest = (org.w3c.dom.Element) entries.get(0);
        for (String required : List.of("id", "title", "updated", "published", "link", "content", "summary")) {
            assertEquals(1, direct(newest, required).size(), "entry needs exactly one " + required);
        }
        assertEquals("tag:example.org,2026-02-01:/blog/2026/new/", direct(newest, "id").get(0).getTextContent());
        assertEquals("New & <improved>", direct(newest, "title").get(0).getTextContent());
        assertEquals("2026-03-01T00:00:00Z", direct(newest, "updated").get(0).getTextContent());
        org.w3c.dom.Element content = (org.w3c.dom.Element) direct(newest, "content").get(0);
        assertEquals("html", content.getAttribute("type"));
        assertEquals("Full content here.", Jsoup.parse(content.getTextContent()).text());
    }

    @Test
    void feedIdsAreStableAcrossBakes() throws IOException {
        site.post("old", "2026-01-01", "published");
        bake();
        String first = Files.readString(output.resolve("feed.xml"));
        site.post("newer", "2026-02-01", "published");
        bake();
        String second = Files.readString(output.resolve("feed.xml"));
        String id = "<id>tag:example.org,2026-01-01:/blog/2026/old/</id>";
        assertTrue(first.contains(id) && second.contains(id));
    }

    @Test
    void sitemapListsExactlyThePublishedPages() throws Exception {
        site.post("one", "2026-01-01", "published", "t");
        site.post("two", "2026-02-01", "draft", "t");
        site.page("about", "About.");
        bake();

        Set<String> expected = new TreeSet<>();
        for (String file : files()) {
            if (file.endsWith(".html") && !file.equals("404.html")) {
                expected.add("https://example.org/" + file.replaceFirst("index\\.html$", ""));
            }
        }
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        NodeList locs = factory.newDocumentBuilder().parse(output.resolve("sitemap.xml").toFile())
                .getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        Set<String> listed = new TreeSet<>();
        for (int i = 0; i < locs.getLength(); i++) {
            listed.add(locs.item(i).getTextContent());
        }
        assertEquals(expected, listed);
        assertTrue(listed.contains("https://example.org/blog/2026/one/"));
        assertEquals("User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n",
                Files.readString(output.resolve("robots.txt")));
    }

    @Test
    void twoBakesOfTheSameSourcesAreByteIdentical() throws IOException {
        site.post("one", "2026-01-01", "published", "x", "y");
        site.post("two", "2026-01-01", "published", "y");
        bake();
        Map<String, byte[]> first = snapshot();
        bake();
        Map<String, byte[]> second = snapshot();
        assertEquals(first.keySet(), second.keySet());
        first.forEach((file, bytes) -> assertArrayEquals(bytes, second.get(file), file));
    }

    @Test
    void failingTemplateFailsTheBakeNamingTemplateLineAndPageAndKeepsThePreviousSite() throws IOException {
        site.post("one", "2026-01-01", "published");
        bake();
        byte[] before = Files.readAllBytes(output.resolve("blog/2026/one/index.html"));
        site.write("templates/post.tpl", "html {\n  body {\n    p { yield content.noSuchProperty.length() }\n  }\n}\n");

        SiteException e = assertThrows(SiteException.class, this::bake);
        var problem = e.problems().get(0);
        assertEquals(site.root().resolve("templates/post.tpl"), problem.file());
        assertEquals(3, problem.line());
        assertTrue(problem.message().contains("one.adoc"), problem.message());
        assertArrayEquals(before, Files.readAllBytes(output.resolve("blog/2026/one/index.html")));
        assertNoStagingFoldersLeft();
    }

    @Test
    void badContentFailsTheBakeListingEveryFileAndKeepsThePreviousSite() throws IOException {
        site.post("good", "2026-01-01", "published");
        bake();
        Set<String> before = files();
        site.write("content/blog/bad-one.adoc", "= Bad\n:jbake-type: post\n:jbake-status: published\n\nno date\n");
        site.write("content/blog/bad-two.adoc", "= Bad\n:jbake-type: post\n:jbake-status: sometime\n"
                + ":jbake-date: 2026-01-01\n\nx\n");

        SiteException e = assertThrows(SiteException.class, this::bake);
        assertEquals(2, e.problems().size(), e.getMessage());
        assertEquals(before, files());
        assertNoStagingFoldersLeft();
    }

    @Test
    void twoSourcesWithTheSameUrlAreAnError() {
        site.post("same", "2026-01-01", "published");
        site.write("content/blog/2026/same.adoc", "= Same\n:jbake-type: post\n:jbake-status: published\n"
                + ":jbake-date: 2026-05-05\n\nx\n");
        SiteException e = assertThrows(SiteException.class, this::bake);
        assertTrue(e.getMessage().contains("/blog/2026/same/"), e.getMessage());
    }

    @Test
    void markdownInTheContentFolderIsAnErrorNotARawFile() {
        site.write("content/blog/notes.md", "# Notes\n");
        SiteException e = assertThrows(SiteException.class, this::bake);
        assertTrue(e.getMessage().contains("notes.md") && e.getMessage().contains("not AsciiDoc"), e.getMessage());
    }

    @Test
    void sourceThatWouldOverwriteAGeneratedPageIsAnError() {
        site.write("content/tags/index.adoc", "= Tags\n:jbake-type: page\n:jbake-status: published\n\nx\n");
        SiteException e = assertThrows(SiteException.class, this::bake);
        assertTrue(e.getMessage().contains("generates itself"), e.getMessage());
    }

    @Test
    void writesNothingOutsideTheOutputFolder() throws IOException {
        site.post("one", "2026-01-01", "published");
        Files.createDirectories(output.getParent());
        Set<String> before = listing(Path.of("").toAbsolutePath());
        Set<String> beforeParent = listing(output.getParent());
        bake();
        assertEquals(before, listing(Path.of("").toAbsolutePath()), "the bake wrote into the working directory");
        Set<String> afterParent = listing(output.getParent());
        afterParent.remove("site");
        assertEquals(beforeParent, afterParent);
    }

    @Test
    void copiesFilesBesideSourcesSoPostsCanKeepTheirImages() throws IOException {
        site.write("content/blog/2026/with-image/index.adoc", "= Pictures\n:jbake-type: post\n:jbake-status: published\n"
                + ":jbake-date: 2026-01-01\n\nimage::diagram.svg[A diagram]\n");
        site.write("content/blog/2026/with-image/diagram.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        bake();
        Element img = html("blog/2026/with-image/index.html").expectFirst("img");
        assertEquals("diagram.svg", img.attr("src"));
        assertTrue(Files.exists(output.resolve("blog/2026/with-image/diagram.svg")));
    }

    @Test
    void aPostFolderWhoseYearIsNotItsDatesFailsAtTheImageItWouldBreak() throws IOException {
        Path source = site.write("content/blog/with-image/index.adoc", "= Pictures\n:jbake-type: post\n:jbake-status: published\n"
                + ":jbake-date: 2026-01-01\n\nimage::diagram.svg[A diagram]\n");
        site.write("content/blog/with-image/diagram.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        SiteException e = assertThrows(SiteException.class, this::bake);
        Problem problem = e.problems().get(0);
        assertEquals(source, problem.file());
        assertEquals(6, problem.line());
        assertTrue(problem.message().contains("the image 'diagram.svg' leads to /blog/2026/with-image/diagram.svg,"
                + " which the site does not have"), problem.message());
        assertTrue(problem.message().contains("blog/2026/with-image/"), problem.message());
    }

    /** Bakes with a renderer that keeps each post page's model, by URL. */
    private Map<String, PostPage> postModels() {
        Map<String, PostPage> models = new TreeMap<>();
        Pages.PageRenderer keeping = (templates, page, what) -> {
            if (page instanceof PostPage post) {
                models.put(post.page().url(), post);
            }
            return Pages.PageRenderer.DIRECT.render(templates, page, what);
        };
        try (Baker baker = new Baker(FixtureSite.parser(), TODAY, keeping, 1)) {
            baker.bake(site.sources(), output, BakeOptions.PUBLISH);
        }
        return models;
    }

    private static List<String> urls(List<PostLink> posts) {
        return posts.stream().map(PostLink::url).toList();
    }

    @Test
    void relatedPostsShareTheMostTopicTagsClosestInTimeFirstAmongEquals() {
        site.post("subject", "2026-01-01", "published", "a", "b", "notes");
        site.post("shares-both", "2026-01-02", "published", "a", "b");
        site.post("shares-a-old", "2026-01-03", "published", "a");
        site.post("shares-a-new", "2026-01-04", "published", "a");
        site.post("shares-series-only", "2026-01-05", "published", "notes");
        site.post("unrelated", "2026-01-06", "published", "c");
        site.post("also-shares-b", "2026-01-07", "published", "b");
        List<String> related = urls(postModels().get("/blog/2026/subject/").related());
        assertEquals(List.of("/blog/2026/shares-both/", "/blog/2026/shares-a-old/", "/blog/2026/shares-a-new/"), related);
    }

    @Test
    void seriesPostsKnowTheirPlaceAndNeighboursInReadingOrder() {
        site.post("first-note", "2026-01-01", "published", "notes");
        site.post("not-a-note", "2026-01-02", "published", "other");
        site.post("second-note", "2026-01-03", "published", "notes");
        site.post("third-note", "2026-01-04", "published", "notes");
        Map<String, PostPage> models = postModels();
        Listing.Series second = models.get("/blog/2026/second-note/").series();
        assertAll(
                () -> assertEquals(2, second.position()),
                () -> assertEquals(3, second.total()),
                () -> assertEquals("/blog/2026/first-note/", second.previous().url()),
                () -> assertEquals("/blog/2026/third-note/", second.next().url()),
                () -> assertEquals("/tags/notes/", second.url()),
                () -> assertNull(models.get("/blog/2026/first-note/").series().previous()),
                () -> assertNull(models.get("/blog/2026/not-a-note/").series()));
    }

    @Test
    void editLinksPointAtTheSourceInTheProject() {
        site.post("edited", "2026-01-01", "published");
        assertEquals("https://git.example/site/edit/main/content/blog/edited.adoc",
                postModels().get("/blog/2026/edited/").editUrl());
    }

    @Test
    void editUrlGivenToTheBakeOverridesTheConfiguration() throws IOException {
        site.post("edited", "2026-01-01", "published");
        site.write("templates/post.tpl", "p(class: 'edit') { yield editUrl ?: 'none' }\n");
        try (Baker baker = new Baker(FixtureSite.parser(), TODAY)) {
            baker.bake(site.sources(), output, BakeOptions.PUBLISH.withEditUrl("https://other.example/edit/"));
        }
        assertEquals("https://other.example/edit/content/blog/edited.adoc",
                html("blog/2026/edited/index.html").expectFirst("p.edit").text());
    }

    @Test
    void relatedPostsAreFoundNearbyEvenWhenATagHasManyPosts() {
        for (int i = 0; i < 60; i++) {
            site.post("p" + i, LocalDate.of(2026, 1, 1).plusDays(i).toString(), "published", "common");
        }
        List<String> related = urls(postModels().get("/blog/2026/p30/").related());
        assertEquals(List.of("/blog/2026/p31/", "/blog/2026/p29/", "/blog/2026/p32/"), related);
    }

    /**
     * Stock JBake looks up all posts of a type while rendering each post, so its bake grows with
     * the square of the post count. Here a post page receives only its own neighbours: this
     * checks that no post model holds anything that grows with the number of posts.
     */
    @Test
    void postPagesReceiveNoCollectionThatGrowsWithThePostCount() {
        int posts = 40;
        for (int i = 0; i < posts; i++) {
            site.post("p" + i, "2026-01-" + String.format("%02d", 1 + i % 28), "published", "t" + (i % 3));
        }
        List<Integer> largest = new ArrayList<>();
        int[] renders = new int[1];
        Pages.PageRenderer recording = (templates, page, what) -> {
            renders[0]++;
            if (page instanceof PostPage) {
                largest.add(TemplateModel.of(page).values().stream().mapToInt(BakerTest::sizeOf).max().orElse(0));
            }
            return Pages.PageRenderer.DIRECT.render(templates, page, what);
        };
        try (Baker baker = new Baker(FixtureSite.parser(), TODAY, recording, 1)) {
            baker.bake(site.sources(), output, BakeOptions.PUBLISH);
        }

        assertEquals(posts, largest.size(), "each post is rendered exactly once");
        assertTrue(largest.stream().allMatch(size -> size <= 3),
                "a post model holds a list that grows with the posts: " + largest);
        int pages = 2;
        int blogPages = posts / 2;
        int tagPages = 3 + 1;
        assertEquals(posts + pages + blogPages + tagPages + 1, renders[0], "pages rendered in all");
    }

    private static int sizeOf(Object value) {
        if (value instanceof Collection<?> c) {
            return c.size();
        }
        if (value instanceof Map<?, ?> m) {
            return m.size();
        }
        return 0;
    }

    private Map<String, byte[]> snapshot() throws IOException {
        Map<String, byte[]> bytes = new TreeMap<>();
        for (String file : files()) {
            bytes.put(file, Files.readAllBytes(output.resolve(file)));
        }
        return bytes;
    }

    private void assertNoStagingFoldersLeft() throws IOException {
        assertEquals(Set.of("site"), listing(output.getParent()));
    }

    private static Set<String> listing(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static List<Node> direct(Node parent, String localName) {
        List<Node> children = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (localName.equals(node.getLocalName())) {
                children.add(node);
            }
        }
        return children;
    }
}
