package com.sethihemant.site.links;

import com.sethihemant.site.SiteException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static com.sethihemant.site.links.OutcomeAssertions.assertKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What makes the weekly link-rot report useful to the owner: findings name the source file and
 * line each page was baked from, and ignore entries of links.yml last until their date.
 */
class WeeklyReportTest {

    @TempDir
    Path project;
    private Path site;
    private final FakeTime time = new FakeTime(Instant.parse("2026-06-01T06:17:00Z"));

    @BeforeEach
    void bakedSite() throws IOException {
        site = Files.createDirectories(project.resolve("blog/target/site"));
        Files.createDirectories(site.resolve("blog/2026/notes"));
        Files.writeString(site.resolve("blog/2026/notes/index.html"), "<!doctype html>\n<nav><a href=\"/\">Home</a></nav>\n"
                + "<main><p>See <a href=\"/missing/\">the missing page</a>.</p>\n"
                + "<p><a href=\"/old/\">an old page</a></p></main>\n");
        Files.writeString(site.resolve("index.html"), "<p>home</p>");
        Files.writeString(site.resolve(".sources.json"), "{\"version\": 1, \"pages\": {\n"
                + "  \"blog/2026/notes/index.html\": \"blog/src/main/jbake/content/blog/2026/notes.adoc\"\n}}\n");
        Path source = project.resolve("blog/src/main/jbake/content/blog/2026/notes.adoc");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "= Notes\n:jbake-type: post\n:jbake-status: published\n:jbake-date: 2026-05-01\n\n"
                + "See link:/missing/[the missing page].\n\nlink:/old/[an old page]\n");
    }

    private LinkReport check(LinkPolicy policy) {
        return new LinkChecker(policy, time, time, new SplittableRandom(1))
                .check(LinkCheckOptions.internalOnly(site, "https://www.sethihemant.com"), Progress.NONE);
    }

    private LinkResult result(LinkReport report, String raw) {
        return report.results().stream().filter(r -> r.link().raw().equals(raw)).findFirst().orElseThrow();
    }

    @Test
    void aFindingNamesTheSourceAndItsLineBesideThePage() {
        LinkResult missing = result(check(LinkPolicy.defaults()), "/missing/");
        assertEquals("blog/2026/notes/index.html", missing.link().page());
        assertEquals(3, missing.link().line());
        assertEquals("blog/src/main/jbake/content/blog/2026/notes.adoc", missing.link().source());
        assertEquals(6, missing.link().sourceLine());
    }

    @Test
    void aLinkOfTheThemeNamesTheSourceWithoutALine() {
        LinkResult home = result(check(LinkPolicy.defaults()), "/");
        assertEquals("blog/src/main/jbake/content/blog/2026/notes.adoc", home.link().source());
        assertEquals(0, home.link().sourceLine(), "the navigation is not written in the post");
    }

    @Test
    void annotationsPointAtTheSourceInTheCheckoutAndTheMarkdownNamesIt() {
        LinkReport report = check(LinkPolicy.defaults());
        StringWriter out = new StringWriter();
        report.printAnnotations(new PrintWriter(out), site, project.toString());
        assertTrue(out.toString().contains("::error file=blog/src/main/jbake/content/blog/2026/notes.adoc,line=6,"
                + "title=Broken link::blog/2026/notes/index.html:3: https://www.sethihemant.com/missing/"), out.toString());
        assertTrue(report.toMarkdown().contains("| `blog/src/main/jbake/content/blog/2026/notes.adoc:6` |"), report.toMarkdown());
        Map<?, ?> json = (Map<?, ?>) ReportJson.parse(report.toJson());
        Map<?, ?> first = (Map<?, ?>) ((List<?>) json.get("results")).stream()
                .filter(r -> "/missing/".equals(((Map<?, ?>) r).get("raw"))).findFirst().orElseThrow();
        assertEquals(6, ((Number) first.get("sourceLine")).intValue());
    }

    @Test
    void anIgnoreEntryHoldsUntilItsDate() throws IOException {
        Path config = project.resolve("links.yml");
        Files.writeString(config, "ignore:\n  - url: /old/$\n    until: 2026-06-30\n    reason: the page moves in July\n");
        LinkReport report = check(LinkPolicy.load(config));
        Outcome skipped = assertKind(Outcome.Kind.SKIPPED, result(report, "/old/").outcome());
        assertEquals("ignored by links.yml until 2026-06-30: the page moves in July", skipped.detail());
        assertEquals(List.of(), report.warnings());
    }

    @Test
    void anExpiredIgnoreEntryIsCheckedAgainAndWarnsAtItsLine() throws IOException {
        Path config = project.resolve("links.yml");
        Files.writeString(config, "exclude: []\nignore:\n  - '/missing/$'\n  - url: /old/$\n    until: 2026-05-31\n");
        LinkReport report = check(LinkPolicy.load(config));
        assertKind(Outcome.Kind.SKIPPED, result(report, "/missing/").outcome());
        assertKind(Outcome.Kind.BROKEN, result(report, "/old/").outcome());
        assertEquals(List.of(config + ":4: the ignore entry for '/old/$' expired on 2026-05-31; its links are checked"
                + " again: fix them, then remove the entry (or give it a later until:)"), report.warnings());
        StringWriter out = new StringWriter();
        report.printAnnotations(new PrintWriter(out), site, null);
        assertTrue(out.toString().contains("::warning file=" + ReportFormats.property(config.toString()) + ",line=4,title=Link policy::"
                + "the ignore entry for '/old/$' expired"), out.toString());
    }

    @Test
    void anIgnoreDateMustBeADate() throws IOException {
        Path config = project.resolve("links.yml");
        Files.writeString(config, "ignore:\n  - url: /old/\n    until: next summer\n");
        SiteException e = assertThrows(SiteException.class, () -> LinkPolicy.load(config));
        assertEquals(config + ":3: 'ignore[0].until' must be a date written YYYY-MM-DD, such as 2026-11-23, not 'next summer'",
                e.getMessage());
    }
}
