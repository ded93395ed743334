package com.sethihemant.site.links;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static com.sethihemant.site.links.OutcomeAssertions.assertKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fragments of external links are looked up in the page as served, with the rules of internal
 * ones: a site of links to the loopback server, one per case, checked with --external.
 */
@Timeout(60)
class FragmentCheckTest {

    @RegisterExtension
    final Loopback loopback = new Loopback();

    @TempDir
    Path site;

    /** Checks a page holding one link per href, and returns each href's outcome. */
    private Map<String, Outcome> check(LinkPolicy policy, String... hrefs) throws IOException {
        StringBuilder html = new StringBuilder("<!doctype html>\n");
        for (String href : hrefs) {
            html.append("<a href=\"").append(href.startsWith("/") ? loopback.server().url(href) : href).append("\">x</a>\n");
        }
        Files.writeString(site.resolve("index.html"), html);
        LinkReport report = new LinkChecker(policy, loopback.time(), loopback.time(), new SplittableRandom(1))
                .check(new LinkCheckOptions(site, "https://www.sethihemant.com", true, null, null, null), Progress.NONE);
        String origin = loopback.server().url("");
        return report.results().stream().collect(Collectors.toMap(
                r -> r.link().raw().startsWith(origin) ? r.link().raw().substring(origin.length()) : r.link().raw(),
                LinkResult::outcome));
    }

    private Map<String, Outcome> check(String... hrefs) throws IOException {
        return check(Checks.policy(), hrefs);
    }

    @Test
    void aFragmentFoundInTheServedHtmlIsOkAndAMissingOneIsBroken() throws IOException {
        Map<String, Outcome> outcomes = check("/page/fragments#Intro", "/page/fragments#nowhere");
        assertEquals(Outcome.ok("200 OK; #Intro found"), outcomes.get("/page/fragments#Intro"));
        Outcome broken = assertKind(Outcome.Kind.BROKEN, outcomes.get("/page/fragments#nowhere"));
        assertTrue(broken.detail().startsWith("the page has no element with id \"nowhere\" in its HTML as served"
                + " (a script may create it"), broken.detail());
    }

    @Test
    void thePageIsFetchedOnceWithGetForAllItsFragments() throws IOException {
        check("/page/fragments#Intro", "/page/fragments#legacy", "/page/fragments#nowhere", "/page/fragments");
        assertEquals(List.of("GET"), loopback.server().methods("/page/fragments"));
    }

    @Test
    void idsAreCaseSensitiveAndNameCountsOnlyOnAnchors() throws IOException {
        Map<String, Outcome> outcomes = check("/page/fragments#intro", "/page/fragments#legacy",
                "/page/fragments#not-an-anchor");
        assertKind(Outcome.Kind.BROKEN, outcomes.get("/page/fragments#intro"));
        assertKind(Outcome.Kind.OK, outcomes.get("/page/fragments#legacy"));
        assertKind(Outcome.Kind.BROKEN, outcomes.get("/page/fragments#not-an-anchor"));
    }

    @Test
    void idsInHtmlThatThePageCarriesAsJsonAreFound() throws IOException {
        // GitHub's file views send the rendered Markdown in JSON, and their script puts it in the page.
        Map<String, Outcome> outcomes = check("/page/embedded#set-up", "/page/embedded#Set-Up",
                "/page/embedded#caf%C3%A9", "/page/embedded#in-text", "/page/embedded#in-script");
        assertEquals(Outcome.ok("200 OK; #set-up found"), outcomes.get("/page/embedded#set-up"));
        assertKind(Outcome.Kind.OK, outcomes.get("/page/embedded#Set-Up"));
        assertKind(Outcome.Kind.OK, outcomes.get("/page/embedded#caf%C3%A9"));
        assertKind(Outcome.Kind.BROKEN, outcomes.get("/page/embedded#in-text"));
        assertKind(Outcome.Kind.BROKEN, outcomes.get("/page/embedded#in-script"));
    }

    @Test
    void githubsCommentsAndEventsAreNotLookedUpOnItsThreadsOnly() {
        String issue = "https://github.com/o/r/issues/12";
        for (String fragment : List.of("issuecomment-1823456789", "discussion_r1534567", "pullrequestreview-1987654",
                "event-11223344", "diff-4f1e2d3c5b6a79880f1e2d3c5b6a7988", "diff-4f1e2d3c5b6a79880f1e2d3c5b6a7988R12",
                "r1534567", "discussioncomment-8123456", "commits-pushed-4f1e2d3")) {
            assertTrue(Fragments.loadedByGitHubScript(Fixtures.url(issue), fragment), fragment);
            assertTrue(!Fragments.loadedByGitHubScript(Fixtures.url("https://example.org/o/r/issues/12"), fragment), fragment);
            assertTrue(!Fragments.loadedByGitHubScript(Fixtures.url("https://github.com/o/r"), fragment), fragment);
        }
        // Headings of a README are looked up, however much they look like GitHub's ids.
        for (String fragment : List.of("installation", "event-loop", "event-sourcing", "diff-algorithms", "diff-options",
                "r2-storage", "user-content-events", "eventual-consistency")) {
            assertTrue(!Fragments.loadedByGitHubScript(Fixtures.url(issue), fragment), fragment);
        }
        assertTrue(!Fragments.loadedByGitHubScript(Fixtures.url("https://github.com/o/r/blob/main/README.md"), "r2"));
    }

    @Test
    void aLongIdInJsonCostsNoStack() throws IOException {
        Map<String, Outcome> outcomes = check("/page/embedded-long#" + "x".repeat(30_000), "/page/embedded-long#short");
        assertKind(Outcome.Kind.OK, outcomes.get("/page/embedded-long#" + "x".repeat(30_000)));
        assertKind(Outcome.Kind.OK, outcomes.get("/page/embedded-long#short"));
    }

    @Test
    void aFragmentIsMatchedRawThenPercentDecoded() throws IOException {
        assertKind(Outcome.Kind.OK, check("/page/fragments#caf%C3%A9").get("/page/fragments#caf%C3%A9"));
    }

    @Test
    void theTopNeedsNoLookupAndNoPage() throws IOException {
        Map<String, Outcome> outcomes = check("/ok#top", "/ok#", "/ok#TOP");
        outcomes.values().forEach(o -> assertKind(Outcome.Kind.OK, o));
        assertEquals(List.of("HEAD"), loopback.server().methods("/ok"));
    }

    @Test
    void aGzippedPageIsReadToo() throws IOException {
        Map<String, Outcome> outcomes = check("/page/gzip#legacy", "/page/gzip#nowhere");
        assertKind(Outcome.Kind.OK, outcomes.get("/page/gzip#legacy"));
        assertKind(Outcome.Kind.BROKEN, outcomes.get("/page/gzip#nowhere"));
    }

    @Test
    void aPageInACompressionTheCheckerCannotReadIsUnverifiable() throws IOException {
        Outcome outcome = assertKind(Outcome.Kind.UNVERIFIABLE, check("/page/brotli#Intro").get("/page/brotli#Intro"));
        assertTrue(outcome.detail().contains("compressed with 'br'"), outcome.detail());
    }

    @Test
    void anIdWellInsideTheSizeCapIsFound() throws IOException {
        assertKind(Outcome.Kind.OK, check("/page/big#late").get("/page/big#late"));
    }

    @Test
    void anIdBeyondTheSizeCapIsUnverifiableNotBroken() throws InterruptedException {
        ExternalCheck.Checked checked = new Checks(loopback).pageLimit(64 * 1024).one(Checks.policy(), "/page/big#late");
        assertTrue(checked.page().cut());
        Outcome outcome = assertKind(Outcome.Kind.UNVERIFIABLE, LinkChecker.withFragment(checked,
                Fixtures.url(loopback.server().url("/page/big#late")), Checks.policy()));
        assertEquals("no element with id \"late\" in the first 64 KiB of the page, and the rest, beyond the size cap,"
                + " was not read", outcome.detail());
    }

    @Test
    void codeHostsIdsOfRenderedMarkdownAreFoundUnderTheirUserContentPrefix() throws IOException {
        assertKind(Outcome.Kind.OK, check("/page/fragments#install").get("/page/fragments#install"));
    }

    @Test
    void routesParametersAndLineAnchorsAreNotElementIds() throws IOException {
        Map<String, Outcome> outcomes = check("/ok#/settings/profile", "/ok#!/inbox", "/ok#page=2", "/ok#L10-L20");
        outcomes.values().forEach(o -> assertKind(Outcome.Kind.OK, o));
        assertEquals(List.of("HEAD"), loopback.server().methods("/ok"), "no page needed");
    }

    @Test
    void aFragmentOfANonHtmlResponseIsNotLookedUp() throws IOException {
        Outcome outcome = assertKind(Outcome.Kind.OK, check("/doc.pdf#page-two").get("/doc.pdf#page-two"));
        assertTrue(outcome.detail().contains("not an HTML page"), outcome.detail());
    }

    @Test
    void theFragmentIsLookedUpInThePageTheRedirectsEndAt() throws IOException {
        Map<String, Outcome> outcomes = check("/page/redirect#legacy", "/page/redirect#nowhere");
        assertKind(Outcome.Kind.OK, outcomes.get("/page/redirect#legacy"));
        assertKind(Outcome.Kind.BROKEN, outcomes.get("/page/redirect#nowhere"));
    }

    @Test
    void aRedirectsOwnFragmentReplacesTheLinksAsInABrowser() throws IOException {
        assertKind(Outcome.Kind.OK, check("/page/redirect-with-fragment#nowhere").get("/page/redirect-with-fragment#nowhere"));
    }

    @Test
    void aHostsFragmentChecksCanBeTurnedOff() throws IOException {
        LinkPolicy off = Checks.policy().withHost("127.0.0.1",
                new HostRule(null, null, null, null, null, null, null, null, null, false));
        Outcome outcome = assertKind(Outcome.Kind.OK, check(off, "/page/fragments#nowhere").get("/page/fragments#nowhere"));
        assertTrue(outcome.detail().contains("not checked (fragments: false for 127.0.0.1"), outcome.detail());
        assertEquals(List.of("HEAD"), loopback.server().methods("/page/fragments"));
    }

    @Test
    void aFragmentOnlyLinkUnderAnExternalBaseIsLookedUpInTheBaseDocument() throws IOException {
        Files.writeString(site.resolve("index.html"), "<!doctype html><base href=\"" + loopback.server().url("/page/fragments")
                + "\">\n<a href=\"#legacy\">here</a>\n<a href=\"#gone\">gone</a>\n");
        LinkReport report = new LinkChecker(Checks.policy(), loopback.time(), loopback.time(), new SplittableRandom(1))
                .check(new LinkCheckOptions(site, "https://www.sethihemant.com", true, null, null, null), Progress.NONE);
        Map<String, Outcome> byRaw = report.results().stream()
                .collect(Collectors.toMap(r -> r.link().raw(), LinkResult::outcome));
        assertKind(Outcome.Kind.OK, byRaw.get("#legacy"));
        assertKind(Outcome.Kind.BROKEN, byRaw.get("#gone"));
    }
}
