package com.sethihemant.site.content;

import com.sethihemant.site.ExitCodes;
import com.sethihemant.site.FixtureSite;
import com.sethihemant.site.Problem;
import com.sethihemant.site.SiteException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Local references that lead nowhere fail at their source, before the site is written. */
class LocalReferencesTest {

    private static final Set<String> TYPES = Set.of("post", "page");

    @TempDir
    Path dir;
    private FixtureSite site;
    private Path content;
    private final List<Document> documents = new ArrayList<>();
    private final Map<String, byte[]> files = new HashMap<>();

    @BeforeEach
    void setUp() {
        site = new FixtureSite(dir);
        content = dir.resolve("content");
        page("about.adoc", "== Connect\n\nWrite to me.\n");
        files.put("css/site.css", new byte[0]);
    }

    /** Parses a source and adds its page to the site, as the baker would render it. */
    private Path page(String relative, String body) {
        Path file = site.write("content/" + relative, "= A page\n:jbake-type: page\n:jbake-status: published\n\n" + body);
        add(file);
        return file;
    }

    private Path post(String relative, String body) {
        Path file = site.write("content/" + relative, "= A post\n:jbake-type: post\n:jbake-status: published\n"
                + ":jbake-date: 2026-03-01\n\n" + body);
        add(file);
        return file;
    }

    private void add(Path file) {
        Document document = FixtureSite.parser().parse(content, file, TYPES);
        documents.add(document);
        files.put(Routes.outputPath(document.url()), ("<!doctype html><html><body><main id=main>" + document.bodyHtml()
                + "</main></body></html>").getBytes(StandardCharsets.UTF_8));
    }

    private Problem onlyProblem() {
        SiteException e = assertThrows(SiteException.class, () -> LocalReferences.check(documents, files));
        assertEquals(ExitCodes.SITE_PROBLEM, e.exitCode());
        assertEquals(1, e.problems().size(), () -> "expected one problem, got " + e.problems());
        return e.problems().get(0);
    }

    @Test
    void referencesThatLeadSomewherePass() {
        post("blog/2026/pictures/index.adoc", "image::chart.png[A chart]\n\nSee link:/about/#connect[me], "
                + "link:/css/site.css[the style], link:../../../about/[relative], <<here>>, and https://example.com/gone.\n\n"
                + "[[here]]\nHere.\n");
        files.put("blog/2026/pictures/chart.png", new byte[] {1});
        assertDoesNotThrow(() -> LocalReferences.check(documents, files));
    }

    @Test
    void scansKeptBetweenBuildsStillSeeWhatChangedElsewhere() {
        post("blog/2026/linking.adoc", "See link:/about/#connect[me].\n");
        LocalReferences.Scans scans = new LocalReferences.Scans();
        assertDoesNotThrow(() -> LocalReferences.check(documents, files, scans));
        // The next build: the linking post is the same document, the page it links to lost its section.
        documents.remove(0);
        files.remove("about/index.html");
        page("about.adoc", "Write to me.\n");
        SiteException e = assertThrows(SiteException.class, () -> LocalReferences.check(documents, files, scans));
        assertTrue(e.problems().get(0).message().startsWith("'/about/#connect' links to #connect, but the page /about/"),
                e.problems().toString());
        // And the build after that: the published file went away.
        files.remove("about/index.html");
        e = assertThrows(SiteException.class, () -> LocalReferences.check(documents, files, scans));
        assertTrue(e.problems().get(0).message().startsWith("the link '/about/#connect' leads to /about/, which the site"),
                e.problems().toString());
    }

    @Test
    void aMissingImageFailsAtItsLine() {
        Path post = post("blog/2026/pictures/index.adoc", "Intro.\n\nimage::missing.png[A chart]\n");
        Problem problem = onlyProblem();
        assertEquals(post, problem.file());
        assertEquals(8, problem.line());
        assertEquals("the image 'missing.png' leads to /blog/2026/pictures/missing.png, which the site does not have",
                problem.message());
    }

    @Test
    void anInlineImageBesideAFilePostSaysToMakeItAFolder() {
        post("blog/2026/flat.adoc", "A picture: image:beside.png[icon] here.\n");
        site.write("content/blog/2026/beside.png", "png");
        files.put("blog/2026/beside.png", new byte[] {1});
        Problem problem = onlyProblem();
        assertEquals(6, problem.line());
        assertTrue(problem.message().endsWith("beside.png is beside the source, but the page is published at"
                + " /blog/2026/flat/, away from it: make the post a folder (<slug>/index.adoc) with its files beside it"),
                problem.message());
    }

    @Test
    void aLinkToAPageTheSiteDoesNotHaveFails() {
        page("writing.adoc", "Read link:/talks/[my talks].\n");
        Problem problem = onlyProblem();
        assertEquals(5, problem.line());
        assertEquals("the link '/talks/' leads to /talks/, which the site does not have", problem.message());
    }

    @Test
    void aLinkToAMissingFragmentOfAnotherPageFails() {
        page("writing.adoc", "Text.\n\nSee link:/about/#elsewhere[about me].\n");
        Problem problem = onlyProblem();
        assertEquals(7, problem.line());
        assertTrue(problem.message().startsWith("'/about/#elsewhere' links to #elsewhere, but the page /about/ has no"
                + " element with that id"), problem.message());
    }

    @Test
    void aCrossReferenceToAMissingDocumentFails() {
        page("writing.adoc", "See xref:missing.adoc[the missing page].\n");
        Problem problem = onlyProblem();
        assertEquals(5, problem.line());
        assertTrue(problem.message().startsWith("the cross reference or link 'missing.html' leads to /writing/missing.html,"
                + " which the site does not have; there is no missing.adoc beside this file either"), problem.message());
    }

    @Test
    void aCrossReferenceToAnotherDocumentNamesTheLinkThatWorks() {
        page("writing.adoc", "First.\n\nSee xref:about.adoc#connect[how to reach me].\n");
        Problem problem = onlyProblem();
        assertEquals(7, problem.line());
        assertEquals("the cross reference to about.adoc becomes 'about.html', which this site does not have (its pages"
                + " have clean addresses): write link:/about/#connect[...] instead", problem.message());
    }

    @Test
    void aLinkToAFragmentOfTheSamePageIsCheckedToo() {
        page("writing.adoc", "Jump link:#nowhere[down].\n");
        Problem problem = onlyProblem();
        assertTrue(problem.message().contains("but this page has no element with that id"), problem.message());
    }
}
