package com.sethihemant.site.links;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.sethihemant.site.links.OutcomeAssertions.assertKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests that cannot finish within their deadline are unverifiable, not broken, and a host
 * that never answers costs one deadline and one retry. The server's routes hold requests
 * unanswered; the fake clock jumps to each deadline at once.
 */
@Timeout(60)
class TimeBudgetTest {

    @RegisterExtension
    final Loopback loopback = new Loopback();
    private final Checks checks = new Checks(loopback);

    private static final Duration DEADLINE = Checks.policy().settings().requestTimeout();

    @Test
    void aResponseThatNeverComesIsUnverifiableWithTheTimeItTook() throws InterruptedException {
        Outcome outcome = assertKind(Outcome.Kind.UNVERIFIABLE, checks.one(Checks.policy(), loopback.server().rawUrl("/silent/answers")).outcome());
        assertEquals("no response within 5.0 s (2 attempts); the host may be down or overloaded: check it in a browser",
                outcome.detail());
        assertEquals(List.of("HEAD", "GET"), loopback.server().methods("raw:/silent/"), "one retry, with GET");
        assertEquals(LoopbackServer.FAKE_START.plus(DEADLINE.multipliedBy(2)), loopback.time().instant(),
                "two deadlines and no back-off after a HEAD");
    }

    @Test
    void aTimeOutIsRetriedOnceWhereARefusalIsRetriedTwice() throws InterruptedException {
        LinkPolicy getOnly = Checks.policy().withDefaults(new HostRule(null, null, false, null, null, null, null, null, null, null));
        assertKind(Outcome.Kind.UNVERIFIABLE, checks.one(getOnly, loopback.server().rawUrl("/silent/get")).outcome());
        assertEquals(List.of("GET", "GET"), loopback.server().methods("raw:/silent/get"));
        Duration backOff = loopback.time().waits().get(0);
        assertTrue(backOff.compareTo(Duration.ofMillis(500)) >= 0 && backOff.compareTo(Duration.ofSeconds(1)) <= 0, backOff.toString());
    }

    @Test
    void headersThatStopHalfWayAreUnverifiable() throws InterruptedException {
        String url = loopback.server().rawUrl("/half-headers");
        Outcome outcome = assertKind(Outcome.Kind.UNVERIFIABLE, checks.one(Checks.policy(), url).outcome());
        assertTrue(outcome.detail().startsWith("no response within 5.0 s"), outcome.detail());
    }

    @Test
    void aBodyThatTricklesInIsUnverifiableAndSaysHowFarItGot() throws InterruptedException {
        LinkPolicy noRetry = Checks.policy().with(Checks.policy().settings().withRetries(0));
        Outcome outcome = assertKind(Outcome.Kind.UNVERIFIABLE, checks.one(noRetry, "/trickle/body").outcome());
        // The server has sent its 100 bytes when it starts to hold the request; the client has
        // them a moment later, so the count may lag.
        assertTrue(outcome.detail().matches("200 OK came, but the body trickled in: (0|100) bytes in 5\\.0 s;.*"),
                outcome.detail());
    }

    @Test
    void aHostThatNeverAnswersCostsOneDeadlineNotOnePerUrl() throws InterruptedException {
        LoopbackServer server = loopback.server();
        Map<String, ExternalCheck.Checked> results = checks.run(Checks.policy(), server.rawUrl("/silent/1"),
                server.rawUrl("/silent/2"), server.rawUrl("/silent/3"), server.rawUrl("/silent/4"),
                server.rawUrl("/silent/5"), server.rawUrl("/silent/6"));
        assertEquals(6, results.size());
        results.values().forEach(r -> assertKind(Outcome.Kind.UNVERIFIABLE, r.outcome()));
        assertEquals(2, server.requests("raw:/silent/").size(), "the two requests in flight at once, then no more");
        assertEquals(LoopbackServer.FAKE_START.plus(DEADLINE), loopback.time().instant());
        long notRequested = results.values().stream()
                .filter(r -> r.outcome().detail().startsWith("not checked: 127.0.0.1 let 2 requests in a row go unanswered"))
                .count();
        assertEquals(4, notRequested);
    }

    @Test
    void aSilentHostDoesNotHoldUpTheOthers() throws InterruptedException {
        Map<String, ExternalCheck.Checked> results = checks.run(Checks.policy(),
                loopback.server().rawUrl("/silent"), loopback.server().url("/ok"));
        assertKind(Outcome.Kind.OK, results.get(loopback.server().url("/ok")).outcome());
        assertKind(Outcome.Kind.UNVERIFIABLE, results.get(loopback.server().rawUrl("/silent")).outcome());
    }

    @Test
    void aRequestGivenUpOnIsHungUp() throws InterruptedException {
        String url = loopback.server().rawUrl("/silent");
        checks.one(Checks.policy(), url);
        assertEquals("/silent", loopback.server().awaitHangUp(), "the first attempt's connection was closed");
        assertEquals("/silent", loopback.server().awaitHangUp(), "and the retry's");
    }
}
