package com.sethihemant.site.blog;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The baked site stays small: at most 16 KB of CSS and 3 KB of JavaScript in all, and no page
 * above 60 KB (content images aside; a diagram's or chart's inline SVG is part of its page),
 * counted in bytes as served, uncompressed. The totals are printed so that a change that grows
 * them shows in the build log. The CSS budget was 14 KB until the site drew diagrams, charts and
 * math, whose colours for both themes take about 1.6 KB.
 */
class BudgetIT {

    static final long CSS_BUDGET = 16_000;
    static final long JS_BUDGET = 3_000;
    static final long PAGE_BUDGET = 60_000;

    @Test
    void cssAndJavaScriptStayWithinTheirBudgets() {
        long css = total(".css");
        long js = total(".js");
        System.out.printf("budget: CSS %,d of %,d bytes, JavaScript %,d of %,d bytes%n", css, CSS_BUDGET, js, JS_BUDGET);
        assertAll(
                () -> assertTrue(css > 0 && css <= CSS_BUDGET, "CSS: " + css + " bytes"),
                () -> assertTrue(js > 0 && js <= JS_BUDGET, "JavaScript: " + js + " bytes"));
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

    private static long total(String extension) {
        try (Stream<Path> files = Files.walk(BakedSite.dir())) {
            return files.filter(file -> file.toString().endsWith(extension)).mapToLong(BudgetIT::size).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
