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
 * Requests that cannot finish within their deadline are unverifiable, not broken; a host that
 * never answers costs one deadline and one retry, and a host whose first pages hang still has
 * its other pages checked. The server's routes hold requests
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
    void aHostThatNeverAnswersCostsOneDeadlineAndOneRetryNotOnePerUrl() throws InterruptedException {
        LoopbackServer server = loopback.server();
        String[] urls = new String[12];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = server.rawUrl("/silent/" + i);
        }
        Map<String, ExternalCheck.Checked> results = checks.run(Checks.policy(), urls);
        assertEquals(12, results.size());
        results.values().forEach(r -> assertKind(Outcome.Kind.UNVERIFIABLE, r.outcome()));
        assertEquals(2 + ExternalCheck.PROBES, server.requests("raw:/silent/").size(),
                "the two requests it may have at once, then one round of probes, then no more");
        assertEquals(LoopbackServer.FAKE_START.plus(DEADLINE.multipliedBy(2)), loopback.time().instant(),
                "one deadline, then one for the probes");
        long notRequested = results.values().stream()
                .filter(r -> r.outcome().detail().startsWith("not checked: 127.0.0.1 answered none of the 10 requests made to it"
                        + " within 5.0 s each"))
                .count();
        assertEquals(2, notRequested, "the URLs left when the probes went unanswered");
    }

    @Test
    void aHostWhosePagesHangFirstIsProbedAndItsOtherPagesAreStillChecked() throws InterruptedException {
        LoopbackServer server = loopback.server();
        Map<String, ExternalCheck.Checked> results = checks.run(Checks.policy(), "/hang/1", "/hang/2", "/hang/3",
                "/hang/4", "/not-found", "/gone", "/ok", "/moved");
        for (int i = 1; i <= 4; i++) {
            Outcome hung = assertKind(Outcome.Kind.UNVERIFIABLE, results.get(server.url("/hang/" + i)).outcome());
            assertTrue(hung.detail().matches("no response within 5\\.0 s( \\(2 attempts\\))?; the host may be down.*"),
                    hung.detail());
        }
        assertKind(Outcome.Kind.BROKEN, results.get(server.url("/not-found")).outcome());
        assertKind(Outcome.Kind.BROKEN, results.get(server.url("/gone")).outcome());
        assertKind(Outcome.Kind.OK, results.get(server.url("/ok")).outcome());
        assertKind(Outcome.Kind.REDIRECTED, results.get(server.url("/moved")).outcome());
        assertEquals(List.of("HEAD", "GET"), server.methods("/hang/1"),
                "retried with the probes, before anything was heard from the host");
        assertEquals(List.of("HEAD"), server.methods("/hang/3"), "a page that hangs on a host that answers others is not asked again");
        assertEquals(List.of("HEAD"), server.methods("/hang/4"));
        assertEquals(LoopbackServer.FAKE_START.plus(DEADLINE.multipliedBy(2)), loopback.time().instant(),
                "the first round and the probes, each one deadline");
    }

    @Test
    void aPageWhoseBodyTricklesOnAHostThatAnswersIsNotAskedAgain() throws InterruptedException {
        Map<String, ExternalCheck.Checked> results = checks.run(Checks.policy(), "/trickle/page", "/ok");
        Outcome outcome = assertKind(Outcome.Kind.UNVERIFIABLE, results.get(loopback.server().url("/trickle/page")).outcome());
        assertTrue(outcome.detail().endsWith("; the server sends the page too slowly to check: try it in a browser"),
                outcome.detail());
        assertEquals(List.of("HEAD", "GET"), loopback.server().methods("/trickle/"), "HEAD was refused; GET timed out once");
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
