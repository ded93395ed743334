package com.sethihemant.site.blog.browser;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The chromedriver and the browser the tests drive, each with where it was found. Both are looked
 * up, never downloaded, in this order:
 *
 * <ol>
 * <li>system properties: {@code webdriver.chrome.driver} (Selenium's own name, the driver file)
 *     and {@code webdriver.chrome.binary} (the browser file), for example
 *     {@code ./mvnw verify -Pbrowser -Dwebdriver.chrome.driver=... -Dwebdriver.chrome.binary=...};</li>
 * <li>the variables of GitHub's hosted runners: {@code CHROMEWEBDRIVER}, the folder holding
 *     {@code chromedriver}; {@code CHROME_PATH} (the name Lighthouse and chrome-launcher read),
 *     then {@code CHROME_BIN} (the runner's Google Chrome, the browser that driver matches);</li>
 * <li>Debian's packages: {@code /usr/bin/chromedriver} (chromium-driver) and {@code /usr/bin/chromium}.</li>
 * </ol>
 *
 * A place that is set but holds no executable is an error, not a reason to fall back: a
 * mistyped setting would otherwise test another browser than the one asked for. Empty values
 * count as unset (GitHub's Arm runners set {@code CHROMEWEBDRIVER} to nothing).
 *
 * @param driver       the chromedriver executable
 * @param driverFrom   where it came from, such as {@code CHROMEWEBDRIVER=/usr/local/share/chromedriver-linux64}
 * @param browser      the Chrome or Chromium executable
 * @param browserFrom  where it came from
 */
record BrowserBinaries(Path driver, String driverFrom, Path browser, String browserFrom) {

    static final String DRIVER_PROPERTY = "webdriver.chrome.driver";
    static final String BROWSER_PROPERTY = "webdriver.chrome.binary";
    static final String DRIVER_FOLDER_VARIABLE = "CHROMEWEBDRIVER";
    static final List<String> BROWSER_VARIABLES = List.of("CHROME_PATH", "CHROME_BIN");
    static final Path DEBIAN_DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path DEBIAN_BROWSER = Path.of("/usr/bin/chromium");

    /** Where the tests look by default: this JVM's system properties and environment, then Debian's paths. */
    static BrowserBinaries find() {
        return find(System::getProperty, System.getenv(), DEBIAN_DRIVER, DEBIAN_BROWSER);
    }

    /**
     * Looks up the driver and the browser.
     *
     * @param properties system properties by name (null when unset)
     * @param environment environment variables
     * @param fallbackDriver the last place to look for the driver
     * @param fallbackBrowser the last place to look for the browser
     * @throws IllegalStateException naming what was tried and what to do, when either is missing
     */
    static BrowserBinaries find(UnaryOperator<String> properties, Map<String, String> environment,
            Path fallbackDriver, Path fallbackBrowser) {
        Found driver = findDriver(properties, environment, fallbackDriver);
        Found browser = findBrowser(properties, environment, fallbackBrowser);
        return new BrowserBinaries(driver.path(), driver.from(), browser.path(), browser.from());
    }

    /** One line for the test log: which binaries run the tests, and why those. */
    String describe() {
        return "chromedriver " + driver + " (" + driverFrom + "), browser " + browser + " (" + browserFrom + ")";
    }

    private record Found(Path path, String from) {
    }

    private static Found findDriver(UnaryOperator<String> properties, Map<String, String> environment, Path fallback) {
        String property = nonEmpty(properties.apply(DRIVER_PROPERTY));
        if (property != null) {
            return executable(property, "-D" + DRIVER_PROPERTY + "=" + property,
                    "point it at the chromedriver file, or leave it out");
        }
        String folder = nonEmpty(environment.get(DRIVER_FOLDER_VARIABLE));
        if (folder != null) {
            String from = DRIVER_FOLDER_VARIABLE + "=" + folder;
            Path named = path(folder, from);
            // The runners set a folder; a variable naming the driver file itself is taken as meant.
            if (Files.isRegularFile(named)) {
                return executable(folder, from, "set it to the folder that holds chromedriver");
            }
            for (String name : List.of("chromedriver", "chromedriver.exe")) {
                Path candidate = named.resolve(name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return new Found(candidate, from);
                }
            }
            throw new IllegalStateException(from + " holds no executable chromedriver; set it to the folder that "
                    + "holds chromedriver, or unset it to use " + fallback);
        }
        if (Files.isRegularFile(fallback) && Files.isExecutable(fallback)) {
            return new Found(fallback, "Debian's chromium-driver");
        }
        throw new IllegalStateException("No chromedriver found: tried -D" + DRIVER_PROPERTY + ", "
                + DRIVER_FOLDER_VARIABLE + " (unset) and " + fallback + ". Install Debian's chromium and "
                + "chromium-driver (apt-get install chromium chromium-driver), or set " + DRIVER_FOLDER_VARIABLE
                + " to the folder holding a chromedriver, or pass -D" + DRIVER_PROPERTY + "=FILE.");
    }

    private static Found findBrowser(UnaryOperator<String> properties, Map<String, String> environment, Path fallback) {
        String property = nonEmpty(properties.apply(BROWSER_PROPERTY));
        if (property != null) {
            return executable(property, "-D" + BROWSER_PROPERTY + "=" + property,
                    "point it at the Chrome or Chromium executable, or leave it out");
        }
        for (String variable : BROWSER_VARIABLES) {
            String value = nonEmpty(environment.get(variable));
            if (value != null) {
                return executable(value, variable + "=" + value,
                        "point it at the Chrome or Chromium executable, or unset it");
            }
        }
        if (Files.isRegularFile(fallback) && Files.isExecutable(fallback)) {
            return new Found(fallback, "Debian's chromium");
        }
        throw new IllegalStateException("No browser found: tried -D" + BROWSER_PROPERTY + ", "
                + String.join(", ", BROWSER_VARIABLES) + " (unset) and " + fallback + ". Install Debian's chromium "
                + "(apt-get install chromium chromium-driver), or set CHROME_PATH to a Chrome or Chromium "
                + "executable, or pass -D" + BROWSER_PROPERTY + "=FILE.");
    }

    private static Found executable(String value, String from, String whatToDo) {
        Path path = path(value, from);
        if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
            throw new IllegalStateException(from + ": " + (Files.exists(path) ? "not an executable file" : "no such file")
                    + " (" + path.toAbsolutePath() + "); " + whatToDo + ".");
        }
        return new Found(path, from);
    }

    private static Path path(String value, String from) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalStateException(from + ": not a path (" + e.getMessage() + ")", e);
        }
    }

    private static String nonEmpty(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
    }
}
