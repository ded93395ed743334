package com.sethihemant.site.content;

import com.sethihemant.site.FixtureSite;
import com.sethihemant.site.Problem;
import com.sethihemant.site.SiteException;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentParserTest {

    private static final Set<String> TYPES = Set.of("post", "page");

    @TempDir
    Path dir;
    private FixtureSite site;
    private Path content;

    @BeforeEach
    void setUp() {
        site = new FixtureSite(dir);
        content = dir.resolve("content");
    }

    private Document parse(Path file) {
        return FixtureSite.parser().parse(content, file, TYPES);
    }

    private Problem onlyProblem(Path file) {
        SiteException e = assertThrows(SiteException.class, () -> parse(file));
        assertEquals(1, e.problems().size(), () -> "expected one problem, got " + e.problems());
        return e.problems().get(0);
    }

    @Test
    void readsJBakeHeaderIntoDocument() {
        Path file = site.write("content/blog/2026/first-post.adoc", """
                = First *post*
                :jbake-type: post
                :jbake-status: published
                :jbake-date: 2026-03-04
                :jbake-updated: 2026-03-05
                :jbake-tags: Storage, GPU clusters,storage
                :description: What this <post> is about & why.

                Hello.
                """);
        Document doc = parse(file);
        assertAll(
                () -> assertEquals("First post", doc.title()),
                () -> assertEquals("First <strong>post</strong>", doc.titleHtml()),
                () -> assertEquals("post", doc.type()),
                () -> assertEquals(Status.PUBLISHED, doc.status()),
                () -> assertEquals(LocalDate.of(2026, 3, 4), doc.date()),
                () -> assertEquals(LocalDate.of(2026, 3, 5), doc.lastModified()),
                () -> assertEquals(List.of("storage", "gpu-clusters"), doc.tags()),
                () -> assertEquals("What this <post> is about & why.", doc.description(), "plain text, not HTML"),
                () -> assertEquals("/blog/2026/first-post/", doc.url()),
                () -> assertEquals("Hello.", Jsoup.parse(doc.bodyHtml()).text()));
    }

    @Test
    void collectsSectionHeadingsForATableOfContents() {
        Path file = site.write("content/long.adoc", """
                = Long
                :jbake-type: page
                :jbake-status: published

                == First `part`

                === Detail

                == Second

                === Another detail

                ==== Too deep for the contents
                """);
        assertEquals(List.of(
                        new Document.Heading(2, "first-part", "First <code>part</code>"),
                        new Document.Heading(3, "detail", "Detail"),
                        new Document.Heading(2, "second", "Second"),
                        new Document.Heading(3, "another-detail", "Another detail")),
                parse(file).headings());
    }

    @Test
    void derivesDescriptionFromTheFirstParagraphsWhenNoneIsGiven() {
        String words = "word ".repeat(60).strip();
        Path file = site.write("content/about.adoc", "= About\n:jbake-type: page\n:jbake-status: published\n\n"
                + words + "\n");
        String description = parse(file).description();
        assertTrue(description.length() <= 160, description);
        assertTrue(description.endsWith("…"), description);
    }

    @Test
    void highlightsSourceBlocksAtBuildTimeWithClasses() {
        Path file = site.write("content/code.adoc", """
                = Code
                :jbake-type: page
                :jbake-status: published

                [source,java]
                ----
                class A {}
                ----
                """);
        var pre = Jsoup.parse(parse(file).bodyHtml()).selectFirst("pre.rouge");
        assertTrue(pre != null && !pre.select("span.kd").isEmpty(), "expected rouge token classes");
    }

    @Test
    void leavesNoInlineStyleForTheContentSecurityPolicyAndLetsTheKeyboardScrollWideBlocks() {
        Path file = site.write("content/blocks.adoc", """
                = Blocks
                :jbake-type: page
                :jbake-status: published

                == Section

                .Techniques
                [cols="1,2",width=50%]
                |===
                |Problem |Technique
                |Partitioning |Consistent hashing
                |===

                <<<

                [source,java]
                ----
                class A {}
                ----
                """);
        var body = Jsoup.parseBodyFragment(parse(file).bodyHtml());
        var wrap = body.expectFirst("div.table-wrap");
        assertAll(
                () -> assertEquals(List.of(), body.select("[style]").eachAttr("style"), "no inline style"),
                () -> assertEquals(2, body.select("colgroup > col").size(), "columns are kept, without widths"),
                () -> assertEquals(1, body.select("div.page-break").size()),
                () -> assertEquals("0", body.expectFirst(".listingblock pre").attr("tabindex")),
                () -> assertEquals("table", wrap.child(0).tagName()),
                () -> assertEquals("0", wrap.attr("tabindex")),
                () -> assertEquals("region", wrap.attr("role")),
                () -> assertEquals("Table 1. Techniques", wrap.attr("aria-label")),
                () -> assertEquals("true", body.expectFirst("h2 > a.anchor").attr("aria-hidden")),
                () -> assertEquals("-1", body.expectFirst("h2 > a.anchor").attr("tabindex")));
    }

    @Test
    void escapesMarkupInTitles() {
        Path file = site.write("content/xss.adoc", """
                = <script>alert(1)</script> & <b>bold</b>
                :jbake-type: page
                :jbake-status: published

                Body.
                """);
        Document doc = parse(file);
        assertEquals("<script>alert(1)</script> & <b>bold</b>", doc.title());
        var title = Jsoup.parseBodyFragment(doc.titleHtml()).body();
        assertTrue(title.select("script, b").isEmpty(), "markup in a title must never become elements");
    }

    @Test
    void rejectsMissingTitleAtLineOne() {
        Path file = site.write("content/untitled.adoc", ":jbake-type: page\n:jbake-status: published\n\nBody.\n");
        Problem problem = onlyProblem(file);
        assertEquals(1, problem.line());
        assertTrue(problem.message().contains("no title"), problem.message());
    }

    @Test
    void rejectsPostWithoutDate() {
        Path file = site.write("content/undated.adoc", "= Undated\n:jbake-type: post\n:jbake-status: published\n\nx\n");
        assertTrue(onlyProblem(file).message().contains("without a date"));
    }

    @Test
    void rejectsMalformedDateAtItsLine() {
        Path file = site.write("content/bad-date.adoc", "= Bad\n:jbake-type: post\n:jbake-status: published\n"
                + ":jbake-date: 2026-13-01\n\nx\n");
        Problem problem = onlyProblem(file);
        assertEquals(4, problem.line());
        assertTrue(problem.message().contains("YYYY-MM-DD"), problem.message());
    }

    @Test
    void rejectsUnknownStatusAtItsLine() {
        Path file = site.write("content/status.adoc", "= S\n:jbake-type: page\n:jbake-status: publish\n\nx\n");
        Problem problem = onlyProblem(file);
        assertEquals(3, problem.line());
        assertTrue(problem.message().contains("'publish'"), problem.message());
    }

    @Test
    void rejectsMissingStatusInsteadOfSilentlyDrafting() {
        Path file = site.write("content/nostatus.adoc", "= S\n:jbake-type: page\n\nx\n");
        assertTrue(onlyProblem(file).message().contains(":jbake-status: published"));
    }

    @Test
    void rejectsUnknownTypeListingTheKnownOnes() {
        Path file = site.write("content/type.adoc", "= T\n:jbake-type: article\n:jbake-status: published\n\nx\n");
        Problem problem = onlyProblem(file);
        assertEquals(2, problem.line());
        assertTrue(problem.message().contains("[page, post]"), problem.message());
    }

    @Test
    void suggestsTheRightNameForAMisspeltJBakeAttribute() {
        Path file = site.write("content/typo.adoc", "= T\n:jbake-type: page\n:jbake-status: published\n"
                + ":jbake-tpye: post\n\nx\n");
        Problem problem = onlyProblem(file);
        assertEquals(4, problem.line());
        assertTrue(problem.message().contains("did you mean ':jbake-type:'"), problem.message());
    }

    @Test
    void rejectsIncludeOfMissingFileAtItsLine() {
        Path file = site.write("content/include.adoc", "= I\n:jbake-type: page\n:jbake-status: published\n\n"
                + "include::missing.adoc[]\n");
        Problem problem = onlyProblem(file);
        assertEquals(5, problem.line());
        assertTrue(problem.message().contains("include file not found"), problem.message());
    }

    @Test
    void treatsAsciidoctorWarningsAsErrors() {
        Path file = site.write("content/warn.adoc", "= W\n:jbake-type: page\n:jbake-status: published\n\n"
                + "Hello {undefined-attribute}.\n");
        Problem problem = onlyProblem(file);
        assertTrue(problem.message().startsWith("Asciidoctor:"), problem.message());
        assertTrue(problem.message().contains("undefined-attribute"), problem.message());
    }

    @Test
    void treatsUnresolvedCrossReferencesAsErrors() {
        Path file = site.write("content/xref.adoc", "= X\n:jbake-type: page\n:jbake-status: published\n\n"
                + "See <<no-such-section>>.\n");
        Problem problem = onlyProblem(file);
        assertEquals("the cross reference to 'no-such-section' finds no section or anchor with that id in this document",
                problem.message());
        assertEquals(5, problem.line(), "Asciidoctor gives no line; the parser finds it");
    }

    @Test
    void rejectsInvalidUtf8NamingTheLine() {
        byte[] bytes = "= T\n:jbake-type: page\n:jbake-status: published\n\ncaf\u00e9 \n".getBytes(
                StandardCharsets.ISO_8859_1);
        Path file = site.writeBytes("content/latin1.adoc", bytes);
        Problem problem = onlyProblem(file);
        assertEquals(5, problem.line());
        assertTrue(problem.message().contains("UTF-8"), problem.message());
    }

    @Test
    void rejectsEmptyFile() {
        Path file = site.write("content/empty.adoc", "  \n\n");
        assertTrue(onlyProblem(file).message().contains("is empty"));
    }

    @Test
    void rejectsTagThatCannotBecomeACleanUrl() {
        Path file = site.write("content/tags.adoc", "= T\n:jbake-type: page\n:jbake-status: published\n"
                + ":jbake-tags: ok, C++\n\nx\n");
        Problem problem = onlyProblem(file);
        assertEquals(4, problem.line());
        assertTrue(problem.message().contains("'C++'") && problem.message().contains("'cpp'"), problem.message());
    }

    @Test
    void rejectsFileNamesThatCannotBecomeCleanUrls() {
        Path file = site.write("content/My Post.adoc", "= T\n:jbake-type: page\n:jbake-status: published\n\nx\n");
        assertTrue(onlyProblem(file).message().contains("'my-post'"));
    }

    @Test
    void reportsEveryProblemOfAFileAtOnce() {
        Path file = site.write("content/many.adoc", ":jbake-type: nope\n:jbake-status: maybe\n\nx\n");
        SiteException e = assertThrows(SiteException.class, () -> parse(file));
        assertEquals(3, e.problems().size(), e.getMessage());
    }

    @Test
    void aMisspeltBlockMacroFailsAtItsLineInsteadOfPrintingAsText() {
        Path file = site.write("content/typo.adoc", "= T\n:jbake-type: page\n:jbake-status: published\n\n"
                + "imgae::pic.png[A picture]\n");
        Problem problem = onlyProblem(file);
        assertEquals(5, problem.line());
        assertTrue(problem.message().startsWith("'imgae::' is not a block macro that Asciidoctor or an extension handles"),
                problem.message());
        assertTrue(problem.message().contains("did you mean 'image::'?"), problem.message());
    }

    @Test
    void aMisspeltBlockStyleFailsOnADelimitedBlockAndOnAParagraph() {
        Path listing = site.write("content/listing.adoc", "= T\n:jbake-type: page\n:jbake-status: published\n\n"
                + "[plantum]\n----\nA -> B\n----\n");
        Problem onListing = onlyProblem(listing);
        // The line of the style, not of the block's delimiter below it.
        assertEquals(5, onListing.line());
        assertEquals("'[plantum]' is not a style that Asciidoctor or an extension handles for a listing block, so it would"
                + " be ignored; check its spelling", onListing.message());
        Path paragraph = site.write("content/paragraph.adoc", "= T\n:jbake-type: page\n:jbake-status: published\n\n"
                + ".A title\n[plantum]\nA -> B\n");
        Problem onParagraph = onlyProblem(paragraph);
        assertTrue(onParagraph.message().contains("for a paragraph"), onParagraph.message());
        assertEquals(6, onParagraph.line());
    }

    /** The site's own figures (package figures) are blocks and macros that something handles. */
    @Test
    void theSitesDiagramsFormulasAndChartsAreNotTakenForTypos() {
        site.write("content/figures/engines.csv", "engine,read_mib_s\nsync,1210\nio_uring,3240\n");
        Path file = site.write("content/figures/index.adoc", "= T\n:jbake-type: page\n:jbake-status: published\n\n"
                + "Inline stem:[L = lambda W] and latexmath:[B].\n\n"
                + ".A diagram\n[plantuml]\n----\nA -> B: hi\n----\n\n"
                + "[stem]\n++++\nP(W > t) = rho e^(-mu t)\n++++\n\n"
                + "[latexmath]\n++++\n\\frac{B}{R}\n++++\n\n"
                + "[asciimath]\n++++\nsum_(i=1)^n i\n++++\n\n"
                + ".Reads\nchart::engines.csv[type=bar,x=engine,y=read_mib_s,y-title=Throughput,y-unit=MiB/s]\n");
        org.jsoup.nodes.Document body = Jsoup.parseBodyFragment(parse(file).bodyHtml());
        assertFalse(body.select("svg").isEmpty(), "the diagram and the chart are drawn");
        assertFalse(body.select("math").isEmpty(), "the formulas are drawn");
        assertFalse(body.text().contains("chart::"), body.text());
    }

    @Test
    void blockMacrosAndStylesThatAnExtensionRegistersAreHandled() {
        Path file = site.write("content/extended.adoc", "= T\n:jbake-type: page\n:jbake-status: published\n\n"
                + "sample-chart::visits.csv[]\n\n[sample-diagram]\n----\nA -> B\n----\n\n"
                + "[source,java]\n----\nimgae::inside-code-is-code[]\n----\n");
        Document document = parse(file);
        org.jsoup.nodes.Document body = Jsoup.parseBodyFragment(document.bodyHtml());
        assertEquals("visits.csv", body.expectFirst("figure.sample-chart").text());
        assertEquals("A -> B", body.expectFirst("figure.sample-diagram").text());
    }
}
