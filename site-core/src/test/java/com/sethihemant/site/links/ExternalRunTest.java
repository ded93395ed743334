package com.sethihemant.site.links;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A whole run with --external: what goes out over HTTP and what does not. */
@Timeout(60)
class ExternalRunTest {

    @TempDir
    Path site;

    @RegisterExtension
    final Loopback loopback = new Loopback();
    private LoopbackServer server;
    private FakeTime time;

    @BeforeEach
    void start() {
        server = loopback.server();
        time = loopback.time();
    }

    private LinkReport check(String baseUrl) {
        return new LinkChecker(LinkPolicy.defaults(), time, time, new SplittableRandom(5))
                .check(new LinkCheckOptions(site, baseUrl, true, null, null, null), Progress.NONE);
    }

    @Test
    void theSitesOwnAddressIsCheckedAgainstTheFolderNeverOverHttp() throws IOException {
        String own = server.url("");
        Files.writeString(site.resolve("index.html"), "<a href=\"" + own + "/gone\">own page that is missing</a>\n"
                + "<a href=\"" + own + "/\">home</a>");
        LinkReport report = check(own);
        assertEquals(1, report.count(Outcome.Kind.BROKEN));
        assertTrue(report.results().stream().anyMatch(r -> r.outcome().detail().contains("the site has no gone")));
        assertEquals(0, server.requests("/").size(), "nothing was requested from the site itself");
    }

    @Test
    void theDefaultUserAgentNamesTheSite() throws IOException {
        Files.writeString(site.resolve("index.html"), "<a href=\"" + server.url("/ok") + "\">ok</a>");
        check("https://www.sethihemant.com");
        String agent = server.requests("/ok").get(0).userAgent();
        assertTrue(agent.startsWith("Mozilla/5.0 (compatible; site-link-checker/1.0; +https://www.sethihemant.com/)"), agent);
    }
}
