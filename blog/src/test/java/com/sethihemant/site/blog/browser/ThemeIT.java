package com.sethihemant.site.blog.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Light and dark: the system's preference applies without JavaScript; the toggle overrides it,
 * persists across pages and reloads, and the first frame of every page is already in the chosen
 * theme. Pages read fully with JavaScript off. The copy button copies a code block.
 */
class ThemeIT extends BrowserTest {

    private static final String LIGHT_BACKGROUND = "rgb(251, 250, 247)";
    private static final String DARK_BACKGROUND = "rgb(18, 20, 22)";
    /** Records the theme of the first frame: rAF runs before the first paint, once the CSS has loaded. */
    private static final String FIRST_FRAME_PROBE = """
            new MutationObserver((records, observer) => {
              if (!document.body) return;
              observer.disconnect();
              requestAnimationFrame(() => {
                window.firstFrame = {
                  theme: document.documentElement.getAttribute('data-theme'),
                  background: getComputedStyle(document.body).backgroundColor
                };
              });
            }).observe(document, {childList: true, subtree: true});""";

    @BeforeEach
    void reset() {
        browser.javaScript(true);
        browser.open(sites.url("/"));
        browser.script("localStorage.clear()");
    }

    @AfterEach
    void noConsoleErrors() {
        browser.javaScript(true);
        assertEquals(List.of(), browser.consoleErrors());
    }

    static Stream<String> pages() {
        return Sites.all().stream();
    }

    @Test
    void toggleOverridesTheSystemPersistsAndNeverFlashes() {
        String probe = browser.onEveryDocument(FIRST_FRAME_PROBE);
        try {
            browser.open(sites.url("/"));
            assertTheme(null, LIGHT_BACKGROUND, "false");

            toggle().click();
            assertTheme("dark", DARK_BACKGROUND, "true");
            assertEquals("dark", browser.script("return localStorage.getItem('theme')"));

            browser.open(sites.url("/blog/2026/dynamo-paper-notes/"));
            assertFirstFrame("dark", DARK_BACKGROUND);
            assertTheme("dark", DARK_BACKGROUND, "true");
            browser.reload();
            assertFirstFrame("dark", DARK_BACKGROUND);

            toggle().click();
            assertTheme("light", LIGHT_BACKGROUND, "false");
            // A stored light theme wins over a system that prefers dark.
            browser.colorScheme("dark");
            browser.open(sites.url("/about/"));
            assertFirstFrame("light", LIGHT_BACKGROUND);
            assertTheme("light", LIGHT_BACKGROUND, "false");

            // With nothing stored the system decides, from the first frame on.
            browser.script("localStorage.clear()");
            browser.open(sites.url("/writing/"));
            assertFirstFrame(null, DARK_BACKGROUND);
            assertTheme(null, DARK_BACKGROUND, "true");
            toggle().click();
            assertTheme("light", LIGHT_BACKGROUND, "false");
        } finally {
            browser.removeOnEveryDocument(probe);
        }
    }

    @ParameterizedTest
    @MethodSource("pages")
    void pagesReadFullyWithJavaScriptOffInBothSchemes(String page) {
        browser.javaScript(false);
        for (String scheme : List.of("light", "dark")) {
            browser.colorScheme(scheme);
            browser.open(sites.url(page));
            @SuppressWarnings("unchecked")
            Map<String, Object> state = (Map<String, Object>) browser.script("""
                    // Not counted: what a closed <details> folds away until the reader opens it, and an
                    // SVG's title and description, which are read out, never drawn; and the search page's
                    // live search, a control that needs JavaScript (the page offers a web search instead).
                    const hidden = [...document.querySelectorAll('main *')]
                        .filter(el => el.getClientRects().length === 0 && !['BR', 'WBR', 'COL', 'COLGROUP', 'DATA']
                            .includes(el.tagName) && el.textContent.trim() !== ''
                            && !el.closest('details:not([open]) > :not(summary)')
                            && !el.closest('.search-live')
                            && !(el.closest('svg') && ['title', 'desc'].includes(el.tagName)))
                        .map(el => el.outerHTML.slice(0, 80));
                    return {
                      scripted: document.documentElement.classList.contains('js'),
                      toggle: getComputedStyle(document.querySelector('.theme-toggle')).display,
                      copyButtons: document.querySelectorAll('.copy').length,
                      hidden: hidden,
                      background: getComputedStyle(document.body).backgroundColor
                    };""");
            assertAll(page + " in " + scheme + " without JavaScript",
                    () -> assertEquals(false, state.get("scripted"), "no script ran"),
                    () -> assertEquals("none", state.get("toggle"), "a toggle that cannot work is not shown"),
                    () -> assertEquals(0L, state.get("copyButtons")),
                    () -> assertEquals(List.of(), state.get("hidden"), "content hidden without JavaScript"),
                    () -> assertEquals(scheme.equals("dark") ? DARK_BACKGROUND : LIGHT_BACKGROUND, state.get("background"),
                            "the system's colour scheme applies without JavaScript"));
        }
    }

    @Test
    void copyButtonCopiesTheCodeOfItsBlock() {
        String url = sites.url("theme:/blog/2026/every-block/").toString();
        browser.driver().executeCdpCommand("Browser.grantPermissions", Map.of(
                "origin", url.substring(0, url.indexOf('/', "http://".length())),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        browser.open(sites.url("theme:/blog/2026/every-block/"));
        List<WebElement> buttons = browser.driver().findElements(By.cssSelector(".listingblock .copy"));
        assertEquals(browser.driver().findElements(By.cssSelector(".listingblock pre")).size(), buttons.size(),
                "one copy button per code block");
        WebElement button = buttons.get(2);
        String code = (String) browser.script("return arguments[0].parentElement.querySelector('pre').innerText", button);
        button.click();
        Object copied = browser.driver().executeAsyncScript(
                "navigator.clipboard.readText().then(arguments[0], e => arguments[0]('failed: ' + e))");
        assertAll(
                () -> assertEquals("Copied", button.getText()),
                () -> assertEquals(code.strip(), String.valueOf(copied).strip()),
                () -> assertTrue(code.contains("class Quorum"), code));
    }

    private WebElement toggle() {
        return browser.driver().findElement(By.cssSelector(".theme-toggle"));
    }

    private void assertTheme(String stored, String background, String pressed) {
        @SuppressWarnings("unchecked")
        Map<String, Object> state = (Map<String, Object>) browser.script("""
                return {theme: document.documentElement.getAttribute('data-theme'),
                        background: getComputedStyle(document.body).backgroundColor,
                        pressed: document.querySelector('.theme-toggle').getAttribute('aria-pressed')};""");
        assertAll(
                () -> assertEquals(stored, state.get("theme"), "data-theme"),
                () -> assertEquals(background, state.get("background"), "background"),
                () -> assertEquals(pressed, state.get("pressed"), "aria-pressed"));
    }

    private void assertFirstFrame(String theme, String background) {
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) browser.script("return window.firstFrame");
        assertTrue(first != null, "the first-frame probe ran");
        assertAll(
                () -> assertEquals(background, first.get("background"), "the first frame is painted in the chosen theme"),
                () -> assertEquals(theme, first.get("theme"), "data-theme in the first frame"));
    }
}
