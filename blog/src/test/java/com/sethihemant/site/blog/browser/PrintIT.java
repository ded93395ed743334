package com.sethihemant.site.blog.browser;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A post printed to PDF by Chromium (DevTools' Page.printToPDF), read back with PDFBox: the text
 * is there in full, with no navigation or controls, the address after each link that leaves the
 * site, and code wrapped rather than cut off. The print styles themselves (code on a light
 * background, no breaks inside blocks) are read under print emulation.
 */
class PrintIT extends BrowserTest {

    private static final String POST = "/blog/2026/dynamo-paper-notes/";

    @AfterEach
    void screen() {
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }

    private String printedText(String page) throws IOException {
        browser.open(sites.url(page));
        Map<String, Object> pdf = browser.driver().executeCdpCommand("Page.printToPDF", Map.of(
                "paperWidth", 8.27, "paperHeight", 11.69, "printBackground", true, "preferCSSPageSize", true));
        byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        Files.write(dir.resolve("print-" + Sites.name(page) + ".pdf"), bytes);
        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertTrue(document.getNumberOfPages() >= 2, "a long post takes pages: " + document.getNumberOfPages());
            return new PDFTextStripper().getText(document);
        }
    }

    private static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }

    @Test
    void aPrintedPostHasItsTextTheAddressesOfItsLinksAndNoControls() throws IOException {
        String text = printedText(POST);
        String flat = squeezed(text);
        assertAll(
                () -> assertTrue(text.contains("Notes on Dynamo"), text),
                () -> assertTrue(text.contains("Anti-entropy with Merkle trees"), "headings"),
                // The external link's full address follows it (possibly broken across lines).
                () -> assertTrue(flat.contains(squeezed("<https://www.allthingsdistributed.com/files/amazon-dynamo-sosp2007.pdf>")),
                        "the paper's address"),
                // Code is wrapped, never cut at the margin: every character of the longest line is there.
                () -> assertTrue(flat.contains(squeezed("static boolean descends(Map<String, Long> a, Map<String, Long> b) {")),
                        "the code's longest line"),
                () -> assertTrue(flat.contains(squeezed("// If neither descends(a, b) nor descends(b, a), the versions conflict."))),
                // The citation's text is kept, for whoever reads the paper copy.
                () -> assertTrue(text.contains("Cite this note")));
        for (String control : List.of("Skip to content", "Dark theme", "Writing & Speaking", "Open To", "Related posts", "Connect",
                "Copy", "BibTeX", "Search posts", "Atom feed")) {
            assertFalse(text.contains(control), "printed: " + control);
        }
    }

    @Test
    void aPrintedPostKeepsItsDiagramsChartsAndFormulasWholeAndOnThePage() throws IOException {
        String page = "theme:/blog/2026/figures/";
        String text = printedText(page);
        assertAll(
                // Diagrams and charts are SVG, printed as vector text: their labels are in the PDF.
                () -> assertTrue(text.contains("Trainer") && text.contains("Shard cache"), "a diagram's labels: " + text),
                () -> assertTrue(text.contains("Components of the data path"), "a diagram's title"),
                () -> assertFalse(text.contains("The data"), "a chart's folded data is not printed"));

        browser.colorScheme("dark");
        browser.open(sites.url(page));
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        @SuppressWarnings("unchecked")
        Map<String, Object> style = (Map<String, Object>) browser.script("""
                const main = document.querySelector('.e-content').getBoundingClientRect();
                const figures = [...document.querySelectorAll('.diagram, .chart, .stemblock')];
                return {
                  figures: figures.length,
                  // Every figure inside the printed column, none scrolled or cut at its edge.
                  outside: figures.filter(f => { const r = f.querySelector('svg, math').getBoundingClientRect();
                      return r.left < main.left - 1 || r.right > main.right + 1; }).map(f => f.className),
                  whole: [...new Set(figures.map(f => getComputedStyle(f).breakInside))],
                  overflow: [...new Set([...document.querySelectorAll('.figure-scroll, .stemblock .content')]
                      .map(e => getComputedStyle(e).overflowX))],
                  diagramText: getComputedStyle(document.querySelector('.diagram svg text.dt')).fill,
                  firstSeries: getComputedStyle(document.querySelector('.chart svg .c-s1')).stroke,
                  data: getComputedStyle(document.querySelector('.chart-data')).display
                };""");
        assertAll(
                () -> assertTrue(((Number) style.get("figures")).intValue() >= 8, "figures: " + style.get("figures")),
                () -> assertEquals(List.of(), style.get("outside")),
                () -> assertEquals(List.of("avoid"), style.get("whole")),
                () -> assertEquals(List.of("visible"), style.get("overflow")),
                () -> assertEquals("rgb(0, 0, 0)", style.get("diagramText"), "black labels even in the dark theme"),
                // The light theme's accent, not the dark theme's: series keep their colours on paper.
                () -> assertEquals("rgb(11, 98, 121)", style.get("firstSeries")),
                () -> assertEquals("none", style.get("data")));
    }

    @Test
    void printStylesWrapCodeOnALightBackgroundAndKeepBlocksWhole() {
        browser.colorScheme("dark");
        browser.open(sites.url(POST));
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        @SuppressWarnings("unchecked")
        Map<String, Object> style = (Map<String, Object>) browser.script("""
                const pre = getComputedStyle(document.querySelector('.listingblock pre'));
                const table = getComputedStyle(document.querySelector('.prose table'));
                return {wrap: pre.whiteSpace, background: pre.backgroundColor, colour: getComputedStyle(document.body).color,
                        page: getComputedStyle(document.body).backgroundColor, inside: pre.breakInside, table: table.breakInside,
                        nav: getComputedStyle(document.querySelector('.site-nav')).display,
                        search: getComputedStyle(document.querySelector('.search-open')).display};""");
        assertAll(
                () -> assertEquals("pre-wrap", style.get("wrap")),
                () -> assertEquals("rgb(244, 244, 244)", style.get("background")),
                () -> assertEquals("rgb(0, 0, 0)", style.get("colour"), "black text even in the dark theme"),
                () -> assertEquals("rgb(255, 255, 255)", style.get("page")),
                () -> assertEquals("avoid", style.get("inside")),
                () -> assertEquals("avoid", style.get("table")),
                () -> assertEquals("none", style.get("nav")),
                () -> assertEquals("none", style.get("search")));
    }
}
