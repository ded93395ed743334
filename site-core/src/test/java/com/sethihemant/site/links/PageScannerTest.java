package com.sethihemant.site.links;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import static com.sethihemant.site.links.Fixtures.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageScannerTest {

    private static PageScan scan(String page) throws IOException {
        return PageScanner.scan("extraction/" + page, PageScanner.read(Fixtures.path("extraction/" + page)),
                url("https://www.sethihemant.com/extraction/" + page));
    }

    private static List<String> found(PageScan scan) {
        return scan.links().stream().map(l -> l.line() + " " + l.context() + " " + l.raw()).toList();
    }

    @Test
    void findsEveryKindOfLinkWithItsLine() throws IOException {
        assertEquals(List.of(
                "6 link href /css/site.css",
                "9 link href /favicon.ico",
                "10 meta og:image /img/card.png",
                "11 meta og:url https://www.sethihemant.com/extraction/all-kinds.html",
                "12 meta twitter:image https://cdn.example.org/card.png",
                "14 script src /js/site.js",
                "16 style url() /img/bg.png",
                "21 a href /about/",
                "22 a href https://github.com/roolerzz",
                "22 img src /img/gh.svg",
                "23 area href /area-target/",
                "24 img src /img/photo.jpg",
                "25 img srcset /img/a-300.jpg",
                "25 img srcset /img/a-600.jpg",
                "26 source srcset /img/b.avif",
                "26 source src /media/b.webm",
                "27 iframe src https://www.youtube-nocookie.example/embed/x",
                "28 video src /media/talk.mp4",
                "28 video poster /img/poster.jpg",
                "28 track src /media/talk.vtt",
                "29 audio src /media/talk.mp3",
                "30 style attribute url() /img/inline.png",
                "32 a href javascript:void(0)",
                "33 a href mailto:sethi.hemant@gmail.com",
                "34 a href tel:+1-555-010-9999",
                "35 a href //example.net/scheme-relative"), found(scan("all-kinds.html")));
    }

    @Test
    void findsTheUrlsOfSvgQuotationsAndOlderAttributes() {
        String html = """
                <!doctype html><body>
                <svg><use href="/icons.svg#github"></use><use xlink:href="/icons.svg#mail"></use>
                <image href="/img/chart.png"></image><a xlink:href="/svg-link/"><text>x</text></a></svg>
                <blockquote cite="https://example.org/talk">Q</blockquote><q cite="/quotes/">q</q>
                <del cite="/changes/#r1">old</del><ins cite="/changes/#r2">new</ins>
                <input type="image" src="/img/go.png" alt="Go"><input type="text" src="/not-an-image.png">
                <table background="/img/table.png"><tr><td background="/img/cell.png">x</td></tr></table>
                <link rel="preload" as="image" href="/img/hero.jpg" imagesrcset="/img/hero-1x.jpg 1x, /img/hero-2x.jpg 2x">
                <blockquote cite="Ada Lovelace">a name, not a URL</blockquote><table background="#fff"></table>
                """;
        PageScan scan = PageScanner.scan("svg.html", PageScanner.parse(html), url("https://www.sethihemant.com/svg.html"));
        assertEquals(Set.of(
                "2 use href /icons.svg#github", "2 use xlink:href /icons.svg#mail",
                "3 image href /img/chart.png", "3 a xlink:href /svg-link/",
                "4 blockquote cite https://example.org/talk", "4 q cite /quotes/",
                "5 del cite /changes/#r1", "5 ins cite /changes/#r2",
                "6 input src /img/go.png",
                "7 table background /img/table.png", "7 td background /img/cell.png",
                "8 link href /img/hero.jpg", "8 link imagesrcset /img/hero-1x.jpg", "8 link imagesrcset /img/hero-2x.jpg"),
                Set.copyOf(found(scan)));
    }

    @Test
    void linkTextFallsBackToTheImageAltText() throws IOException {
        PageScan scan = scan("all-kinds.html");
        PageScan.RawLink github = scan.links().stream()
                .filter(l -> l.raw().equals("https://github.com/roolerzz")).findFirst().orElseThrow();
        assertEquals("GitHub", github.text());
    }

    @Test
    void collectsIdsAndAnchorNamesAsFragmentTargets() throws IOException {
        PageScan scan = PageScanner.scan("p.html",
                PageScanner.parse("<h2 id=intro>x</h2><a name=legacy>y</a><map name=m></map><p id=\"caf\u00e9\">z</p>"),
                url("https://site.invalid/p.html"));
        assertEquals(Set.of("intro", "legacy", "caf\u00e9"), scan.anchors());
    }

    @Test
    void honoursBaseHrefForEveryRelativeUrlIncludingFragments() throws Exception {
        PageScan scan = scan("base-href.html");
        List<String> resolved = scan.links().stream().map(l -> resolve(l).toString()).toList();
        assertEquals(List.of(
                "https://www.sethihemant.com/blog/2026/slug/",
                "https://www.sethihemant.com/blog/2026/#intro",
                "https://www.sethihemant.com/about/",
                "https://www.sethihemant.com/about/"), resolved);
    }

    @Test
    void readsJsonLdUrlFieldsWithTheirLinesAndSkipsIdentifiersAndText() throws IOException {
        PageScan scan = scan("json-ld.html");
        assertEquals(List.of(
                "9 json-ld url https://www.sethihemant.com/blog/2026/slug/",
                "10 json-ld image /img/one.png",
                "10 json-ld image /img/two.png",
                "11 json-ld sameAs https://github.com/roolerzz",
                "12 json-ld url /img/logo.png"), found(scan));
    }

    @Test
    void reportsJsonLdThatIsNotJsonAsAWarningWithItsLine() throws IOException {
        PageScan scan = scan("json-ld.html");
        assertEquals(1, scan.findings().size());
        LinkResult finding = scan.findings().get(0);
        assertEquals(16, finding.link().line());
        assertEquals(Outcome.Severity.WARNING, finding.severity());
        assertTrue(finding.link().notes().get(0).contains("not valid JSON"), finding.link().notes().toString());
    }

    @Test
    void findsTheMetaRefreshTarget() throws IOException {
        assertEquals(List.of("4 meta refresh /moved/"), found(scan("refresh.html")));
    }

    @Test
    void givesEachSrcsetCandidateItsOwnLine() throws IOException {
        List<String> lines = found(scan("srcset.html")).stream().filter(s -> s.contains("/img/h.png") || s.contains("/img/i.png")).toList();
        assertEquals(List.of("8 img srcset /img/h.png", "9 img srcset /img/i.png"), lines);
    }

    @Test
    void readsUrlsInStyleSheetsButNotInComments() {
        PageScan scan = PageScanner.scanCss("css/site.css",
                "@import \"print.css\";\nbody { background: url(/img/bg.png) }\n/* url(/img/old.png) */\n"
                        + "@font-face { src: url('../fonts/a.woff2') format('woff2'), url(data:font/woff2;base64,AAAA) }\n",
                url("https://site.invalid/css/site.css"));
        assertEquals(List.of("1 css url() print.css", "2 css url() /img/bg.png", "4 css url() ../fonts/a.woff2",
                "4 css url() data:font/woff2;base64,AAAA"), found(scan));
        assertEquals("https://site.invalid/fonts/a.woff2", resolve(scan.links().get(2)).toString());
    }

    private static Url resolve(PageScan.RawLink link) {
        try {
            return Urls.resolve(link.base(), Urls.clean(link.raw()).value());
        } catch (BadUrlException e) {
            throw new AssertionError(link.raw() + " " + e.getMessage(), e);
        }
    }
}
