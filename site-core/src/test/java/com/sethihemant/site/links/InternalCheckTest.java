package com.sethihemant.site.links;

import com.sethihemant.site.ExitCodes;
import com.sethihemant.site.SiteException;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks the fixture site offline. Every {@code a} in its pages states the outcome it must get
 * in a {@code data-expect} attribute, so the expectations sit next to the cases.
 */
class InternalCheckTest {

    private static LinkReport report;

    @BeforeAll
    static void checkTheFixtureSite() {
        report = new LinkChecker(LinkPolicy.defaults())
                .check(LinkCheckOptions.internalOnly(Fixtures.path("site"), "https://www.sethihemant.com"), Progress.NONE);
    }

    /** What a result shows in a report: its kind, or "warning" for a working link with notes. */
    private static String shown(LinkResult result) {
        return result.severity() == Outcome.Severity.WARNING && result.outcome().severity() == Outcome.Severity.OK
                ? "warning" : result.outcome().kind().label();
    }

    private static LinkResult result(String page, int line, String raw) {
        return result(page, line, raw, "");
    }

    private static LinkResult result(String page, int line, String raw, String context) {
        List<LinkResult> matches = report.results().stream()
                .filter(r -> r.link().page().equals(page) && r.link().line() == line && r.link().raw().equals(raw))
                .filter(r -> context.isEmpty() || r.link().context().equals(context))
                .toList();
        assertEquals(1, matches.size(), () -> "one result for " + page + ":" + line + " " + raw + ", found " + matches);
        return matches.get(0);
    }

    /** The first line of a fixture page that contains {@code text}, so tests survive edits to the pages. */
    private static int lineOf(String page, String text) {
        try {
            List<String> lines = Files.readAllLines(Fixtures.path("site/" + page));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError(page + " does not contain " + text);
    }

    @Test
    void everyAnchorGetsTheOutcomeItsPageExpects() throws IOException {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String page : List.of("index.html", "about/index.html", "blog/index.html", "blog/2026/slug/index.html", "404.html")) {
            Document document = PageScanner.read(Fixtures.path("site/" + page));
            for (Element anchor : document.select("a[data-expect]")) {
                int line = anchor.attributes().sourceRange("href").valueRange().start().lineNumber();
                LinkResult result = result(page, line, anchor.attr("href"));
                checked++;
                if (!shown(result).equals(anchor.attr("data-expect"))) {
                    wrong.add(page + ":" + line + " " + anchor.attr("href") + " expected " + anchor.attr("data-expect")
                            + " but was " + shown(result) + " (" + result.outcome().detail() + " " + result.link().notes() + ")");
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(checked > 50, "checked " + checked);
    }

    @Test
    void checksImagesAndTheirSrcsetCandidates() {
        assertEquals("ok", shown(result("index.html", lineOf("index.html", "<img src=\"/img/photo.jpg\""), "/img/photo.jpg", "img src")));
        LinkResult missing2x = report.results().stream()
                .filter(r -> r.link().raw().equals("/img/photo-2x.jpg")).findFirst().orElseThrow();
        assertEquals("broken", shown(missing2x));
        assertEquals("img srcset", missing2x.link().context());
        assertEquals("broken", shown(result("index.html", lineOf("index.html", "/img/missing.png"), "/img/missing.png")));
    }

    @Test
    void checksUrlsInStyleSheetsRelativeToTheSheet() {
        assertEquals("ok", shown(result("css/site.css", lineOf("css/site.css", "print.css"), "print.css")));
        assertEquals("ok", shown(result("css/site.css", lineOf("css/site.css", "../img/bg.png"), "../img/bg.png")));
        assertEquals("ok", shown(result("css/site.css", lineOf("css/site.css", "/fonts/body.woff2"), "/fonts/body.woff2")));
        LinkResult logo = result("css/site.css", lineOf("css/site.css", "/img/missing-logo.svg"), "/img/missing-logo.svg");
        assertEquals("broken", shown(logo));
        assertTrue(logo.outcome().detail().contains("img/missing-logo.svg"), logo.outcome().detail());
    }

    @Test
    void treatsTheSitesOwnAbsoluteUrlsInMetaAndLinkAsInternal() {
        assertEquals("ok", shown(result("index.html", lineOf("index.html", "canonical"), "https://www.sethihemant.com/")));
        assertEquals("ok", shown(result("index.html", lineOf("index.html", "og:image"), "https://www.sethihemant.com/img/card.png")));
    }

    @Test
    void namesTheMissingIdInABrokenFragment() {
        LinkResult result = result("index.html", lineOf("index.html", "#nowhere"), "#nowhere");
        assertEquals("the page index.html has no element with id \"nowhere\"", result.outcome().detail());
    }

    @Test
    void namesTheNewAddressOfAFolderLinkedWithoutItsSlash() {
        Outcome outcome = result("index.html", lineOf("index.html", "\"/about\""), "/about").outcome();
        assertEquals(Outcome.redirected("https://www.sethihemant.com/about/",
                "a folder: the host redirects to its address with a trailing slash"), outcome);
    }

    @Test
    void failsTheRunAndCountsEachOutcome() {
        assertTrue(report.failed());
        assertEquals(report.count(Outcome.Kind.BROKEN) + report.count(Outcome.Kind.INVALID), report.errors());
        assertEquals(5, report.pages() - 1, "six pages including blog/café/index.html");
    }

    @Test
    void aPageWhoseNameHoldsAPercentSignResolvesItsLinksFromItsOwnFolder(@TempDir Path temp) throws IOException {
        Files.createDirectories(temp.resolve("a%2Fb"));
        Files.writeString(temp.resolve("a%2Fb/index.html"), "<a href=\"sibling.html\">s</a>");
        Files.writeString(temp.resolve("a%2Fb/sibling.html"), "<p>x</p>");
        LinkReport percent = new LinkChecker(LinkPolicy.defaults())
                .check(LinkCheckOptions.internalOnly(temp, "https://example.com/"), Progress.NONE);
        assertEquals("https://example.com/a%252Fb/sibling.html", percent.results().get(0).link().url());
        assertEquals("ok", shown(percent.results().get(0)));
    }

    @Test
    void aMissingFolderIsAUsageError(@TempDir Path temp) {
        SiteException e = assertThrows(SiteException.class, () -> new LinkChecker(LinkPolicy.defaults())
                .check(LinkCheckOptions.internalOnly(temp.resolve("nope"), null), Progress.NONE));
        assertEquals(ExitCodes.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("bake the site first"), e.getMessage());
    }

    @Test
    void aBadBaseUrlIsAUsageError(@TempDir Path temp) {
        SiteException e = assertThrows(SiteException.class, () -> new LinkChecker(LinkPolicy.defaults())
                .check(LinkCheckOptions.internalOnly(temp, "www.sethihemant.com"), Progress.NONE));
        assertEquals(ExitCodes.USAGE, e.exitCode());
    }

    @Test
    void aSiteWithoutProblemsPasses(@TempDir Path temp) throws IOException {
        Files.createDirectories(temp.resolve("a"));
        Files.writeString(temp.resolve("index.html"), "<a href=\"/a/#x\">a</a> <a href=\"a/\">a</a>");
        Files.writeString(temp.resolve("a/index.html"), "<h1 id=x>A</h1><a href=\"../\">home</a>");
        LinkReport clean = new LinkChecker(LinkPolicy.defaults())
                .check(LinkCheckOptions.internalOnly(temp, "https://example.com/"), Progress.NONE);
        assertEquals(0, clean.errors());
        assertEquals(3, clean.count(Outcome.Kind.OK));
    }
}
