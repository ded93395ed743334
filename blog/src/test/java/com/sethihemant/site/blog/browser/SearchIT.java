package com.sethihemant.site.blog.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search, as a visitor uses it: the key / or the header's control opens it, results come as
 * the visitor types (words from a post's body, a tag, a heading), matches are marked, the results
 * are links reached with Tab and announced in a live region; the search page keeps the words in
 * its address; without JavaScript the search page offers a web search of the site.
 */
class SearchIT extends BrowserTest {

    private static final String POST = "/blog/2026/dynamo-paper-notes/";

    @AfterEach
    void javaScriptOn() {
        browser.javaScript(true);
    }

    private WebDriverWait waiting() {
        // Polls the page until the condition holds; the time is only an upper bound for a failure.
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(10));
    }

    /** Waits until the list under {@code scope} shows results for {@code query}, and returns them. */
    private List<WebElement> results(String scope, String query) {
        By status = By.cssSelector(scope + " .search__status");
        waiting().until(ExpectedConditions.textMatches(status, java.util.regex.Pattern.compile(".*for “" + query + "”")));
        return browser.driver().findElements(By.cssSelector(scope + " .search__results > li"));
    }

    private Object active() {
        return browser.script("const a = document.activeElement; return a.id || a.getAttribute('href') || a.tagName;");
    }

    @Test
    void slashOpensTheSearchAndResultsComeAsTheVisitorTypes() {
        browser.open(sites.url("/"));
        browser.press("/");
        waiting().until(driver -> browser.script("return document.querySelector('.search-dialog').open"));
        assertEquals("search-dialog-q", active(), "the field has the focus");
        browser.press("merk");
        List<WebElement> found = results(".search-dialog", "merk");
        assertEquals(POST, found.get(0).findElement(By.cssSelector("a")).getAttribute("pathname"));
        List<String> marked = new ArrayList<>();
        found.get(0).findElements(By.cssSelector("mark")).forEach(m -> marked.add(m.getText()));
        assertTrue(marked.contains("Merkle"), "matches are marked: " + marked);
        // The section whose heading matches is linked too.
        WebElement section = found.get(0).findElement(By.cssSelector(".search__section"));
        assertEquals(POST + "#anti-entropy-with-merkle-trees",
                browser.script("return new URL(arguments[0].href).pathname + new URL(arguments[0].href).hash", section));
        assertEquals("polite", browser.driver().findElement(By.cssSelector(".search-dialog .search__status")).getAttribute("aria-live"));

        // Tab goes from the field through the button to each result's links, in order.
        browser.tab();
        browser.tab();
        assertEquals(POST, active());
        browser.tab();
        assertEquals(POST + "#anti-entropy-with-merkle-trees", active());
        browser.press(Keys.ESCAPE);
        assertEquals(false, browser.script("return document.querySelector('.search-dialog').open"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void theHeadersControlOpensTheSameSearchAndATagFindsItsPosts() {
        browser.open(sites.url("/about/"));
        browser.driver().findElement(By.cssSelector(".search-open")).click();
        waiting().until(driver -> browser.script("return document.querySelector('.search-dialog').open"));
        browser.press("paper-notes");
        List<WebElement> found = results(".search-dialog", "paper-notes");
        assertEquals(POST, found.get(0).findElement(By.cssSelector("a")).getAttribute("pathname"));
        assertTrue(found.get(0).findElement(By.cssSelector(".meta")).getText().contains("#paper-notes"));
        // A click on the backdrop closes it.
        browser.script("const d = document.querySelector('.search-dialog'); d.dispatchEvent(new MouseEvent('click', {bubbles: true}));");
        assertEquals(false, browser.script("return document.querySelector('.search-dialog').open"));
    }

    @Test
    void theSearchPageFindsHeadingsAndBodyWordsAndKeepsTheQueryInItsAddress() {
        browser.open(sites.url("/search/?q=vector+clocks"));
        List<WebElement> found = results("main", "vector clocks");
        assertEquals(POST, found.get(0).findElement(By.cssSelector("a")).getAttribute("pathname"));
        assertTrue(found.get(0).findElement(By.cssSelector(".search__section")).getText().contains("Versioning with vector clocks"));

        WebElement field = browser.driver().findElement(By.id("search-q"));
        field.clear();
        field.sendKeys("shopping cart");
        WebElement first = results("main", "shopping cart").get(0);
        assertEquals(POST, first.findElement(By.cssSelector("a")).getAttribute("pathname"));
        // Only the body has these words: the result shows the passage of the page, marked.
        waiting().until(driver -> first.findElements(By.cssSelector("p mark")).size() >= 2);
        assertTrue(first.getText().toLowerCase().contains("shopping cart"), first.getText());
        assertEquals("?q=shopping%20cart", browser.script("return location.search"));

        field.clear();
        field.sendKeys("zzzyx");
        waiting().until(ExpectedConditions.textToBe(By.cssSelector("main .search__status"), "Nothing found for “zzzyx”"));
        assertTrue(browser.driver().findElements(By.cssSelector("main .search__results > li")).isEmpty());
    }

    @Test
    void aPrefixFindsWholeWordsAndTitlesRankAboveDescriptionsAndBodies() {
        // In the theme fixture, "series" is in the titles of the first and last notes, in the
        // description of the related post, and only in the body of the every-block note.
        browser.open(sites.url("theme:/search/?q=seri"));
        List<String> order = new ArrayList<>();
        results("main", "seri").forEach(li -> order.add(li.findElement(By.cssSelector("a")).getAttribute("pathname")));
        List<String> titles = List.of("/blog/2026/first-note/", "/blog/2026/last-note/");
        assertTrue(order.size() >= 4, order.toString());
        assertEquals(Set.copyOf(titles), Set.copyOf(order.subList(0, 2)), "title matches first: " + order);
        assertTrue(order.indexOf("/blog/2026/related-post/") < order.indexOf("/blog/2026/every-block/"),
                "a description ranks above the body: " + order);
        WebElement first = browser.driver().findElement(By.cssSelector("main .search__results > li a"));
        assertTrue(first.findElement(By.cssSelector("mark")).getText().equalsIgnoreCase("series"),
                "the whole word is marked: " + first.getText());
    }

    @Test
    void theSearchPageWithResultsAndTheOpenDialogPassAxe() {
        List<String> found = new ArrayList<>();
        for (String scheme : List.of("light", "dark")) {
            browser.colorScheme(scheme);
            browser.open(sites.url("/search/?q=storage"));
            results("main", "storage");
            analyze(scheme + " page", found);
            browser.open(sites.url("/blog/"));
            browser.press("/");
            waiting().until(driver -> browser.script("return document.querySelector('.search-dialog').open"));
            browser.press("dynamo");
            results(".search-dialog", "dynamo");
            analyze(scheme + " dialog", found);
        }
        assertEquals(List.of(), found);
    }

    private void analyze(String where, List<String> found) {
        browser.accessibilityViolations().forEach(violation -> found.add(where + ": " + violation));
    }

    @Test
    void withoutJavaScriptTheSearchPageOffersAWebSearchOfTheSite() {
        browser.javaScript(false);
        browser.open(sites.url("/"));
        browser.driver().findElement(By.cssSelector(".search-open")).click();
        waiting().until(driver -> driver.getCurrentUrl().endsWith("/search/"));
        WebElement fallback = browser.driver().findElement(By.cssSelector(".search-fallback"));
        assertTrue(fallback.isDisplayed());
        assertTrue(fallback.getText().contains("JavaScript"), fallback.getText());
        assertEquals("https://duckduckgo.com/", fallback.findElement(By.cssSelector("form")).getAttribute("action"));
        assertFalse(browser.driver().findElement(By.cssSelector(".search-live")).isDisplayed(),
                "the live search, which needs JavaScript, is not shown");
    }
}
