package com.sethihemant.site.blog.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The theme fixture's post of diagrams, formulas and charts, as a reader sees it: every figure
 * takes the page's colours in the system's scheme and after the header toggle, the math is laid
 * out by the browser's MathML, a chart's data opens as a table and its raw file downloads, axe
 * finds nothing at 320 pixels (light, dark, and dark by the toggle; {@link AccessibilityIT} covers
 * a phone and a desktop), and a screenshot of each figure in each theme lands in target/screenshots.
 */
class FiguresInBrowserIT extends BrowserTest {

    private static final String PAGE = "theme:/blog/2026/figures/";

    /** The colours a reader sees: the page's text and background, and what each kind of figure paints. */
    private static final String COLOURS = """
            const fill = sel => [...document.querySelectorAll(sel)].map(el => getComputedStyle(el).fill);
            const body = getComputedStyle(document.body);
            return {
              text: body.color.replace(/\\s/g, ''),
              background: body.backgroundColor.replace(/\\s/g, ''),
              diagramText: [...new Set(fill('.diagram svg text.dt').map(c => c.replace(/\\s/g, '')))],
              diagramBoxes: [...new Set(fill('.diagram svg .d1').map(c => c.replace(/\\s/g, '')))],
              chartText: [...new Set(fill('.chart svg .c-text text, .chart svg text.c-text').map(c => c.replace(/\\s/g, '')))],
              firstSeries: [...new Set(fill('.chart svg g.c-s1 > path.c-bar').map(c => c.replace(/\\s/g, '')))],
              math: [...new Set([...document.querySelectorAll('.prose math')].map(m => getComputedStyle(m).color.replace(/\\s/g, '')))]
            };""";

    @AfterEach
    void forget() {
        browser.script("localStorage.clear()");
    }

    @Test
    void figuresTakeThePageColoursInTheSystemSchemeAndAfterTheToggle() throws IOException {
        browser.open(sites.url(PAGE));
        Map<String, Object> light = colours();
        browser.driver().findElement(By.cssSelector(".theme-toggle")).click();
        Map<String, Object> toggled = colours();
        screenshots("toggled-dark");
        browser.script("localStorage.clear()");
        browser.colorScheme("dark");
        browser.open(sites.url(PAGE));
        Map<String, Object> system = colours();
        assertAll(
                () -> assertNotEquals(light.get("text"), toggled.get("text"), "the toggle changed the page's colours"),
                () -> assertEquals(toggled, system, "the toggle's dark is the system's dark, figures included"),
                () -> assertFollowsPage(light),
                () -> assertFollowsPage(toggled));
    }

    @Test
    void axeFindsNoViolationAt320PixelsInEitherSchemeOrAfterTheToggle() {
        List<String> found = new ArrayList<>();
        browser.phone(Browser.NARROWEST);
        for (String scheme : List.of("light", "dark", "toggled")) {
            browser.colorScheme(scheme.equals("dark") ? "dark" : "light");
            browser.open(sites.url(PAGE));
            if (scheme.equals("toggled")) {
                browser.driver().findElement(By.cssSelector(".theme-toggle")).click();
            }
            browser.accessibilityViolations().forEach(violation -> found.add(scheme + ": " + violation));
        }
        assertEquals(List.of(), found);
    }

    @Test
    void eachFigureIsScreenshottedInBothThemesOnAPhoneAndADesktop() throws IOException {
        for (String scheme : List.of("light", "dark")) {
            browser.colorScheme(scheme);
            browser.desktop();
            browser.open(sites.url(PAGE));
            screenshots(scheme + "-desktop");
            browser.phone(Browser.NARROWEST);
            browser.open(sites.url(PAGE));
            screenshots(scheme + "-phone");
        }
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void alignedEquationsLineUpAtTheirRelationSigns() {
        browser.open(sites.url(PAGE));
        @SuppressWarnings("unchecked")
        List<Number> lefts = (List<Number>) browser.script("""
                const table = document.querySelector('.stemblock mtable');
                return [...table.querySelectorAll('mtr > mtd:nth-child(2)')].map(cell => {
                  const op = [...cell.querySelectorAll('mo')].find(o => o.textContent.trim() !== '');
                  return op.getBoundingClientRect().left;
                });""");
        assertEquals(2, lefts.size(), lefts::toString);
        assertEquals(lefts.get(0).doubleValue(), lefts.get(1).doubleValue(), 1.5,
                "the = and the ≤ of an aligned block start at the same x: " + lefts);
    }

    @Test
    void everyLabelLiesInsideItsFigure() {
        browser.open(sites.url(PAGE));
        @SuppressWarnings("unchecked")
        List<String> outside = (List<String>) browser.script("""
                const outside = [];
                for (const svg of document.querySelectorAll('.diagram svg, .chart svg')) {
                  const frame = svg.getBoundingClientRect();
                  for (const text of svg.querySelectorAll('text')) {
                    const box = text.getBoundingClientRect();
                    if (box.left < frame.left - 0.5 || box.right > frame.right + 0.5
                        || box.top < frame.top - 0.5 || box.bottom > frame.bottom + 0.5) {
                      outside.push(text.textContent + ' in ' + (svg.getAttribute('aria-label')
                          || svg.querySelector('title').textContent));
                    }
                  }
                }
                return outside;""");
        assertEquals(List.of(), outside, "labels cut off at the figure's edge");
    }

    @Test
    void aChartsDataOpensAsATableAndItsRawFileDownloads() throws Exception {
        browser.open(sites.url(PAGE));
        WebElement details = browser.driver().findElement(By.cssSelector(".chart details.chart-data"));
        WebElement table = details.findElement(By.cssSelector("table"));
        assertEquals(false, table.isDisplayed(), "the table is folded away until asked for");
        details.findElement(By.cssSelector("summary")).click();
        assertTrue(table.isDisplayed(), "a click on the summary shows the table");
        int rows = table.findElements(By.cssSelector("tbody tr")).size();
        String href = details.findElement(By.cssSelector("a[href$='.csv']")).getAttribute("href");
        HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).build(),
                HttpResponse.BodyHandlers.ofString());
        long dataLines = raw.body().lines().filter(l -> !l.isBlank() && !l.startsWith("#")).count() - 1;
        assertAll(
                () -> assertEquals(200, raw.statusCode(), href),
                () -> assertEquals(dataLines, rows, "the table has a row for each row of the file"));
    }

    private Map<String, Object> colours() {
        @SuppressWarnings("unchecked")
        Map<String, Object> colours = (Map<String, Object>) browser.script(COLOURS);
        return colours;
    }

    /** Text in diagrams, charts and formulas is the page's text colour; boxes are not the text's colour. */
    private static void assertFollowsPage(Map<String, Object> colours) {
        Object text = colours.get("text");
        assertAll(colours.toString(),
                () -> assertEquals(List.of(text), colours.get("diagramText")),
                () -> assertEquals(List.of(text), colours.get("chartText")),
                () -> assertEquals(List.of(text), colours.get("math")),
                () -> assertEquals(1, ((List<?>) colours.get("diagramBoxes")).size()),
                () -> assertNotEquals(List.of(text), colours.get("diagramBoxes")),
                () -> assertEquals(1, ((List<?>) colours.get("firstSeries")).size()));
    }

    /** A PNG of each diagram, chart and display formula, named after its place on the page. */
    private void screenshots(String variant) throws IOException {
        Path dir = Files.createDirectories(Path.of(System.getProperty("screenshots.dir", "target/screenshots")));
        List<WebElement> figures = browser.driver().findElements(By.cssSelector(".diagram, .chart, .stemblock"));
        assertTrue(figures.size() >= 8, "the fixture has diagrams, charts and formulas: " + figures.size());
        for (int i = 0; i < figures.size(); i++) {
            WebElement figure = figures.get(i);
            browser.script("arguments[0].scrollIntoView({block: 'start'})", figure);
            String kind = figure.getAttribute("class").contains("diagram") ? "diagram"
                    : figure.getAttribute("class").contains("chart") ? "chart" : "math";
            Path file = dir.resolve(Sites.name(PAGE) + "-" + (i + 1) + "-" + kind + "-" + variant + ".png");
            Files.write(file, figure.getScreenshotAs(OutputType.BYTES));
            assertTrue(Files.size(file) > 1000, file + " is empty");
        }
    }
}
