package com.sethihemant.site.blog.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the browser tests find their driver and browser: system properties first, then the
 * variables of GitHub's hosted runners, then Debian's packages; a setting that points nowhere is
 * an error, never a silent fall-back.
 */
class BrowserBinariesTest {

    @TempDir
    Path dir;

    private final Map<String, String> properties = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();
    private Path debianDriver;
    private Path debianBrowser;

    private BrowserBinaries find() {
        UnaryOperator<String> lookup = properties::get;
        return BrowserBinaries.find(lookup, environment,
                debianDriver != null ? debianDriver : dir.resolve("no-debian/chromedriver"),
                debianBrowser != null ? debianBrowser : dir.resolve("no-debian/chromium"));
    }

    private Path executable(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private void debian() throws IOException {
        debianDriver = executable("usr/bin/chromedriver");
        debianBrowser = executable("usr/bin/chromium");
    }

    @Test
    void findsTheDebianPackagesWhenNothingElseIsSet() throws IOException {
        debian();
        BrowserBinaries found = find();
        assertAll(
                () -> assertEquals(debianDriver, found.driver()),
                () -> assertEquals("Debian's chromium-driver", found.driverFrom()),
                () -> assertEquals(debianBrowser, found.browser()),
                () -> assertEquals("Debian's chromium", found.browserFrom()));
    }

    @Test
    void findsTheHostedRunnersDriverFolderAndChromeBeforeDebian() throws IOException {
        // As ubuntu-24.04 sets them: a folder for the driver, the file for Google Chrome.
        debian();
        Path driver = executable("usr/local/share/chromedriver-linux64/chromedriver");
        Path chrome = executable("usr/bin/google-chrome");
        environment.put("CHROMEWEBDRIVER", driver.getParent().toString());
        environment.put("CHROME_BIN", chrome.toString());
        BrowserBinaries found = find();
        assertAll(
                () -> assertEquals(driver, found.driver()),
                () -> assertEquals("CHROMEWEBDRIVER=" + driver.getParent(), found.driverFrom()),
                () -> assertEquals(chrome, found.browser()),
                () -> assertEquals("CHROME_BIN=" + chrome, found.browserFrom()));
    }

    @Test
    void chromePathComesBeforeChromeBin() throws IOException {
        debian();
        Path chromium = executable("opt/chromium/chrome");
        environment.put("CHROME_PATH", chromium.toString());
        environment.put("CHROME_BIN", executable("usr/bin/google-chrome").toString());
        assertEquals(chromium, find().browser());
    }

    @Test
    void aDriverVariableNamingTheFileItselfIsTakenAsMeant() throws IOException {
        debian();
        Path driver = executable("tools/chromedriver-156");
        environment.put("CHROMEWEBDRIVER", driver.toString());
        assertEquals(driver, find().driver());
    }

    @Test
    void systemPropertiesComeBeforeEveryVariable() throws IOException {
        debian();
        environment.put("CHROMEWEBDRIVER", executable("runner/chromedriver").getParent().toString());
        environment.put("CHROME_PATH", executable("runner/chrome").toString());
        Path driver = executable("chosen/chromedriver");
        Path browser = executable("chosen/chrome");
        properties.put("webdriver.chrome.driver", driver.toString());
        properties.put("webdriver.chrome.binary", browser.toString());
        BrowserBinaries found = find();
        assertAll(
                () -> assertEquals(driver, found.driver()),
                () -> assertEquals("-Dwebdriver.chrome.driver=" + driver, found.driverFrom()),
                () -> assertEquals(browser, found.browser()),
                () -> assertEquals("-Dwebdriver.chrome.binary=" + browser, found.browserFrom()));
    }

    @Test
    void emptyValuesCountAsUnset() throws IOException {
        // GitHub's Arm runners set CHROMEWEBDRIVER to an empty value.
        debian();
        environment.put("CHROMEWEBDRIVER", "");
        environment.put("CHROME_PATH", " ");
        properties.put("webdriver.chrome.driver", "");
        BrowserBinaries found = find();
        assertEquals(debianDriver, found.driver());
        assertEquals(debianBrowser, found.browser());
    }

    @Test
    void aDriverFolderWithoutADriverIsAnErrorNotAFallBack() throws IOException {
        debian();
        Path empty = Files.createDirectories(dir.resolve("empty"));
        environment.put("CHROMEWEBDRIVER", empty.toString());
        IllegalStateException e = assertThrows(IllegalStateException.class, this::find);
        assertTrue(e.getMessage().startsWith("CHROMEWEBDRIVER=" + empty + " holds no executable chromedriver"),
                e.getMessage());
    }

    @Test
    void aBrowserVariableNamingNothingIsAnError() throws IOException {
        debian();
        Path missing = dir.resolve("nowhere/chrome");
        environment.put("CHROME_PATH", missing.toString());
        IllegalStateException e = assertThrows(IllegalStateException.class, this::find);
        assertEquals("CHROME_PATH=" + missing + ": no such file (" + missing
                + "); point it at the Chrome or Chromium executable, or unset it.", e.getMessage());
    }

    @Test
    void aPropertyNamingAFileThatCannotRunIsAnError() throws IOException {
        debian();
        Path notExecutable = dir.resolve("chromedriver.txt");
        Files.writeString(notExecutable, "not a program");
        properties.put("webdriver.chrome.driver", notExecutable.toString());
        IllegalStateException e = assertThrows(IllegalStateException.class, this::find);
        assertTrue(e.getMessage().startsWith("-Dwebdriver.chrome.driver=" + notExecutable + ": not an executable file"),
                e.getMessage());
    }

    @Test
    void nothingAnywhereNamesEveryPlaceTriedAndWhatToInstall() {
        IllegalStateException e = assertThrows(IllegalStateException.class, this::find);
        assertAll(
                () -> assertTrue(e.getMessage().startsWith("No chromedriver found: tried -Dwebdriver.chrome.driver, "
                        + "CHROMEWEBDRIVER (unset) and " + dir.resolve("no-debian/chromedriver")), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("apt-get install chromium chromium-driver"), e.getMessage()));
    }

    @Test
    void aDriverWithoutABrowserIsReportedForTheBrowser() throws IOException {
        environment.put("CHROMEWEBDRIVER", executable("driver/chromedriver").getParent().toString());
        IllegalStateException e = assertThrows(IllegalStateException.class, this::find);
        assertTrue(e.getMessage().startsWith("No browser found: tried -Dwebdriver.chrome.binary, CHROME_PATH, "
                + "CHROME_BIN (unset) and " + dir.resolve("no-debian/chromium")), e.getMessage());
    }
}
