package com.sethihemant.site.blog;

import com.sethihemant.site.bake.BakeOptions;
import com.sethihemant.site.bake.Baker;
import com.sethihemant.site.bake.SiteSources;
import com.sethihemant.site.content.ContentParser;
import nu.validator.validation.SimpleDocumentValidator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.LogManager;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The theme fixture's post of diagrams, formulas and charts (blog/src/test/fixtures/theme), baked
 * with the real theme three times: with an empty figure cache, again with another empty one in
 * the same JVM (where PlantUML and KaTeX have already drawn everything once), and with a new
 * parser that takes every figure from the first bake's cache folder. All three must be the same
 * bytes; the page must pass the Nu Html Checker, stay within the page budget with its SVG, and
 * carry nothing the Content-Security-Policy would block.
 */
class FiguresIT {

    private static final Clock JUNE_2026 = Clock.fixed(Instant.parse("2026-06-15T00:00:00Z"), ZoneOffset.UTC);
    private static final String PAGE = "blog/2026/figures/index.html";

    @TempDir
    static Path work;
    private static Map<String, byte[]> cold;
    private static Map<String, byte[]> coldAgain;
    private static Map<String, byte[]> fromCache;
    private static long cacheEntries;

    @BeforeAll
    static void bake() throws IOException {
        LogManager.getLogManager().reset();
        cold = bake("cold", work.resolve("cache"));
        coldAgain = bake("cold-again", work.resolve("other-cache"));
        try (Stream<Path> entries = Files.list(work.resolve("cache"))) {
            cacheEntries = entries.count();
        }
        fromCache = bake("from-cache", work.resolve("cache"));
    }

    @AfterAll
    static void quiet() {
        LogManager.getLogManager().reset();
    }

    private static Map<String, byte[]> bake(String name, Path figureCache) throws IOException {
        Path fixture = BakedSite.root().resolve("blog/src/test/fixtures/theme");
        Path theme = BakedSite.root().resolve("site-theme/src/main/jbake");
        SiteSources sources = new SiteSources(fixture, fixture.resolve("site.yml"), List.of(fixture.resolve("content")),
                fixture.resolve("data"), theme.resolve("templates"), theme.resolve("assets"));
        Path output = work.resolve(name);
        try (ContentParser parser = new ContentParser(figureCache);
             Baker baker = new Baker(parser, JUNE_2026)) {
            baker.bake(sources, output, BakeOptions.PUBLISH);
        }
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(output)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(output.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static Document page() {
        return Jsoup.parse(new String(cold.get(PAGE), StandardCharsets.UTF_8), "https://fixture.example/blog/2026/figures/");
    }

    @Test
    void rebuildsAreByteIdenticalWithOrWithoutTheFigureCache() {
        assertTrue(cacheEntries >= 10, "the first bake stored its figures: " + cacheEntries);
        assertEquals(cold.keySet(), coldAgain.keySet());
        assertEquals(cold.keySet(), fromCache.keySet());
        cold.forEach((file, bytes) -> assertAll(file,
                () -> assertArrayEquals(bytes, coldAgain.get(file), file + " differs when drawn again in the same JVM"),
                () -> assertArrayEquals(bytes, fromCache.get(file), file + " differs when taken from the cache")));
    }

    @Test
    void theFiguresPageIsValidHtml() throws Exception {
        List<String> errors = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                System.out.println("warning: " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, false);
        validator.setUpMainSchema("http://s.validator.nu/html5-rdfalite.rnc", collect);
        validator.setUpValidatorAndParsers(collect, true, false);
        validator.checkHtmlFile(work.resolve("cold").resolve(PAGE).toFile(), true);
        assertEquals(List.of(), errors, "validator errors on /" + PAGE);
    }

    @Test
    void thePageWithItsSvgStaysWithinThePageBudget() {
        long size = cold.get(PAGE).length;
        System.out.printf("budget: /%s, with 5 diagrams, 3 charts and its formulas, %,d of %,d bytes%n", PAGE, size,
                BudgetIT.PAGE_BUDGET);
        assertTrue(size <= BudgetIT.PAGE_BUDGET, PAGE + ": " + size + " bytes");
    }

    @Test
    void nothingOnThePageNeedsWhatThePolicyForbids() {
        Document page = page();
        assertAll(
                () -> assertEquals(List.of(), page.select("[style]").eachAttr("style"), "style attributes"),
                () -> assertTrue(page.select("style, body script, svg script, foreignObject, svg image").isEmpty(),
                        "inline styles, scripts or pictures in the body"),
                () -> assertEquals(5, page.select(".diagram svg[role=img][aria-label]").size(), "diagrams, each named"),
                () -> assertEquals(3, page.select(".chart svg[role=img] > title").size(), "charts, each with a title"),
                () -> assertEquals(3, page.select(".chart svg > desc").size(), "and a description"),
                () -> assertEquals(3, page.select(".chart p.chart-summary").size(), "and a summary in words"),
                () -> assertFalse(page.select(".stemblock math[display=block]").isEmpty(), "display math"),
                () -> assertFalse(page.select("p math:not([display])").isEmpty(), "inline math"));
    }

    @Test
    void eachChartLinksToItsRawFilePublishedBesideThePage() {
        List<String> links = page().select(".chart details.chart-data a[href]").eachAttr("href");
        assertEquals(List.of("/blog/2026/figures/fio-randread.csv", "/blog/2026/figures/engines.csv",
                "/blog/2026/figures/fio-randread.csv"), links);
        Path source = BakedSite.root().resolve("blog/src/test/fixtures/theme/content/blog/2026/figures");
        for (String link : links) {
            String name = link.substring(link.lastIndexOf('/') + 1);
            assertArrayEquals(read(source.resolve(name)), cold.get(link.substring(1)), link + " is the raw file");
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
