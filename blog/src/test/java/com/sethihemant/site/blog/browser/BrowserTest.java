package com.sethihemant.site.blog.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every browser test class shares: the served sites, one Chromium for the class, and each
 * test starting in the light scheme at desktop size. The browser belongs to the test instance,
 * one per class, so that classes can run side by side (see junit-platform.properties) while the
 * tests of one class run one after another in its browser.
 */
@ExtendWith(Sites.Extension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {

    Sites sites;
    Browser browser;

    @BeforeAll
    void start(Sites served) {
        sites = served;
        browser = new Browser();
    }

    @AfterAll
    void stop() {
        // Null when the browser could not start: its own error says why, and is the one to show.
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @BeforeEach
    void resetBrowser() {
        browser.colorScheme("light");
        browser.desktop();
    }
}
