package com.sethihemant.site.blog.browser;

import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SessionNotCreatedException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriverLogLevel;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * Chromium or Chrome, headless, driven through the chromedriver {@link BrowserBinaries} finds
 * (given by system properties, by the variables of GitHub's hosted runners, or Debian's
 * packages), and kept entirely on this machine: the driver path is given (so Selenium Manager
 * never runs), and the flags stop the browser's own requests to the internet. Viewport, colour
 * scheme and JavaScript are switched through the DevTools protocol, and stay switched for later
 * pages until changed.
 */
final class Browser implements AutoCloseable {

    /** Desktop and phone viewports: the screenshots' sizes, and the narrowest screen to support. */
    static final int DESKTOP_WIDTH = 1280;
    static final int DESKTOP_HEIGHT = 900;
    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;
    static final int NARROWEST = 320;
    /** The axe-core tags of WCAG 2.2 level AA, with the A and AA rules of 2.0 and 2.1 it includes. */
    static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private final Path profile;
    private final ChromeDriver driver;
    private String axeSource;

    Browser() {
        this(BrowserBinaries.find());
    }

    Browser(BrowserBinaries binaries) {
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(binaries.driver().toFile())
                .usingAnyFreePort()
                // At INFO the driver logs the whole axe script on every analysis.
                .withLogLevel(ChromiumDriverLogLevel.WARNING)
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binaries.browser().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--user-data-dir=" + profile,
                "--disable-features=AutofillServerCommunication,NetworkTimeServiceQuerying",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
                "--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT, "--force-device-scale-factor=1");
        if (smallSharedMemory()) {
            options.addArguments("--disable-dev-shm-usage");
        }
        // The first tab would otherwise open a search engine's new-tab page.
        options.setExperimentalOption("prefs", Map.of(
                "session.restore_on_startup", 4, "session.startup_urls", List.of("about:blank")));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        try {
            driver = new ChromeDriver(service, options);
        } catch (SessionNotCreatedException e) {
            deleteProfile();
            // Most often a driver for another major version than the browser's; say which two met.
            throw new IllegalStateException("The browser did not start with " + binaries.describe()
                    + ". A chromedriver drives only the browser version it was built for: take both from one"
                    + " place (both Debian packages, or CHROMEWEBDRIVER with CHROME_BIN on GitHub's runners).", e);
        }
        // Once per test class, in the test log: which browser these results are for.
        System.out.println("Browser tests: " + driver.getCapabilities().getBrowserName() + " "
                + driver.getCapabilities().getBrowserVersion() + " through " + binaries.describe());
    }

    /**
     * Whether /dev/shm is missing or too small for Chromium's shared memory, as in a container
     * that keeps Docker's 64 MB default. Only then is Chromium told to use files in /tmp
     * instead: where /dev/shm is large, those files cost about a tenth of the axe class's
     * processor time (measured with /tmp on disk and a 24 GB /dev/shm).
     */
    private static boolean smallSharedMemory() {
        try {
            return Files.getFileStore(Path.of("/dev/shm")).getTotalSpace() < 1L << 30;
        } catch (IOException | SecurityException e) {
            return true;
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Loads a page and waits for its load event (deferred scripts have run by then). */
    void open(URI url) {
        driver.get(url.toString());
    }

    void reload() {
        driver.navigate().refresh();
    }

    /** The console's errors since the last call (reading the log empties it). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** {@code light} or {@code dark}: what {@code prefers-color-scheme} answers from now on. */
    void colorScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    void desktop() {
        viewport(DESKTOP_WIDTH, DESKTOP_HEIGHT, false);
    }

    void phone(int width) {
        viewport(width, PHONE_HEIGHT, true);
    }

    private void viewport(int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    /** Turns the page's JavaScript off or on; the test's own scripts still run. */
    void javaScript(boolean enabled) {
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !enabled));
    }

    /** Runs {@code source} in every document from now on, before the page's own scripts; returns its id. */
    String onEveryDocument(String source) {
        return (String) driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", source))
                .get("identifier");
    }

    void removeOnEveryDocument(String id) {
        driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", id));
    }

    /** Runs {@code script} (a function body; arguments in {@code arguments}) in the page. */
    Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /**
     * What axe-core finds against WCAG 2.2 AA on the page as it is now, one line per element:
     * the rule, where, and what to fix. axe-core (the copy inside Deque's Selenium library) is
     * added to the current page and, from then on, to every page before its own scripts, so that
     * the half-megabyte script is sent to the browser once rather than on every analysis. The
     * pages have no frames, so {@code axe.run} covers all of a page.
     */
    @SuppressWarnings("unchecked")
    List<String> accessibilityViolations() {
        if (axeSource == null) {
            axeSource = axeCore();
            onEveryDocument(axeSource);
        }
        if (!Boolean.TRUE.equals(script("return typeof window.axe === 'object'"))) {
            script(axeSource);
        }
        return (List<String>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                  .then(results => done(results.violations.flatMap(rule => rule.nodes.map(node =>
                      rule.id + ' at ' + JSON.stringify(node.target) + ': ' + node.failureSummary))),
                        error => done(['axe-core failed: ' + error]));""", WCAG_22_AA);
    }

    private static String axeCore() {
        try (InputStream in = AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is missing from Deque's axe-core Selenium library");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Presses keys as a keyboard user would, so that focus is keyboard focus (:focus-visible). */
    void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    void tab() {
        press(Keys.TAB);
    }

    /** A PNG of the whole page, not only the viewport. */
    byte[] screenshot() {
        Number width = (Number) script("return document.documentElement.clientWidth");
        Number height = (Number) script("return document.documentElement.scrollHeight");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "optimizeForSpeed", true, "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
