package com.sethihemant.site.links;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static com.sethihemant.site.links.OutcomeAssertions.assertKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cache between runs, end to end: a site folder, the loopback server and a fake clock. */
@Timeout(60)
class LinkCacheTest {

    @TempDir
    Path temp;

    @RegisterExtension
    final Loopback loopback = new Loopback();
    private LoopbackServer server;
    private FakeTime time;
    private Path site;
    private Path cache;

    @BeforeEach
    void start() throws IOException {
        server = loopback.server();
        time = loopback.time();
        site = Files.createDirectories(temp.resolve("site"));
        cache = temp.resolve("cache/links.json");
        Files.writeString(site.resolve("index.html"), "<!doctype html>\n"
                + "<a href=\"" + server.url("/ok") + "\">ok</a>\n"
                + "<a href=\"" + server.url("/moved") + "\">moved</a>\n"
                + "<a href=\"" + server.url("/gone") + "\">gone</a>\n"
                + "<a href=\"" + server.url("/forbidden") + "\">forbidden</a>\n");
    }

    private static LinkPolicy policy() {
        return LinkPolicy.defaults()
                .with(LinkPolicy.DEFAULT_SETTINGS.withCacheMaxAge(Duration.ofDays(1)))
                .withDefaults(new HostRule(2, Duration.ZERO, null, null, null, null, null, null, null, null));
    }

    private LinkReport check(LinkPolicy policy) {
        return new LinkChecker(policy, time, time, new SplittableRandom(3))
                .check(new LinkCheckOptions(site, "https://www.sethihemant.com", true, cache, null, null), Progress.NONE);
    }

    private Outcome outcome(LinkReport report, String path) {
        return report.results().stream().filter(r -> server.url(path).equals(r.link().url()))
                .findFirst().orElseThrow().outcome();
    }

    private LinkResult result(LinkReport report, String path) {
        return report.results().stream().filter(r -> server.url(path).equals(r.link().url())).findFirst().orElseThrow();
    }

    /** The cached entries, by URL. */
    private Map<String, Map<?, ?>> entries() throws Exception {
        Map<?, ?> json = (Map<?, ?>) Json.parse(Files.readString(cache));
        Map<String, Map<?, ?>> entries = new TreeMap<>();
        for (Object entry : (List<?>) json.get("entries")) {
            entries.put((String) ((Map<?, ?>) entry).get("url"), (Map<?, ?>) entry);
        }
        return entries;
    }

    @Test
    void trustsOnlySuccessesWithTheirChainsAndDatesFailures() throws Exception {
        check(policy());
        Map<String, Map<?, ?>> entries = entries();
        Set<String> trusted = new HashSet<>();
        entries.forEach((url, entry) -> {
            if (entry.get("chain") != null) {
                trusted.add(url);
            }
        });
        assertEquals(Set.of(server.url("/ok"), server.url("/moved")), trusted);
        assertTrue(Files.readString(cache).contains("\"status\": 301"), "the redirect chain is kept");
        assertEquals("2026-01-01T00:00:00Z", entries.get(server.url("/gone")).get("firstFailed"));
        assertNull(entries.get(server.url("/forbidden")), "blocked is neither a success nor a failure");
    }

    @Test
    void aBrokenLinkSaysSinceWhenItFailsAndWhereAnArchivedCopyMayBe() {
        LinkPolicy accepting = policy().withHost("127.0.0.1",
                new HostRule(null, null, null, Set.of(410), null, null, null, null, null, null));
        check(accepting);
        time.advance(Duration.ofDays(7));
        LinkResult first = result(check(policy()), "/gone");
        assertEquals(new LinkResult.Failing(Instant.parse("2026-01-08T00:00:00Z"), Instant.parse("2026-01-08T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z")), first.failing());
        time.advance(Duration.ofDays(7));
        LinkReport report = check(policy());
        LinkResult again = result(report, "/gone");
        assertEquals(Instant.parse("2026-01-08T00:00:00Z"), again.failing().firstFailed(), "the failure began a week ago");
        assertEquals(Instant.parse("2026-01-15T00:00:00Z"), again.failing().lastFailed());
        assertEquals("https://web.archive.org/web/20260101/" + server.url("/gone"),
                again.failing().archiveUrl(again.link().url()), "the copy nearest the day it last worked");
        String markdown = report.toMarkdown();
        assertTrue(markdown.contains("failing since 2026-01-08 (7 days), last seen 2026-01-15, last worked 2026-01-01 | "
                + "https://web.archive.org/web/20260101/" + server.url("/gone")), markdown);
    }

    @Test
    void aFragmentMissingFromAWorkingPageHasAHistoryOfItsOwn() throws Exception {
        Files.writeString(site.resolve("index.html"), "<!doctype html>\n"
                + "<a href=\"" + server.url("/page/fragments#Intro") + "\">found</a>\n"
                + "<a href=\"" + server.url("/page/fragments#removed") + "\">missing</a>\n");
        // Baked here, so findings also name their source: the history must survive that.
        Files.writeString(site.resolve(".sources.json"), "{\"version\": 1, \"pages\": {\"index.html\": \"content/index.adoc\"}}");
        Files.createDirectories(temp.resolve("content"));
        Files.writeString(temp.resolve("content/index.adoc"), "= Home\n\nlink:" + server.url("/page/fragments#removed") + "[]\n");
        check(policy());
        time.advance(Duration.ofDays(7));
        LinkReport report = check(policy());
        LinkResult missing = report.results().stream().filter(r -> r.link().url().endsWith("#removed")).findFirst().orElseThrow();
        assertKind(Outcome.Kind.BROKEN, missing.outcome());
        assertEquals("content/index.adoc:3", missing.link().sourceLocation());
        assertEquals(new LinkResult.Failing(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-08T00:00:00Z"), null),
                missing.failing(), "failing since the first run, though the page itself works");
        LinkResult found = report.results().stream().filter(r -> r.link().url().endsWith("#Intro")).findFirst().orElseThrow();
        assertNull(found.failing());
        assertEquals("2026-01-08T00:00:00Z", entries().get(server.url("/page/fragments#Intro")).get("lastWorked"));
        assertNull(entries().get(server.url("/page/fragments#Intro")).get("chain"), "a fragment is looked up again every run");
    }

    @Test
    void aLinkThatWorksAgainForgetsItsFailures() throws Exception {
        check(policy());
        time.advance(Duration.ofDays(1));
        check(policy().withHost("127.0.0.1", new HostRule(null, null, null, Set.of(410), null, null, null, null, null, null)));
        Map<?, ?> entry = entries().get(server.url("/gone"));
        assertNull(entry.get("firstFailed"));
        assertEquals("2026-01-02T00:00:00Z", entry.get("lastWorked"));
    }

    @Test
    void aFreshSuccessIsNotRequestedAgainButFailuresAre() {
        check(policy());
        int firstRun = server.requests("/ok").size();
        time.advance(Duration.ofHours(2));
        LinkReport second = check(policy());
        assertEquals(firstRun, server.requests("/ok").size(), "the second run trusted the cache");
        assertTrue(outcome(second, "/ok").detail().contains("cached, checked 2 h ago"), outcome(second, "/ok").detail());
        assertKind(Outcome.Kind.REDIRECTED, outcome(second, "/moved"));
        assertEquals(List.of("HEAD", "GET", "HEAD", "GET"), server.methods("/gone"), "failures are checked every time");
    }

    @Test
    void anEntryOlderThanTheMaximumAgeIsCheckedAgain() {
        check(policy());
        int firstRun = server.requests("/ok").size();
        time.advance(Duration.ofDays(2));
        check(policy());
        assertEquals(2 * firstRun, server.requests("/ok").size());
    }

    @Test
    void aCachedChainThatTheCurrentPolicyRejectsIsCheckedAgain() {
        check(policy());
        time.advance(Duration.ofMinutes(5));
        LinkPolicy okIsALoginPage = policy().withHost("127.0.0.1",
                new HostRule(null, null, null, null, null, null, List.of("/ok"), null, null, null));
        LinkReport second = check(okIsALoginPage);
        assertKind(Outcome.Kind.BLOCKED, outcome(second, "/moved"));
        assertEquals(2, server.requests("/moved").size());
    }

    @Test
    void aSuccessOnlyAnOldPolicyAcceptedIsNotTrusted() {
        LinkPolicy accepting = policy().withHost("127.0.0.1",
                new HostRule(null, null, null, Set.of(410), null, null, null, null, null, null));
        assertKind(Outcome.Kind.OK, outcome(check(accepting), "/gone"));
        time.advance(Duration.ofMinutes(5));
        assertEquals(Outcome.broken("410 Gone"), outcome(check(policy()), "/gone"));
    }

    @Test
    void anUnreadableCacheIsANoticeNotAFailure() throws IOException {
        Files.createDirectories(cache.getParent());
        Files.writeString(cache, "{ not json");
        LinkReport report = check(policy());
        assertEquals(1, report.notices().stream().filter(n -> n.contains("could not be read")).count(), report.notices().toString());
        assertKind(Outcome.Kind.OK, outcome(report, "/ok"));
    }
}
