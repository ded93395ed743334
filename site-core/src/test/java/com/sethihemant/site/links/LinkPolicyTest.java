package com.sethihemant.site.links;

import com.sethihemant.site.ExitCodes;
import com.sethihemant.site.SiteException;
import com.sethihemant.site.config.Durations;
import com.sethihemant.site.config.Key;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkPolicyTest {

    /** The real site's policy file; tests run in site-core. */
    private static final Path SITE_POLICY = Path.of("../site-content/src/main/jbake/links.yml");

    @TempDir
    Path temp;

    private Path file(String yaml) throws IOException {
        Path file = temp.resolve("links.yml");
        Files.writeString(file, yaml);
        return file;
    }

    private SiteException loadFails(String yaml) throws IOException {
        Path file = file(yaml);
        SiteException e = assertThrows(SiteException.class, () -> LinkPolicy.load(file));
        assertEquals(ExitCodes.USAGE, e.exitCode(), "configuration mistakes are usage errors");
        assertEquals(file, e.problems().get(0).file());
        return e;
    }

    @Test
    void builtInRulesKnowTheHostsThatFightRobots() {
        LinkPolicy policy = LinkPolicy.defaults();
        HostPolicy linkedIn = policy.forHost("www.linkedin.com");
        assertEquals("linkedin.com", linkedIn.name());
        assertTrue(linkedIn.blocked().contains(999));
        assertTrue(linkedIn.isLoginPage("/authwall"));
        assertFalse(linkedIn.headFirst(), "LinkedIn is asked with GET");
        assertTrue(policy.forHost("x.com").isLoginPage("/i/flow/login"));
        assertTrue(policy.forHost("twitter.com").blocked().contains(403));
        assertEquals(Duration.ofMillis(500), policy.forHost("gist.github.com").interval());
        HostPolicy other = policy.forHost("example.org");
        assertEquals("defaults", other.name());
        assertEquals(Set.of(999), other.blocked());
        assertEquals("challenge", other.blockedHeaders().get("cf-mitigated"));
    }

    @Test
    void theSitesPolicyFileLoadsAndLayersOverTheBuiltIns() {
        LinkPolicy policy = LinkPolicy.load(SITE_POLICY);
        HostPolicy linkedIn = policy.forHost("www.linkedin.com");
        assertEquals(Duration.ofSeconds(5), linkedIn.interval(), "from links.yml");
        assertTrue(linkedIn.isLoginPage("/authwall"), "still from the built-in rule");
        assertEquals(Duration.ofMillis(250), policy.forHost("example.org").interval(), "links.yml's defaults");
        assertEquals(Duration.ofMillis(500), policy.forHost("github.com").interval(), "the built-in host rule beats file defaults");
        assertNotNull(policy.excludedBy("http://localhost:9000/bucket"));
        assertNull(policy.excludedBy("https://localhost.example.com/"));
        assertEquals(16, policy.settings().concurrency());
    }

    @Test
    void theMostSpecificHostNameWins() throws IOException {
        LinkPolicy policy = LinkPolicy.load(file("""
                hosts:
                  github.com:
                    interval: 2s
                  gist.github.com:
                    concurrency: 5
                """));
        HostPolicy gist = policy.forHost("gist.github.com");
        assertEquals(5, gist.concurrency());
        assertEquals(Duration.ofSeconds(2), gist.interval(), "inherited from the less specific github.com");
        assertEquals(2, policy.forHost("github.com").concurrency());
        assertEquals("defaults", policy.forHost("notgithub.com").name(), "a suffix must follow a dot");
    }

    @Test
    void everyHostKeyIsRead() throws IOException {
        HostPolicy host = LinkPolicy.load(file("""
                hosts:
                  example.org:
                    concurrency: 3
                    interval: 1s
                    method: GET
                    accept: [403]
                    blocked: [451]
                    blockedHeaders: {X-Bot-Check: ""}
                    loginPaths: [/signin]
                    headers: {Accept-Language: de}
                    skip: true
                    fragments: false
                """)).forHost("example.org");
        assertEquals(new HostPolicy("example.org", 3, Duration.ofSeconds(1), false, Set.of(403), Set.of(451),
                Map.of("x-bot-check", ""), List.of("/signin"), Map.of("Accept-Language", "de"), true, false), host);
    }

    @Test
    void anUnknownKeyIsAnErrorWithItsLine() throws IOException {
        SiteException e = loadFails("check:\n  retries: 1\n  concurency: 3\n");
        assertEquals(3, e.problems().get(0).line());
        assertTrue(e.getMessage().contains("'check.concurency' is not a known key"), e.getMessage());
    }

    @Test
    void aBadDurationNamesTheKeyAndTheExpectedForm() throws IOException {
        SiteException e = loadFails("defaults:\n  interval: fast\n");
        assertEquals(2, e.problems().get(0).line());
        assertTrue(e.getMessage().contains("'defaults.interval' must be a duration") && e.getMessage().contains("such as 250ms"),
                e.getMessage());
    }

    @Test
    void aBadRegularExpressionIsAnError() throws IOException {
        SiteException e = loadFails("exclude:\n  - 'ok'\n  - '(unclosed'\n");
        assertEquals(3, e.problems().get(0).line());
        assertTrue(e.getMessage().contains("regular expression"), e.getMessage());
    }

    @Test
    void headersTheHttpClientOwnsCannotBeSet() throws IOException {
        SiteException e = loadFails("hosts:\n  example.org:\n    headers:\n      Host: other.example\n");
        assertTrue(e.getMessage().contains("the HTTP client manages it"), e.getMessage());
    }

    @Test
    void statusCodesMustBeStatusCodes() throws IOException {
        SiteException e = loadFails("defaults:\n  accept: [200, 42]\n");
        assertTrue(e.getMessage().contains("not an HTTP status code"), e.getMessage());
    }

    @Test
    void hostNamesMustBeBareNames() throws IOException {
        SiteException e = loadFails("hosts:\n  https://github.com/:\n    interval: 1s\n");
        assertTrue(e.getMessage().contains("is not a host name"), e.getMessage());
    }

    @Test
    void invalidYamlIsAUsageErrorToo() throws IOException {
        SiteException e = loadFails("check: [unclosed\n");
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }

    @Test
    void everyDocumentedKeyIsAcceptedByTheReader() throws IOException {
        StringBuilder yaml = new StringBuilder("check:\n");
        yaml.append("  concurrency: 1\n  connectTimeout: 1s\n  requestTimeout: 1s\n  deadline: 1m\n  retries: 0\n")
                .append("  backoff: 1s\n  maxRetryAfter: 1s\n  maxRedirects: 1\n  cacheMaxAge: 1h\n  userAgent: x\n");
        assertEquals(LinkPolicy.CHECK_KEYS.size(), yaml.toString().split("\n").length - 1);
        assertEquals(new Settings(1, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(1), 0,
                Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ofHours(1), "x"),
                LinkPolicy.load(file(yaml.toString())).settings());
    }

    @Test
    void theDefaultsTheReaderFallsBackOnAreTheDocumentedOnes() {
        Settings s = LinkPolicy.defaults().settings();
        Map<String, Object> check = new HashMap<>();
        check.put("concurrency", s.concurrency());
        check.put("connectTimeout", s.connectTimeout());
        check.put("requestTimeout", s.requestTimeout());
        check.put("deadline", s.deadline());
        check.put("retries", s.retries());
        check.put("backoff", s.backoff());
        check.put("maxRetryAfter", s.maxRetryAfter());
        check.put("maxRedirects", s.maxRedirects());
        check.put("cacheMaxAge", s.cacheMaxAge());
        check.put("userAgent", s.userAgent());
        assertEquals(LinkPolicy.CHECK_KEYS.size(), check.size());
        for (Key key : LinkPolicy.CHECK_KEYS.values()) {
            Object value = check.get(key.name());
            String text = key.defaultValue();
            Object documented = text.isEmpty() ? null
                    : value instanceof Duration ? Durations.parse(text) : Integer.valueOf(text);
            assertEquals(documented, value, "check." + key.name());
        }
        HostPolicy host = LinkPolicy.defaults().forHost("example.org");
        assertEquals("2", defaultOf("concurrency"));
        assertEquals(2, host.concurrency());
        assertEquals(Durations.parse(defaultOf("interval")), host.interval());
        assertEquals(defaultOf("method").equals("HEAD"), host.headFirst());
        assertEquals(Set.of(999), host.blocked());
        assertEquals(defaultOf("blocked"), "[" + host.blocked().iterator().next() + "]");
        assertEquals(Boolean.parseBoolean(defaultOf("skip")), host.skip());
    }

    private static String defaultOf(String hostKey) {
        return LinkPolicy.HOST_KEYS.get(hostKey).defaultValue();
    }

    /** The README's tables of links.yml's keys are a copy for readers; they must say what the code does. */
    @Test
    void theReadmeDocumentsEveryKeyWithItsDefault() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        for (Key key : LinkPolicy.CHECK_KEYS.values()) {
            assertTrue(readme.contains(row(key)), "README.md lacks the row " + row(key));
        }
        for (Key key : LinkPolicy.HOST_KEYS.values()) {
            assertTrue(readme.contains(row(key)), "README.md lacks the row " + row(key));
        }
    }

    private static String row(Key key) {
        return "| `" + key.name() + "` | " + (key.defaultValue().isEmpty() ? "(empty)" : "`" + key.defaultValue() + "`")
                + " | " + key.description() + " |";
    }
}
