package com.sethihemant.site.blog.browser;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WCAG 2.2 AA in a real browser: axe-core finds no violation in light or dark, on a phone or a
 * desktop, and nothing logs an error to the console. What axe cannot see, the keyboard and the
 * size of targets, {@link KeyboardIT} checks. A screenshot of every page in each of those four
 * states is saved under target/screenshots for people to look at, taken on the same visit as the
 * analysis (a page load costs Chromium about 0.2 s of processor time, and there are 68).
 */
@Order(1) // a long class: started first (junit-platform.properties)
class AccessibilityIT extends BrowserTest {

    static Stream<Arguments> pagesInBothSchemes() {
        return Sites.all().stream().flatMap(page -> Stream.of(Arguments.of(page, "light"), Arguments.of(page, "dark")));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("pagesInBothSchemes")
    void axeFindsNoViolationOnADesktopOrAPhone(String page, String scheme) throws IOException {
        Path screenshots = Files.createDirectories(Path.of(System.getProperty("screenshots.dir", "target/screenshots")));
        browser.colorScheme(scheme);
        List<String> found = new ArrayList<>();
        for (String device : List.of("desktop", "phone")) {
            if (device.equals("phone")) {
                browser.phone(Browser.PHONE_WIDTH);
            }
            browser.open(sites.url(page));
            // Before the analysis, which may scroll the page.
            Path screenshot = screenshots.resolve(Sites.name(page) + "-" + device + "-" + scheme + ".png");
            Files.write(screenshot, browser.screenshot());
            assertTrue(Files.size(screenshot) > 1000, screenshot + " is empty");
            browser.accessibilityViolations().forEach(violation -> found.add(device + ": " + violation));
            browser.consoleErrors().forEach(error -> found.add(device + ": console: " + error));
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theAnalysisReportsWhatItIsShown() {
        // The check above can fail: a grey-on-white line and an image with no text are found.
        browser.open(sites.url("/about/"));
        browser.script("""
                const p = document.createElement('p');
                p.textContent = 'faint';
                p.style.cssText = 'color: #ccc; background: #fff';
                document.querySelector('main').append(p, document.createElement('img'));""");
        List<String> found = browser.accessibilityViolations();
        assertAll(
                () -> assertTrue(found.stream().anyMatch(v -> v.startsWith("color-contrast at ")), found::toString),
                () -> assertTrue(found.stream().anyMatch(v -> v.startsWith("image-alt at ")), found::toString));
    }
}
