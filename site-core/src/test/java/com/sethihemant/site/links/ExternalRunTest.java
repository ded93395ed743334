package com.sethihemant.site.links;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static com.sethihemant.site.links.OutcomeAssertions.assertKind;
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

    @Test
    void aSchemeRelativeLinkTakesTheSchemeOfTheSitesAddress() throws IOException {
        String hostAndPort = server.url("").substring("http:".length());
        Files.writeString(site.resolve("index.html"), "<a href=\"" + hostAndPort + "/ok\">cdn</a>");
        LinkReport report = check("http://www.sethihemant.com");
        assertEquals(server.url("/ok"), report.results().get(0).link().url());
        assertKind(Outcome.Kind.OK, report.results().get(0).outcome());
        assertEquals(1, server.requests("/ok").size());
    }

    @Test
    void contactLinksAreSkippedNotRequested() throws IOException {
        Files.writeString(site.resolve("index.html"), "<a href=\"mailto:sethi.hemant@gmail.com\">mail</a>"
                + "<a href=\"tel:+15550109999\">call</a>");
        LinkReport report = check("https://www.sethihemant.com");
        assertEquals(2, report.count(Outcome.Kind.SKIPPED));
        assertTrue(report.results().get(0).outcome().detail().contains("nothing to fetch"));
    }

    @Test
    void anInvisibleCharacterStaysInTheRequestedUrlAndTheReportSaysSo() throws IOException {
        Files.writeString(site.resolve("index.html"), "<a href=\"" + server.url("/ok") + "&#8203;\">zwsp</a>");
        LinkResult result = check("https://www.sethihemant.com").results().get(0);
        assertEquals(server.url("/ok%E2%80%8B"), result.link().url());
        assertKind(Outcome.Kind.BROKEN, result.outcome());
        assertTrue(result.link().notes().get(0).contains("U+200B ZERO WIDTH SPACE"), result.link().notes().toString());
        assertEquals(List.of("/ok%E2%80%8B"), server.requests("/ok").stream().map(LoopbackServer.Request::path).distinct().toList());
    }
}
