package com.sethihemant.site.links;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static com.sethihemant.site.links.OutcomeAssertions.assertKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bot walls, login walls and soft 404s, each as a route of the loopback server answering the way real hosts do. */
@Timeout(60)
class BotWallTest {

    @RegisterExtension
    final Loopback loopback = new Loopback();
    private final Checks checks = new Checks(loopback);

    private Outcome check(String path) throws InterruptedException {
        return checks.one(Checks.policy(), path).outcome();
    }

    private void blockedFor(String path, String reason) throws InterruptedException {
        Outcome outcome = assertKind(Outcome.Kind.BLOCKED, check(path));
        assertTrue(outcome.detail().contains(reason), outcome.detail());
    }

    @Test
    void awsWafsChallengeIsA202ThatIsNoSuccess() throws InterruptedException {
        blockedFor("/aws-waf", "202 Accepted with a bot challenge (x-amzn-waf-action: challenge)");
    }

    @Test
    void awsWafsCaptchaIsBlocked() throws InterruptedException {
        blockedFor("/aws-waf-captcha", "x-amzn-waf-action: captcha");
    }

    @Test
    void cloudflaresJavaScriptChallengeIsBlockedNotABrokenServer() throws InterruptedException {
        blockedFor("/cloudflare-js", "503 Service Unavailable from Cloudflare's bot check");
        assertEquals(2, loopback.server().requests("/cloudflare-js").size(), "HEAD, then one GET: a challenge is not retried");
    }

    @Test
    void cloudflareAkamaiAndDataDomeRefusalsAreBlocked() throws InterruptedException {
        blockedFor("/cloudflare-1020", "from Cloudflare's bot protection");
        blockedFor("/akamai", "from Akamai's bot protection");
        blockedFor("/datadome", "DataDome's bot check");
    }

    @Test
    void aTeapotOrNotAcceptableToAClientThatAcceptsAnythingIsABotFilter() throws InterruptedException {
        blockedFor("/teapot", "418 I'm a teapot: 127.0.0.1 refuses the checker");
        blockedFor("/not-acceptable", "406 Not Acceptable: 127.0.0.1 refuses the checker");
    }

    @Test
    void objectStoragesAccessDeniedIsAMissingFile() throws InterruptedException {
        Outcome broken = assertKind(Outcome.Kind.BROKEN, check("/s3-missing"));
        assertTrue(broken.detail().startsWith("403 AccessDenied from object storage"), broken.detail());
    }

    @Test
    void aRedirectChainThatEndsAtAWallIsBlocked() throws InterruptedException {
        blockedFor("/redirect-to-999", "999 Request Denied");
        blockedFor("/redirect-to-challenge", "cf-mitigated: challenge");
    }

    @Test
    void aRedirectToASignInPageIsALoginWallOnAnyHost() throws InterruptedException {
        blockedFor("/redirect-to-login", "redirects to a login page");
        assertEquals(0, loopback.server().requests("/accounts/login").size(), "the login page is not requested");
    }

    @Test
    void aLinkToASignInPageItselfIsNoWall() throws InterruptedException {
        assertKind(Outcome.Kind.OK, check("/accounts/login"));
    }

    @Test
    void aDeepLinkRedirectedToTheHomePageIsASoft404() throws InterruptedException {
        Outcome broken = assertKind(Outcome.Kind.BROKEN, check("/blog/2019/a-deleted-post"));
        assertTrue(broken.detail().startsWith("redirects to the home page"), broken.detail());
        assertKind(Outcome.Kind.OK, check("/en"));
    }

    @Test
    void aRedirectToAnErrorPageIsASoft404() throws InterruptedException {
        Outcome broken = assertKind(Outcome.Kind.BROKEN, check("/moved-to-error-page"));
        assertTrue(broken.detail().startsWith("redirects to an error page"), broken.detail());
    }

    @Test
    void aPageAbout404ThatMovesIsOnlyRedirected() throws InterruptedException {
        // MDN's page on the status moved from /Status/404 to /Reference/Status/404.
        Outcome moved = assertKind(Outcome.Kind.REDIRECTED, check("/docs/status/404"));
        assertEquals(loopback.server().url("/docs/reference/status/404"), moved.target());
    }

    @Test
    void aPathWithARepeatedSegmentIsJudgedLikeAnyOther() throws InterruptedException {
        assertKind(Outcome.Kind.REDIRECTED, check("/2020/01/01/post"));
    }

    @Test
    void anItemNamed404ThatLandsOnTheErrorPageIsASoft404() throws InterruptedException {
        Outcome broken = assertKind(Outcome.Kind.BROKEN, check("/item/404"));
        assertTrue(broken.detail().startsWith("redirects to an error page"), broken.detail());
    }

    @Test
    void theHomePagesOwnFileMovingToTheRootIsNoSoft404() throws InterruptedException {
        assertKind(Outcome.Kind.REDIRECTED, check("/home.html"));
        Outcome broken = assertKind(Outcome.Kind.BROKEN, check("/blog/2020/index.html"));
        assertTrue(broken.detail().startsWith("redirects to the home page"), broken.detail());
    }

    @Test
    void aBlockedLinkIsNeverCachedAsASuccess(@TempDir Path temp) throws IOException {
        Path site = Files.createDirectories(temp.resolve("site"));
        Path cache = temp.resolve("links.json");
        StringBuilder html = new StringBuilder();
        for (String path : new String[] {"/ok", "/aws-waf", "/redirect-to-999", "/cloudflare-js", "/redirect-to-login"}) {
            html.append("<a href=\"").append(loopback.server().url(path)).append("\">x</a>\n");
        }
        Files.writeString(site.resolve("index.html"), html);
        LinkChecker checker = new LinkChecker(Checks.policy(), loopback.time(), loopback.time(), new SplittableRandom(2));
        checker.check(new LinkCheckOptions(site, "https://www.sethihemant.com", true, cache, null, null), Progress.NONE);
        Map<?, ?> json = (Map<?, ?>) ReportJson.parse(Files.readString(cache));
        Set<String> cached = new HashSet<>();
        for (Object entry : (List<?>) json.get("entries")) {
            Map<?, ?> e = (Map<?, ?>) entry;
            if (e.get("chain") != null && !((List<?>) e.get("chain")).isEmpty()) {
                cached.add((String) e.get("url"));
            }
        }
        assertEquals(Set.of(loopback.server().url("/ok")), cached);
        loopback.time().advance(Duration.ofMinutes(1));
    }
}
