package com.sethihemant.site.links;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static com.sethihemant.site.links.Fixtures.url;
import static com.sethihemant.site.links.OutcomeAssertions.assertKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP check against a loopback server with a route for each way a host can behave. */
@Timeout(60)
class ExternalCheckTest {

    @RegisterExtension
    final Loopback loopback = new Loopback();
    private LoopbackServer server;
    private FakeTime time;

    @BeforeEach
    void start() {
        server = loopback.server();
        time = loopback.time();
    }

    private static LinkPolicy policy() {
        return Checks.policy();
    }

    private Map<String, ExternalCheck.Checked> run(LinkPolicy policy, Clock clock, Sleeper sleeper, String... paths)
            throws InterruptedException {
        Settings s = policy.settings();
        HttpFetcher fetcher = new HttpFetcher(s.connectTimeout(), s.requestTimeout(), s.userAgent());
        List<Url> urls = new ArrayList<>();
        for (String path : paths) {
            urls.add(url(path.startsWith("http") ? path : server.url(path)));
        }
        return new ExternalCheck(policy, fetcher, clock, sleeper, new SplittableRandom(7))
                .run(urls, clock.instant().plus(s.deadline()), Progress.NONE);
    }

    private Outcome check(LinkPolicy policy, String path) throws InterruptedException {
        return run(policy, time, time, path).get(url(server.url(path)).withoutFragment()).outcome();
    }

    private Outcome check(String path) throws InterruptedException {
        return check(policy(), path);
    }

    @Test
    void aWorkingPageTakesOneHeadRequest() throws InterruptedException {
        assertEquals(Outcome.ok("200 OK"), check("/ok"));
        assertEquals(List.of("HEAD"), server.methods("/ok"));
    }

    @Test
    void notFoundIsBrokenAfterGetConfirmsIt() throws InterruptedException {
        assertEquals(Outcome.broken("404 Not Found"), check("/not-found"));
        assertEquals(List.of("HEAD", "GET"), server.methods("/not-found"));
    }

    @Test
    void goneIsBroken() throws InterruptedException {
        assertEquals(Outcome.broken("410 Gone"), check("/gone"));
    }

    @Test
    void aChainOfPermanentRedirectsWarnsWithTheNewAddress() throws InterruptedException {
        Outcome outcome = check("/chain/1");
        Outcome redirected = assertKind(Outcome.Kind.REDIRECTED, outcome);
        assertEquals(server.url("/chain/3"), redirected.target(), "the URL after the last permanent hop");
        assertEquals(List.of("/chain/1", "/chain/2", "/chain/3", "/ok"),
                server.requests("/").stream().map(LoopbackServer.Request::path).toList());
    }

    @Test
    void aTemporaryRedirectIsSimplyOk() throws InterruptedException {
        assertEquals(Outcome.ok("200 OK after 1 temporary redirect"), check("/temporary"));
    }

    @Test
    void aRedirectLoopIsBrokenAndShowsTheLoop() throws InterruptedException {
        Outcome broken = assertKind(Outcome.Kind.BROKEN, check("/loop/a"));
        assertTrue(broken.detail().startsWith("redirect loop: "), broken.detail());
        assertEquals(List.of("HEAD", "HEAD", "GET", "GET"), server.methods("/loop/"),
                "each hop requested once with HEAD, then once with GET");
    }

    @Test
    void aLoopThatOnlyHeadRunsRoundIsFollowedWithGet() throws InterruptedException {
        // eBay and others have sent HEAD round in circles while GET gets the page.
        assertEquals(Outcome.ok("200 OK"), check("/head-loop"));
        assertEquals(List.of("HEAD", "GET"), server.methods("/head-loop"));
        assertEquals(Outcome.ok("200 OK after 1 temporary redirect"), check("/head-hops/1"));
        assertEquals(6, server.methods("/head-hops/").stream().filter("HEAD"::equals).count(), "HEAD until maxRedirects, then GET");
    }

    @Test
    void aLocationOfRawUtf8IsReadAsUtf8AsBrowsersDo() throws InterruptedException {
        Outcome moved = assertKind(Outcome.Kind.REDIRECTED, check("/utf8-location"));
        assertEquals(server.url("/caf%C3%A9/"), moved.target());
        assertEquals(List.of("HEAD"), server.methods("/caf%C3%A9/"));
    }

    @Test
    void aHostNameWithAnUnderscoreIsUnverifiableNotBroken() throws InterruptedException {
        // Nothing is sent: java.net.URI refuses the name before any lookup.
        String url = "http://my_bucket.localhost:" + server.port() + "/report.pdf";
        Outcome outcome = assertKind(Outcome.Kind.UNVERIFIABLE, run(policy(), time, time, url).get(url).outcome());
        assertTrue(outcome.detail().contains("has an underscore"), outcome.detail());
        assertEquals(List.of(), server.requests("/report.pdf"));
    }

    @Test
    void aRedirectBackThroughACookieCheckIsNoLoop() throws InterruptedException {
        assertEquals(Outcome.ok("200 OK after 2 temporary redirects"), check("/members"));
        assertEquals(List.of("/members", "/cookie-check", "/members"),
                server.requests("/").stream().map(LoopbackServer.Request::path).toList(),
                "the second visit carries the cookie the check set");
    }

    @Test
    void tooManyRedirectsAreBroken() throws InterruptedException {
        Outcome broken = assertKind(Outcome.Kind.BROKEN, check("/hops/1"));
        assertTrue(broken.detail().startsWith("more than 5 redirects"), broken.detail());
        assertEquals(12, server.requests("/hops/").size(), "six with HEAD, then six with GET");
    }

    @Test
    void headRefusedWith405FallsBackToGet() throws InterruptedException {
        assertEquals(Outcome.ok("200 OK"), check("/head-405"));
        assertEquals(List.of("HEAD", "GET"), server.methods("/head-405"));
    }

    @Test
    void headAnswered404ButGet200IsOk() throws InterruptedException {
        assertEquals(Outcome.ok("200 OK"), check("/head-404"));
    }

    @Test
    void aHostThatRefusedHeadIsAskedWithGetFromThenOn() throws InterruptedException {
        LinkPolicy oneAtATime = policy().withDefaults(new HostRule(1, null, null, null, null, null, null, null, null, null));
        run(oneAtATime, time, time, "/head-405/a", "/head-405/b", "/head-405/c");
        assertEquals(List.of("HEAD", "GET", "GET", "GET"), server.methods("/head-405/"));
    }

    @Test
    void retryAfterInSecondsIsWaitedOnTheClockNotInRealTime() throws InterruptedException {
        assertEquals(Outcome.ok("200 OK"), check("/rate-limited/seconds"));
        assertTrue(time.waits().contains(Duration.ofSeconds(7)), time.waits().toString());
        assertEquals(List.of("HEAD", "GET"), server.methods("/rate-limited/seconds"));
    }

    @Test
    void retryAfterAsAnHttpDateIsWaitedUntilThatTime() throws InterruptedException {
        assertEquals(Outcome.ok("200 OK"), check("/rate-limited/date"));
        assertTrue(time.waits().contains(Duration.ofSeconds(30)), time.waits().toString());
    }

    @Test
    void aRetryAfterLongerThanTheMaximumIsBlockedWithoutWaitingOrAskingAgain() throws InterruptedException {
        Outcome blocked = assertKind(Outcome.Kind.BLOCKED, check("/rate-limited/huge"));
        assertTrue(blocked.detail().contains("asks to wait 1 h, longer than maxRetryAfter (1m)"), blocked.detail());
        assertEquals(List.of(), time.waits());
        assertEquals(List.of("HEAD"), server.methods("/rate-limited/huge"));
    }

    @Test
    void a403WithRetryAfterIsARateLimitAsGithubSendsIt() throws InterruptedException {
        assertEquals(Outcome.ok("200 OK"), check("/rate-limited/403"));
        assertEquals(List.of(Duration.ofSeconds(5)), time.waits());
    }

    @Test
    void stillRateLimitedAfterTheRetriesIsBlockedNotBroken() throws InterruptedException {
        Outcome blocked = assertKind(Outcome.Kind.BLOCKED, check("/rate-limited/always"));
        assertTrue(blocked.detail().startsWith("429: rate limited (3 attempts)"), blocked.detail());
        assertEquals(List.of("HEAD", "GET", "GET", "GET"), server.methods("/rate-limited/always"));
    }

    @Test
    void status999IsBlocked() throws InterruptedException {
        Outcome blocked = assertKind(Outcome.Kind.BLOCKED, check("/denied-999"));
        assertTrue(blocked.detail().contains("refuses automated checks"), blocked.detail());
        assertEquals(List.of("HEAD"), server.methods("/denied-999"), "a 999 to HEAD is not asked again with GET");
    }

    @Test
    void aCloudflareChallengeIsBlockedNotBroken() throws InterruptedException {
        Outcome blocked = assertKind(Outcome.Kind.BLOCKED, check("/challenge"));
        assertTrue(blocked.detail().contains("cf-mitigated: challenge"), blocked.detail());
    }

    @Test
    void aPlain403IsBlockedAsPublishersAnswerRobotsSo() throws InterruptedException {
        Outcome blocked = assertKind(Outcome.Kind.BLOCKED, check("/forbidden"));
        assertTrue(blocked.detail().startsWith("403 Forbidden: 127.0.0.1 refuses the checker"), blocked.detail());
        assertEquals(List.of("HEAD", "GET"), server.methods("/forbidden"), "GET confirms what HEAD said");
    }

    @Test
    void aServerErrorIsRetriedAfterAJitteredBackOff() throws InterruptedException {
        assertEquals(Outcome.ok("200 OK"), check("/flaky"));
        assertEquals(List.of("HEAD", "GET", "GET"), server.methods("/flaky"));
        assertEquals(1, time.waits().size(), time.waits().toString());
        Duration wait = time.waits().get(0);
        assertTrue(wait.compareTo(Duration.ofMillis(500)) >= 0 && wait.compareTo(Duration.ofSeconds(1)) <= 0, wait.toString());
    }

    @Test
    void backOffDoublesWithEachRetry() throws InterruptedException {
        check("/always-500");
        List<Duration> waits = time.waits();
        assertEquals(2, waits.size(), waits.toString());
        assertTrue(waits.get(0).toMillis() >= 500 && waits.get(0).toMillis() <= 1000, waits.toString());
        assertTrue(waits.get(1).toMillis() >= 1000 && waits.get(1).toMillis() <= 2000, waits.toString());
    }

    @Test
    void aPersistentServerErrorIsBrokenAfterTheRetries() throws InterruptedException {
        assertEquals(Outcome.broken("500 Internal Server Error (3 attempts)"), check("/always-500"));
        assertEquals(List.of("HEAD", "GET", "GET", "GET"), server.methods("/always-500"));
    }

    @Test
    void aVeryLargeBodyIsNotReadToTheEnd() throws InterruptedException {
        assertEquals(Outcome.ok("200 OK"), check("/large"));
        assertTrue(server.largeBytesWritten() < LoopbackServer.LARGE_BODY / 4,
                "the server got " + server.largeBytesWritten() + " bytes out");
    }

    @Test
    void aConnectionClosedMidResponseIsBrokenAfterTheRetries() throws InterruptedException {
        String url = server.rawUrl("/truncated");
        Outcome broken = assertKind(Outcome.Kind.BROKEN, run(policy(), time, time, url).get(url).outcome());
        // Depending on timing the client reports the cut as a broken body or a failed exchange.
        assertTrue(broken.detail().contains("broke off after 100 bytes") || broken.detail().contains("bytes received: 100"),
                broken.detail());
        assertTrue(broken.detail().endsWith("(3 attempts)"), broken.detail());
        assertEquals(List.of("HEAD", "GET", "GET", "GET"), server.methods("raw:/truncated"));
    }

    /** The price of HEAD first: a body cut short is invisible to HEAD, which the server answered in full. */
    @Test
    void aCompleteAnswerToHeadIsTrustedWithoutAGet() throws InterruptedException {
        String url = server.rawUrl("/truncated-after-head");
        assertEquals(Outcome.ok("200 OK"), run(policy(), time, time, url).get(url).outcome());
        assertEquals(List.of("HEAD"), server.methods("raw:/truncated-after-head"));
    }

    @Test
    void aConnectionClosedMidHeadersIsBrokenAfterTheRetries() throws InterruptedException {
        String url = server.rawUrl("/dropped");
        Outcome broken = assertKind(Outcome.Kind.BROKEN, run(policy(), time, time, url).get(url).outcome());
        assertTrue(broken.detail().startsWith("the connection failed"), broken.detail());
        assertTrue(broken.detail().endsWith("(3 attempts)"), broken.detail());
    }

    @Test
    void aRefusedConnectionIsBrokenAfterTheRetries() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/";
        Outcome outcome = run(policy(), time, time, url).get(url).outcome();
        assertEquals(Outcome.broken("the connection was refused (3 attempts)"), outcome);
    }

    @Test
    void aRedirectToTheHostsLoginPageIsALoginWall() throws InterruptedException {
        LinkPolicy policy = policy().withHost("127.0.0.1",
                new HostRule(null, null, null, null, null, null, List.of("/authwall"), null, null, null));
        Outcome blocked = assertKind(Outcome.Kind.BLOCKED, check(policy, "/login-wall"));
        assertTrue(blocked.detail().startsWith("redirects to a login page"), blocked.detail());
        assertEquals(List.of(), server.requests("/authwall"), "the login page itself is not requested");
    }

    @Test
    void excludedUrlsAndSkippedHostsAreNotRequested() throws InterruptedException {
        assertKind(Outcome.Kind.SKIPPED, check(policy().withExclude("/ok$"), "/ok"));
        assertKind(Outcome.Kind.SKIPPED, check(policy().withHost("127.0.0.1",
                new HostRule(null, null, null, null, null, null, null, null, true, null)), "/gone"));
        assertEquals(List.of(), server.requests("/"));
    }

    @Test
    void acceptedStatusesOfAHostCountAsWorking() throws InterruptedException {
        LinkPolicy policy = policy().withHost("127.0.0.1",
                new HostRule(null, null, null, Set.of(403), null, null, null, null, null, null));
        assertEquals(Outcome.ok("403 Forbidden"), check(policy, "/forbidden"));
    }

    @Test
    void sendsAUserAgentNamingTheSiteAndTheHostsHeaders() throws InterruptedException {
        LinkPolicy policy = policy().withHost("127.0.0.1",
                new HostRule(null, null, null, null, null, null, null, Map.of("X-Test", "yes"), null, null));
        check(policy, "/ok");
        LoopbackServer.Request request = server.requests("/ok").get(0);
        assertTrue(request.userAgent().contains("https://www.sethihemant.com/"), request.userAgent());
        assertEquals("yes", request.testHeader());
    }

    @Test
    void oneRequestPerDistinctUrlWhateverTheFragment() throws InterruptedException {
        Map<String, ExternalCheck.Checked> results = run(policy(), time, time, "/ok#a", "/ok#b", "/ok");
        assertEquals(1, results.size());
        assertEquals(1, server.requests("/ok").size());
    }

    @Test
    void perHostConcurrencyIsNeverExceeded() throws InterruptedException {
        String[] paths = new String[8];
        for (int i = 0; i < paths.length; i++) {
            paths[i] = "/latency/" + i;
        }
        Map<String, ExternalCheck.Checked> results = run(policy(), time, time, paths);
        assertEquals(8, results.size());
        assertTrue(results.values().stream().allMatch(c -> c.outcome().kind() == Outcome.Kind.OK));
        assertEquals(2, server.maxInFlight(), "the host's limit is 2, and the checker should use both");
    }

    @Test
    void perHostIntervalSeparatesTheStartsOfRequests() throws InterruptedException {
        LinkPolicy spaced = policy().withDefaults(new HostRule(4, Duration.ofMillis(250), null, null, null, null, null, null, null, null));
        run(spaced, Clock.systemUTC(), Sleeper.REAL, "/ok/1", "/ok/2", "/ok/3", "/ok/4");
        List<LoopbackServer.Request> requests = server.requests("/ok/");
        assertEquals(4, requests.size());
        for (int i = 1; i < requests.size(); i++) {
            long gapMillis = (requests.get(i).arrivedNanos() - requests.get(i - 1).arrivedNanos()) / 1_000_000;
            // The server sees arrivals, which trail the starts by a varying few milliseconds
            // (tens on a loaded machine); without the interval all four would arrive at once.
            assertTrue(gapMillis >= 150, "gap " + i + " was " + gapMillis + " ms; the interval is 250 ms");
        }
    }

    @Test
    void theDeadlineStopsTheRunAndReportsWhatIsLeftAsNotChecked() throws InterruptedException {
        LinkPolicy hurried = policy().with(policy().settings().withRequestTimeout(Duration.ofSeconds(20))
                .withDeadline(Duration.ofMillis(300)));
        String silent = server.rawUrl("/silent");
        Map<String, ExternalCheck.Checked> results = run(hurried, time, time, silent);
        Outcome unverifiable = assertKind(Outcome.Kind.UNVERIFIABLE, results.get(silent).outcome());
        assertTrue(unverifiable.detail().startsWith("not checked: the run's deadline (300ms) passed"), unverifiable.detail());
        assertEquals(LoopbackServer.FAKE_START.plusMillis(300), time.instant(), "the run stopped at its deadline");
    }

    @Test
    void aRetryThatWouldOutliveTheDeadlineIsNotWaitedFor() throws InterruptedException {
        Settings s = policy().settings();
        LinkPolicy hurried = policy().with(new Settings(s.concurrency(), s.connectTimeout(), s.requestTimeout(),
                Duration.ofSeconds(30), s.retries(), s.backoff(), Duration.ofHours(1), s.maxRedirects(), s.cacheMaxAge(),
                s.userAgent()));
        Outcome blocked = assertKind(Outcome.Kind.BLOCKED, check(hurried, "/rate-limited/always"));
        assertTrue(blocked.detail().startsWith("429"), blocked.detail());
        assertTrue(time.instant().isBefore(LoopbackServer.FAKE_START.plusSeconds(30)), "no wait past the deadline");
    }

    @Test
    void reportsProgressUpToTheTotal() throws InterruptedException {
        Settings s = policy().settings();
        List<String> seen = new ArrayList<>();
        new ExternalCheck(policy(), new HttpFetcher(s.connectTimeout(), s.requestTimeout(), "t"), time, time,
                new SplittableRandom(1))
                .run(List.of(url(server.url("/ok")), url(server.url("/gone"))), Instant.MAX,
                        (done, total, failures) -> seen.add(done + "/" + total + ":" + failures));
        assertEquals("0/2:0", seen.get(0));
        assertTrue(seen.get(seen.size() - 1).startsWith("2/2:1"), seen.toString());
    }
}
