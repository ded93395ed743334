package com.sethihemant.site.blog;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.json.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the baked site gives readers who find, cite and share: the JSON Feed (checked against the
 * required fields of JSON Feed 1.1), llms.txt, the search page and index, the citation of each
 * post and the paper a note is about, and the forms the Content-Security-Policy lets through.
 */
class ReadersIT {

    private static final String POST = "/blog/2026/dynamo-paper-notes/";

    private static String read(String path) throws IOException {
        return Files.readString(BakedSite.dir().resolve(path));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String path) throws IOException {
        return new Json().toType(read(path), Json.MAP_TYPE);
    }

    private static boolean isRfc3339(Object value) {
        try {
            OffsetDateTime.parse((String) value);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isAbsoluteUrl(Object value) {
        return value instanceof String s && s.startsWith("https://");
    }

    /** Every rule of JSON Feed 1.1 (jsonfeed.org/version/1.1) that a feed must follow, as problems. */
    @SuppressWarnings("unchecked")
    static List<String> jsonFeedProblems(Map<String, Object> feed) {
        List<String> problems = new ArrayList<>();
        if (!"https://jsonfeed.org/version/1.1".equals(feed.get("version"))) {
            problems.add("version must be https://jsonfeed.org/version/1.1: " + feed.get("version"));
        }
        if (!(feed.get("title") instanceof String title) || title.isBlank()) {
            problems.add("title is required");
        }
        for (String url : List.of("home_page_url", "feed_url", "icon", "favicon")) {
            if (feed.containsKey(url) && !isAbsoluteUrl(feed.get(url))) {
                problems.add(url + " must be a URL: " + feed.get(url));
            }
        }
        authorsProblems(feed.get("authors"), "feed", problems);
        if (!(feed.get("items") instanceof List<?> items)) {
            problems.add("items is required, an array");
            return problems;
        }
        Set<Object> ids = new java.util.HashSet<>();
        for (Object each : items) {
            Map<String, Object> item = (Map<String, Object>) each;
            Object id = item.get("id");
            if (!(id instanceof String) || ((String) id).isBlank()) {
                problems.add("every item needs an id (a string): " + item.get("url"));
            } else if (!ids.add(id)) {
                problems.add("ids are unique: " + id);
            }
            if (!(item.get("content_html") instanceof String) && !(item.get("content_text") instanceof String)) {
                problems.add(id + ": content_html or content_text is required");
            }
            for (String url : List.of("url", "image", "external_url", "banner_image")) {
                if (item.containsKey(url) && !isAbsoluteUrl(item.get(url))) {
                    problems.add(id + ": " + url + " must be a URL");
                }
            }
            for (String date : List.of("date_published", "date_modified")) {
                if (item.containsKey(date) && !isRfc3339(item.get(date))) {
                    problems.add(id + ": " + date + " must be RFC 3339: " + item.get(date));
                }
            }
            if (item.containsKey("tags") && !(item.get("tags") instanceof List<?> tags
                    && tags.stream().allMatch(String.class::isInstance))) {
                problems.add(id + ": tags must be an array of strings");
            }
            authorsProblems(item.get("authors"), String.valueOf(id), problems);
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static void authorsProblems(Object authors, String where, List<String> problems) {
        if (authors == null) {
            return;
        }
        if (!(authors instanceof List<?> list) || list.isEmpty()) {
            problems.add(where + ": authors must be a non-empty array");
            return;
        }
        for (Object author : list) {
            Map<String, Object> fields = (Map<String, Object>) author;
            if (!fields.containsKey("name") && !fields.containsKey("url") && !fields.containsKey("avatar")) {
                problems.add(where + ": an author needs a name, url or avatar");
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJsonFeedIsValidJsonFeed11WithTheAtomFeedsEntriesInFull() throws IOException {
        Map<String, Object> feed = json("feed.json");
        assertEquals(List.of(), jsonFeedProblems(feed));
        assertEquals(BakedSite.BASE + "/feed.json", feed.get("feed_url"));
        assertEquals(BakedSite.BASE + "/", feed.get("home_page_url"));

        Document atom = Jsoup.parse(read("feed.xml"), "", Parser.xmlParser());
        List<Map<String, Object>> items = (List<Map<String, Object>>) feed.get("items");
        List<Element> entries = atom.select("feed > entry");
        assertEquals(entries.size(), items.size());
        assertFalse(items.isEmpty());
        for (int i = 0; i < entries.size(); i++) {
            Element entry = entries.get(i);
            Map<String, Object> item = items.get(i);
            assertAll(entry.selectFirst("id").text(),
                    () -> assertEquals(entry.selectFirst("id").text(), item.get("id")),
                    () -> assertEquals(entry.selectFirst("title").text(), item.get("title")),
                    () -> assertEquals(entry.selectFirst("link[rel=alternate]").attr("href"), item.get("url")),
                    () -> assertEquals(entry.selectFirst("published").text(), item.get("date_published")),
                    () -> assertEquals(entry.selectFirst("updated").text(), item.get("date_modified")),
                    () -> assertEquals(entry.select("category").eachAttr("term"), item.get("tags")),
                    // The full content: the same text as Atom's.
                    () -> assertEquals(Jsoup.parse(entry.selectFirst("content").wholeText()).text(),
                            Jsoup.parse((String) item.get("content_html")).text()));
        }
        Map<String, Object> dynamo = items.stream().filter(i -> (BakedSite.BASE + POST).equals(i.get("url"))).findFirst().orElseThrow();
        assertEquals(BakedSite.BASE + "/cards/2026/dynamo-paper-notes.png", dynamo.get("image"));
        Document content = Jsoup.parse((String) dynamo.get("content_html"));
        content.select("a[href]").eachAttr("href").forEach(href -> assertTrue(href.startsWith("https://"), href));
    }

    @Test
    void jsonFeedRulesCatchWhatTheSpecificationForbids() {
        List<String> problems = jsonFeedProblems(Map.of("version", "https://jsonfeed.org/version/1", "title", "",
                "items", List.of(Map.of("id", "a", "url", "/relative/"))));
        // A wrong version, no title, no content, a relative address.
        assertEquals(4, problems.size(), problems.toString());
    }

    @Test
    void llmsTxtListsEveryPageAndPostOfTheSitemapOneLineEach() throws IOException {
        String llms = read("llms.txt");
        assertTrue(llms.startsWith("# Hemant Sethi\n\n> "), llms);
        Matcher line = Pattern.compile("^- \\[(.+)]\\((\\S+)\\): (.+)$", Pattern.MULTILINE).matcher(llms);
        List<String> urls = new ArrayList<>();
        while (line.find()) {
            urls.add(line.group(2));
        }
        Set<String> sitemap = new TreeSet<>(Jsoup.parse(read("sitemap.xml"), "", Parser.xmlParser()).select("loc").eachText());
        assertTrue(sitemap.containsAll(urls), "only what the sitemap lists: " + urls);
        for (String url : sitemap) {
            if (!url.contains("/blog/page/")) {
                assertTrue(urls.contains(url), url + " is in the sitemap but not in llms.txt");
            }
        }
        assertEquals(urls.size(), new TreeSet<>(urls).size());
        assertTrue(llms.contains("- [Notes on Dynamo: Amazon’s Highly Available Key-value Store](" + BakedSite.BASE + POST + "): Notes on the Dynamo paper"),
                llms);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSearchIndexHoldsEveryPublishedPostAndPage() throws IOException {
        Map<String, Object> index = json("search/index.json");
        List<List<Object>> docs = (List<List<Object>>) index.get("docs");
        Set<String> urls = new TreeSet<>();
        docs.forEach(d -> urls.add((String) d.get(0)));
        assertEquals(Set.of(POST, "/", "/about/", "/open-to/", "/writing/"), urls);
        List<Object> dynamo = docs.stream().filter(d -> d.get(0).equals(POST)).findFirst().orElseThrow();
        assertEquals("paper-notes distributed-systems storage databases", dynamo.get(3));
        assertTrue(((List<List<String>>) dynamo.get(5)).contains(List.of("anti-entropy-with-merkle-trees", "Anti-entropy with Merkle trees")));
        // Each heading id is an id of the page, so that a result can link into it.
        Document page = BakedSite.page(POST);
        ((List<List<String>>) dynamo.get(5)).forEach(h -> assertNotNull(page.getElementById(h.get(0)), h.get(0)));
        String words = (String) index.get("words");
        assertTrue((" " + words + " ").contains(" shopping "), "body words are indexed");
    }

    @Test
    void everyPostOffersItsCitationAndANoteLinksItsPaper() {
        Document post = BakedSite.page(POST);
        Element cite = post.expectFirst("article .cite");
        assertEquals("Cite this note", cite.expectFirst("h2").text());
        String text = cite.expectFirst(".cite__text").text();
        for (String part : List.of("Hemant Sethi", "Notes on Dynamo: Amazon’s Highly Available Key-value Store", "23 November 2026",
                BakedSite.BASE + POST)) {
            assertTrue(text.contains(part), part + " in " + text);
        }
        String bibtex = cite.expectFirst("pre code").wholeText();
        assertTrue(bibtex.startsWith("@online{sethi2026dynamo,\n"), bibtex);
        for (String field : List.of("author       = {Sethi, Hemant}", "title        = {{Notes on Dynamo: Amazon’s Highly Available Key-value Store}}",
                "organization = {Hemant Sethi}", "date         = {2026-11-23}", "url          = {" + BakedSite.BASE + POST + "}")) {
            assertTrue(bibtex.contains(field), field + " in " + bibtex);
        }
        Element paper = post.expectFirst(".post-header .paper");
        assertEquals("https://www.allthingsdistributed.com/files/amazon-dynamo-sosp2007.pdf", paper.expectFirst("a").attr("href"));
        assertEquals("The paper Dynamo: Amazon's Highly Available Key-value Store, SOSP 2007", paper.text());
    }

    @Test
    void formsMaySendOnlyToThisSiteAndTheSearchPagesEngine() {
        for (Path file : BakedSite.htmlFiles()) {
            Document page = BakedSite.parse(file);
            String path = BakedSite.sitePath(file);
            String policy = page.expectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
            String expected = path.equals("/search/") ? "form-action 'self' https://duckduckgo.com" : "form-action 'self'";
            assertTrue(policy.endsWith(expected), path + ": " + policy);
            for (Element form : page.select("form")) {
                String action = form.attr("action");
                assertTrue(action.equals("/search/") || path.equals("/search/") && action.equals("https://duckduckgo.com/"),
                        path + ": a form to " + action);
                assertEquals("get", form.attr("method"), path);
            }
        }
        Element engine = BakedSite.page("/search/").expectFirst(".search-fallback form");
        assertEquals("www.sethihemant.com", engine.expectFirst("input[type=hidden][name=sites]").val());
        assertNotNull(engine.selectFirst("label[for=web-search-q]"));
    }
}
