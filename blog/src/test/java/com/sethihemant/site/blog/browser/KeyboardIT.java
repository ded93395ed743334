package com.sethihemant.site.blog.browser;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.Keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * WCAG 2.2 AA where axe-core cannot look ({@link AccessibilityIT}): every control is at least 24
 * by 24 pixels, and a keyboard user starts at a skip link and reaches every control with a
 * visible focus that nothing covers.
 */
@Order(2) // a long class: started first (junit-platform.properties)
class KeyboardIT extends BrowserTest {

    static Stream<String> pages() {
        return Sites.all().stream();
    }

    @ParameterizedTest
    @MethodSource("pages")
    void controlsAreAtLeast24PixelsSquare(String page) {
        List<Object> small = new ArrayList<>();
        for (int width : List.of(Browser.NARROWEST, Browser.DESKTOP_WIDTH)) {
            if (width == Browser.NARROWEST) {
                browser.phone(width);
            } else {
                browser.desktop();
            }
            browser.open(sites.url(page));
            // Links inside a sentence are exempt (WCAG 2.5.8, "inline"); every other target counts.
            small.addAll((List<?>) browser.script("""
                    const small = [];
                    for (const el of document.querySelectorAll('a[href], button, summary, input, [tabindex="0"]')) {
                      const style = getComputedStyle(el), box = el.getBoundingClientRect();
                      if (box.width === 0 || style.visibility === 'hidden') continue;
                      if (style.display === 'inline') {
                        const block = el.parentElement.closest('p, li, dd, dt, td, th, figcaption, div');
                        if (block && block.textContent.trim() !== el.textContent.trim()) continue;
                      }
                      if (box.width < 24 || box.height < 24) {
                        small.push(arguments[0] + 'px: ' + el.outerHTML.slice(0, 80) + ' is '
                            + Math.round(box.width) + 'x' + Math.round(box.height));
                      }
                    }
                    return small;""", width));
        }
        assertEquals(List.of(), small);
    }

    @ParameterizedTest
    @MethodSource("pages")
    void keyboardStartsAtASkipLinkAndReachesEveryControlWithAVisibleUncoveredFocus(String page) {
        browser.open(sites.url(page));
        browser.tab();
        assertEquals("a skip-link", focused().get("what"), "the first Tab reaches the skip link");
        List<String> problems = new ArrayList<>();
        check(focused(), problems);

        // Tab through the whole page, header to footer, until focus leaves the document.
        List<String> reached = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            browser.tab();
            Map<String, Object> focus = focused();
            if ("body".equals(focus.get("what")) || "a skip-link".equals(focus.get("what"))) {
                break;
            }
            reached.add((String) focus.get("what"));
            check(focus, problems);
        }
        // What a closed <details> folds away is reached once the reader opens it.
        Number tabbable = (Number) browser.script("""
                return [...document.querySelectorAll('a[href], button, summary, input, [tabindex]')]
                    .filter(el => el.tabIndex >= 0 && el.getClientRects().length > 0
                        && getComputedStyle(el).visibility !== 'hidden'
                        && !el.closest('details:not([open]) > :not(summary)')).length - 1;""");
        assertEquals(tabbable.intValue(), reached.size(), "Tab reaches every control once: " + reached);

        // The skip link moves focus to the main content, and the next Tab stays inside it.
        browser.open(sites.url(page));
        browser.tab();
        browser.press(Keys.ENTER);
        Map<String, Object> afterSkip = focused();
        browser.tab();
        Map<String, Object> next = focused();
        assertAll(
                () -> assertEquals(List.of(), problems),
                () -> assertEquals("main", afterSkip.get("tag"), "the skip link focuses <main>"),
                () -> assertEquals(true, next.get("inMain"), "after the skip link, Tab continues in <main>: " + next));
    }

    /** What has focus, where it is, and whether its focus indicator shows and is uncovered. */
    private Map<String, Object> focused() {
        @SuppressWarnings("unchecked")
        Map<String, Object> focus = (Map<String, Object>) browser.script("""
                const el = document.activeElement;
                const style = getComputedStyle(el);
                const box = el.getClientRects()[0] || el.getBoundingClientRect();
                const x = box.left + Math.min(12, box.width / 2), y = box.top + Math.min(12, box.height / 2);
                const hit = document.elementFromPoint(x, y);
                return {
                  tag: el.tagName.toLowerCase(),
                  what: el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
                      ? ' ' + el.className : '') + (el.id ? '#' + el.id : ''),
                  html: el.outerHTML.slice(0, 100),
                  outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
                  inView: box.top >= 0 && box.top < innerHeight && box.left >= 0 && box.right <= innerWidth,
                  uncovered: hit !== null && (hit === el || el.contains(hit)),
                  inMain: !!el.closest('main') && el.tagName !== 'MAIN'
                };""");
        return focus;
    }

    private static void check(Map<String, Object> focus, List<String> problems) {
        if (!Boolean.TRUE.equals(focus.get("outline"))) {
            problems.add("no visible focus indicator on " + focus.get("html"));
        }
        if (!Boolean.TRUE.equals(focus.get("inView"))) {
            problems.add("focused but out of view: " + focus.get("html"));
        }
        if (!Boolean.TRUE.equals(focus.get("uncovered"))) {
            problems.add("focused but covered by another element: " + focus.get("html"));
        }
    }
}
