package com.sethihemant.site.blog.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layout at the narrowest and widest screens: nothing scrolls sideways at 320 pixels, and
 * text keeps a comfortable measure. (The screenshots of every page, phone and desktop, light and
 * dark, are taken by {@link AccessibilityIT} on its visits.)
 */
class LayoutIT extends BrowserTest {

    static Stream<String> pages() {
        return Sites.all().stream();
    }

    @ParameterizedTest
    @MethodSource("pages")
    void nothingScrollsSidewaysAt320Pixels(String page) {
        browser.phone(Browser.NARROWEST);
        browser.open(sites.url(page));
        @SuppressWarnings("unchecked")
        Map<String, Object> widths = (Map<String, Object>) browser.script("""
                const root = document.documentElement;
                return {scroll: root.scrollWidth, client: root.clientWidth,
                        widest: [...document.body.querySelectorAll('*')]
                            .filter(el => el.getBoundingClientRect().right > root.clientWidth + 0.5
                                && !el.closest('pre, .table-wrap, .figure-scroll, .math-scroll') && el.getClientRects().length)
                            .map(el => el.outerHTML.slice(0, 80))};""");
        assertEquals(Browser.NARROWEST, ((Number) widths.get("client")).intValue());
        assertEquals(widths.get("client"), widths.get("scroll"), "wider than the screen: " + widths.get("widest"));
    }

    @Test
    void paragraphsKeepAComfortableMeasureOnADesktop() {
        browser.open(sites.url("/blog/2026/dynamo-paper-notes/"));
        // Characters per line of every paragraph of three lines or more, in the body font.
        @SuppressWarnings("unchecked")
        List<Number> measures = (List<Number>) browser.script("""
                return [...document.querySelectorAll('.prose p')].map(p => {
                  const lines = Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight));
                  return lines >= 3 ? p.textContent.replace(/\\s+/g, ' ').trim().length / (lines - 0.5) : null;
                }).filter(m => m !== null);""");
        assertTrue(measures.size() >= 3, "expected long paragraphs, got " + measures);
        double average = measures.stream().mapToDouble(Number::doubleValue).average().orElseThrow();
        assertTrue(average >= 60 && average <= 80, "characters per line: " + Math.round(average) + " " + measures);
    }
}
