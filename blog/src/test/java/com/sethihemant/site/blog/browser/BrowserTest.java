package com.sethihemant.site.blog.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every browser test class shares: the served sites, one Chromium for the class, and each
 * test starting in the light scheme at desktop size.
 */
@ExtendWith(Sites.Extension.class)
abstract class BrowserTest {

    static Sites sites;
    static Browser browser;

    @BeforeAll
    static void start(Sites served) {
        sites = served;
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
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
