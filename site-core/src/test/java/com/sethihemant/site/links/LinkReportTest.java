package com.sethihemant.site.links;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkReportTest {

    private static final LinkReport REPORT = new LinkReport(List.of(
            result("about/index.html", 7, "/missing/", "Missing | page", Outcome.broken("not found: the site has no missing/index.html")),
            result("about/index.html", 9, "https://x.com/sethihemant", "X", Outcome.blocked("403 Forbidden: x.com refuses automated checks")),
            result("index.html", 3, "/about/", "About", Outcome.ok("file about/index.html")),
            new LinkResult(new Link("index.html", 4, "a href", "Team", " /about/ ", "https://www.sethihemant.com/about/",
                    List.of("white space around the URL")), Outcome.ok("file about/index.html")),
            result("index.html", 5, "http://old.example/", "Old", Outcome.redirected("https://new.example/", "moved permanently (301)")),
            result("index.html", 6, "javascript:void(0)", "", Outcome.skipped("a javascript: URL runs script"))),
            2, 2, Duration.ofMillis(1234), List.of("a notice \"quoted\""));

    private static LinkResult result(String page, int line, String raw, String text, Outcome outcome) {
        return new LinkResult(new Link(page, line, "a href", text, raw, raw.startsWith("/") ? "https://www.sethihemant.com" + raw : raw,
                List.of()), outcome);
    }

    @Test
    void countsErrorsAndWarningsSeparately() {
        assertEquals(1, REPORT.errors());
        assertEquals(3, REPORT.warningCount(), "blocked, redirected, and a working link with a note");
        assertTrue(REPORT.failed());
    }

    @Test
    void theJsonReadsBackWithEveryResult() throws Json.JsonException {
        Map<?, ?> json = (Map<?, ?>) Json.parse(REPORT.toJson());
        Map<?, ?> summary = (Map<?, ?>) json.get("summary");
        assertEquals(1, ((Number) summary.get("broken")).intValue());
        assertEquals(6, ((Number) summary.get("links")).intValue());
        List<?> results = (List<?>) json.get("results");
        assertEquals(6, results.size());
        Map<?, ?> first = (Map<?, ?>) results.get(0);
        assertEquals("Missing | page", first.get("text"));
        assertEquals("broken", first.get("outcome"));
        assertEquals(7, ((Number) first.get("line")).intValue());
        Map<?, ?> redirected = (Map<?, ?>) results.get(4);
        assertEquals("https://new.example/", redirected.get("target"));
        assertEquals(List.of("a notice \"quoted\""), json.get("notices"));
    }

    @Test
    void theConsoleGroupsProblemsByPageWithLinesAndText() {
        StringWriter out = new StringWriter();
        REPORT.printConsole(new PrintWriter(out));
        String text = out.toString();
        assertTrue(text.startsWith("about/index.html\n"), text);
        assertTrue(text.contains("      7  broken     /missing/ -> https://www.sethihemant.com/missing/  \"Missing | page\""), text);
        assertTrue(text.contains("note: white space around the URL"), text);
        assertFalse(text.contains("javascript:"), "skipped links are counted, not listed");
        assertTrue(text.contains("Checked 6 links on 2 pages (2 external URLs) in 1.2 s: 2 ok, 1 redirected, 1 blocked, 0 unverifiable, 1 skipped, 1 broken, 0 invalid."), text);
    }

    @Test
    void theMarkdownKeepsTablesIntactWhateverTheText() {
        String md = REPORT.toMarkdown();
        assertTrue(md.startsWith("## Link check: 1 broken link\n"), md);
        assertTrue(md.contains("### Broken or invalid (1)"), md);
        assertTrue(md.contains("### Warnings (3)"), md);
        String table = null;
        for (String line : md.split("\n")) {
            if (line.startsWith("### ")) {
                table = line;
            }
            if (line.startsWith("| `")) {
                long cells = line.replace("\\|", "").chars().filter(c -> c == '|').count();
                // Broken links have two more columns: how long they have failed, and an archived copy.
                assertEquals(table.startsWith("### Broken") ? 9 : 7, cells, "the cells of " + table + " in: " + line);
            }
        }
        assertEquals("a\\|b &lt;i&gt; \\*x\\*", ReportFormats.cell("a|b <i> *x*"));
    }

    @Test
    void annotationsNameTheFileAndLineAndEscapeTheMessage() {
        StringWriter out = new StringWriter();
        REPORT.printAnnotations(new PrintWriter(out), Path.of("blog/target/site"), null);
        List<String> lines = out.toString().lines().toList();
        assertEquals(4, lines.size(), out.toString());
        assertEquals("::error file=blog/target/site/about/index.html,line=7,title=Broken link::https://www.sethihemant.com/missing/: "
                + "not found: the site has no missing/index.html", lines.get(0));
        assertTrue(lines.get(1).startsWith("::warning file=blog/target/site/about/index.html,line=9,title=Link blocked::"), lines.get(1));
        assertEquals("100%25 done%0Anext", ReportFormats.data("100% done\nnext"));
        assertEquals("blog/target/site", ReportFormats.annotationFolder(Path.of("/work/repo/blog/target/site"), "/work/repo"),
                "paths are relative to the checkout");
        assertEquals("/elsewhere/site", ReportFormats.annotationFolder(Path.of("/elsewhere/site"), "/work/repo"));
        assertEquals("a%3Ab%2Cc", ReportFormats.property("a:b,c"));
    }
}
