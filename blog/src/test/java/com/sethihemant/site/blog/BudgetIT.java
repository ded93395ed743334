package com.sethihemant.site.blog;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The baked site stays small, counted in bytes as served, uncompressed unless said otherwise:
 * at most 16 KB of CSS and 3 KB of JavaScript on every page; the print stylesheet and the
 * search's styles (loaded only when printing or searching) 3 KB each; the search script 4 KB;
 * the search index, compressed, at most 25% of the site's published text (the text of every
 * page's {@code <main>}); and no page above 60 KB (content images aside; a diagram's or chart's
 * inline SVG is part of its page). The figures are printed so that a change that grows them
 * shows in the build log. The CSS budget was 14 KB until the site drew diagrams, charts and
 * math, whose colours for both themes take about 1.6 KB.
 */
class BudgetIT {

    static final long CSS_BUDGET = 16_000;
    static final long JS_BUDGET = 3_000;
    static final long ON_DEMAND_CSS_BUDGET = 3_000;
    static final long SEARCH_JS_BUDGET = 4_000;
    static final double INDEX_SHARE = 0.25;
    static final long PAGE_BUDGET = 60_000;

    @Test
    void cssAndJavaScriptStayWithinTheirBudgets() {
        long css = size(BakedSite.dir().resolve("css/site.css"));
        long js = size(BakedSite.dir().resolve("js/theme.js")) + size(BakedSite.dir().resolve("js/site.js"));
        long print = size(BakedSite.dir().resolve("css/print.css"));
        long searchCss = size(BakedSite.dir().resolve("css/search.css"));
        long searchJs = size(BakedSite.dir().resolve("js/search.js"));
        System.out.printf("budget: CSS %,d of %,d bytes, JavaScript %,d of %,d bytes on every page; print.css %,d and"
                        + " search.css %,d of %,d; search.js %,d of %,d%n", css, CSS_BUDGET, js, JS_BUDGET, print, searchCss,
                ON_DEMAND_CSS_BUDGET, searchJs, SEARCH_JS_BUDGET);
        assertAll(
                () -> assertTrue(css > 0 && css <= CSS_BUDGET, "CSS: " + css + " bytes"),
                () -> assertTrue(js > 0 && js <= JS_BUDGET, "JavaScript: " + js + " bytes"),
                () -> assertTrue(print > 0 && print <= ON_DEMAND_CSS_BUDGET, "print.css: " + print + " bytes"),
                () -> assertTrue(searchCss > 0 && searchCss <= ON_DEMAND_CSS_BUDGET, "search.css: " + searchCss + " bytes"),
                () -> assertTrue(searchJs > 0 && searchJs <= SEARCH_JS_BUDGET, "search.js: " + searchJs + " bytes"));
        // Nothing else is loaded on every page: the stylesheets and scripts the head names.
        for (Path file : BakedSite.htmlFiles()) {
            org.jsoup.nodes.Document page = BakedSite.parse(file);
            boolean search = BakedSite.sitePath(file).equals("/search/");
            assertEquals(search ? List.of("/css/site.css", "/css/print.css", "/css/search.css") : List.of("/css/site.css", "/css/print.css"),
                    page.select("link[rel=stylesheet]").eachAttr("href"), BakedSite.sitePath(file));
            assertEquals(search ? List.of("/js/theme.js", "/js/site.js", "/js/search.js") : List.of("/js/theme.js", "/js/site.js"),
                    page.select("script[src]").eachAttr("src"), BakedSite.sitePath(file));
            assertEquals("print", page.expectFirst("link[href=/css/print.css]").attr("media"));
        }
    }

    @Test
    void theSearchIndexIsAQuarterOfThePublishedTextAtMost() throws IOException {
        StringBuilder text = new StringBuilder();
        for (Path file : BakedSite.htmlFiles()) {
            Element main = BakedSite.parse(file).selectFirst("main");
            if (main != null) {
                text.append(main.text()).append('\n');
            }
        }
        byte[] published = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] index = Files.readAllBytes(BakedSite.dir().resolve("search/index.json"));
        long indexCompressed = gzip(index);
        double share = indexCompressed / (double) published.length;
        System.out.printf("budget: search index %,d bytes, %,d compressed: %.1f%% of the published text (%,d bytes;"
                        + " %.1f%% of it compressed, %,d bytes)%n", index.length, indexCompressed, 100 * share, published.length,
                100.0 * indexCompressed / gzip(published), gzip(published));
        assertTrue(share <= INDEX_SHARE, "the index is " + Math.round(100 * share) + "% of the published text");
    }

    @Test
    void noPageIsAbove60Kilobytes() {
        List<String> heavy = BakedSite.htmlFiles().stream()
                .filter(file -> size(file) > PAGE_BUDGET)
                .map(file -> BakedSite.sitePath(file) + ": " + size(file) + " bytes")
                .toList();
        Path largest = BakedSite.htmlFiles().stream().max(Comparator.comparingLong(BudgetIT::size)).orElseThrow();
        System.out.printf("budget: largest page %s, %,d of %,d bytes%n", BakedSite.sitePath(largest), size(largest), PAGE_BUDGET);
        assertEquals(List.of(), heavy);
    }

    static long gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
