package com.sethihemant.site.links;

import com.sethihemant.site.ExitCodes;
import com.sethihemant.site.SiteException;
import com.sethihemant.site.config.YamlNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * How links are checked: settings for the run, per-host rules and exclusions. Built-in rules
 * cover hosts known to fight robots (LinkedIn, X/Twitter, GitHub); the site's policy file
 * ({@code links.yml}) overrides them key by key, the most specific host name winning. Every key
 * is listed with its default and meaning in {@link #CHECK_KEYS} and {@link #HOST_KEYS}.
 */
public final class LinkPolicy {

    /**
     * A documented key of the policy file: its name, its default written as it would be in the
     * file ({@code null} when there is none to write), and what it means. The defaults the reader
     * falls back on are read from these texts, so the documentation cannot drift from the code.
     */
    public record Key(String name, String defaultValue, String description) {
    }

    /** The keys of the {@code check} section, which applies to the whole run. */
    public static final List<Key> CHECK_KEYS = List.of(
            new Key("concurrency", "32", "requests in flight at once, all hosts together"),
            new Key("connectTimeout", "10s", "how long to wait for a connection"),
            new Key("requestTimeout", "20s", "the longest one request may take, its headers and body together; one not done by then is unverifiable"),
            new Key("deadline", "10m", "the longest the external check may run; links left are reported as unverifiable"),
            new Key("retries", "2", "retries after a 5xx, 408, 429 or connection error; a time-out is retried once"),
            new Key("backoff", "1s", "the wait before the first retry; it doubles each time, with random jitter"),
            new Key("maxRetryAfter", "60s", "the longest a Retry-After header can make the checker wait"),
            new Key("maxRedirects", "10", "redirects followed before a link counts as broken"),
            new Key("cacheMaxAge", "1d", "how long a success stays in the cache"),
            new Key("userAgent", null, "the User-Agent header sent with every request; by default one that names the site"));

    /** The keys of {@code defaults} and of each entry of {@code hosts}. */
    public static final List<Key> HOST_KEYS = List.of(
            new Key("concurrency", "2", "requests in flight to one host at once"),
            new Key("interval", "100ms", "the least time between the starts of two requests to one host"),
            new Key("method", "HEAD", "HEAD to try HEAD first and fall back to GET, or GET to use GET only"),
            new Key("accept", "[]", "status codes that count as working besides 2xx"),
            new Key("blocked", "[999]", "status codes meaning the host refuses robots: a warning, not a failure"),
            new Key("blockedHeaders", "{cf-mitigated: challenge, x-amzn-waf-action: ''}",
                    "response headers (name: text the value contains, or '' for any) that mark a bot challenge"),
            new Key("loginPaths", "[/login, /signin, /sign-in, /users/sign_in, /accounts/login, /account/login, /auth/login, /session/new, /authwall]",
                    "path prefixes of login pages: a redirect to one is a login wall, not a failure"),
            new Key("headers", "{}", "extra request headers, such as Accept-Language"),
            new Key("skip", "false", "true to report the host's links as skipped without requesting them"),
            new Key("fragments", "true", "false to leave the fragments (#part) of links to the host unchecked"));

    private static final Set<String> TOP_KEYS = Set.of("check", "defaults", "hosts", "exclude", "ignore");
    private static final Set<String> IGNORE_KEYS = Set.of("url", "until", "reason");

    /** HttpClient refuses to let callers set these. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern HOST_PATTERN = Pattern.compile("[a-z0-9_]([a-z0-9_.-]*[a-z0-9_])?");

    /** The run settings when the file sets none: {@link #CHECK_KEYS}' defaults, read as the file's values are. */
    static final Settings DEFAULT_SETTINGS = settings(documented(CHECK_KEYS), null);

    /** Every host's rule when the file sets none: {@link #HOST_KEYS}' defaults, read as the file's values are. */
    private static final HostRule BUILT_IN_DEFAULTS = hostRule(documented(HOST_KEYS));

    /** Hosts known for answering robots with something other than the truth. */
    private static final Map<String, HostRule> BUILT_IN_HOSTS = Map.of(
            // LinkedIn answers robots with 999 or sends them to its "authwall"; a page cannot be verified.
            "linkedin.com", new HostRule(1, Duration.ofSeconds(2), false, null, Set.of(999, 403, 429), null,
                    List.of("/authwall", "/login", "/uas/login", "/checkpoint", "/signup"), null, null, null),
            // X (Twitter) shows logged-out robots a login flow, or 403/429.
            "twitter.com", xRule(),
            "x.com", xRule(),
            // GitHub rate-limits bursts with 429 and Retry-After; go gently.
            "github.com", new HostRule(2, Duration.ofMillis(500), null, null, null, null, null, null, null, null));

    private final Settings settings;
    private final HostRule defaults;
    private final Map<String, HostRule> configHosts;
    private final List<Pattern> excludes;
    private final List<Ignore> ignores;
    private final String source;

    /**
     * An entry of {@code ignore}: links known to be broken, reported as skipped until a date.
     *
     * @param until the last day the entry applies; {@code null} for no end
     * @param reason why, for the report; may be empty
     * @param where the file and line of the entry, for the warning when it has expired
     */
    record Ignore(Pattern pattern, LocalDate until, String reason, String where) {

        boolean expiredOn(LocalDate today) {
            return until != null && today.isAfter(until);
        }
    }

    LinkPolicy(Settings settings, HostRule defaults, Map<String, HostRule> configHosts, List<Pattern> excludes,
               String source) {
        this(settings, defaults, configHosts, excludes, List.of(), source);
    }

    LinkPolicy(Settings settings, HostRule defaults, Map<String, HostRule> configHosts, List<Pattern> excludes,
               List<Ignore> ignores, String source) {
        this.settings = settings;
        this.defaults = defaults;
        this.configHosts = Map.copyOf(configHosts);
        this.excludes = List.copyOf(excludes);
        this.ignores = List.copyOf(ignores);
        this.source = source;
    }

    /** The built-in policy, for a run without a policy file. */
    public static LinkPolicy defaults() {
        return new LinkPolicy(DEFAULT_SETTINGS, HostRule.EMPTY, Map.of(), List.of(), "the built-in policy");
    }

    /**
     * Reads and validates a policy file.
     *
     * @throws SiteException with exit code {@link ExitCodes#USAGE} naming the file and line of
     *     the first bad key or value
     */
    public static LinkPolicy load(Path file) {
        try {
            return read(YamlNode.load(file), file);
        } catch (SiteException e) {
            throw e.exitCode() == ExitCodes.USAGE ? e : new SiteException(e.problems(), ExitCodes.USAGE, e);
        }
    }

    private static LinkPolicy read(YamlNode root, Path file) {
        YamlNode.Fields top = root.fields(TOP_KEYS);
        Settings settings = top.optional("check").map(node -> settings(node, DEFAULT_SETTINGS)).orElse(DEFAULT_SETTINGS);
        HostRule defaults = top.optional("defaults").map(LinkPolicy::hostRule).orElse(HostRule.EMPTY);
        Map<String, HostRule> hosts = new LinkedHashMap<>();
        top.optional("hosts").ifPresent(node -> node.entries().forEach((name, value) -> {
            if (!HOST_PATTERN.matcher(name).matches()) {
                throw value.error("is not a host name; write it in lower case without scheme or path, such as github.com");
            }
            hosts.put(name, hostRule(value));
        }));
        List<Pattern> excludes = top.list("exclude", LinkPolicy::pattern);
        List<Ignore> ignores = top.list("ignore", node -> ignore(node, file));
        return new LinkPolicy(settings, defaults, hosts, excludes, ignores, file.getFileName().toString());
    }

    /** An ignore entry: a regular expression, or a mapping of {@code url}, {@code until} and {@code reason}. */
    private static Ignore ignore(YamlNode node, Path file) {
        String where = file + ":" + node.line();
        if (!(node.toJava() instanceof Map)) {
            return new Ignore(pattern(node), null, "", where);
        }
        YamlNode.Fields f = node.fields(IGNORE_KEYS);
        LocalDate until = f.optional("until").map(n -> {
            try {
                return LocalDate.parse(n.text());
            } catch (DateTimeParseException e) {
                throw n.error("is not a date; write it as YYYY-MM-DD, such as 2026-12-31");
            }
        }).orElse(null);
        return new Ignore(pattern(f.required("url")), until, f.optional("reason").map(YamlNode::text).orElse(""), where);
    }

    private static Pattern pattern(YamlNode node) {
        try {
            return Pattern.compile(node.text());
        } catch (PatternSyntaxException e) {
            throw node.error("is not a valid regular expression: " + e.getDescription());
        }
    }

    /**
     * Reads a {@code check} section; a key it does not set keeps its value in {@code d}. For the
     * documented defaults themselves {@code d} is {@code null}: every key with a default is set.
     */
    private static Settings settings(YamlNode node, Settings d) {
        YamlNode.Fields f = node.fields(names(CHECK_KEYS));
        return new Settings(
                f.optional("concurrency").map(LinkPolicy::positive).orElseGet(() -> d.concurrency()),
                f.optional("connectTimeout").map(LinkPolicy::positiveDuration).orElseGet(() -> d.connectTimeout()),
                f.optional("requestTimeout").map(LinkPolicy::positiveDuration).orElseGet(() -> d.requestTimeout()),
                f.optional("deadline").map(LinkPolicy::positiveDuration).orElseGet(() -> d.deadline()),
                f.optional("retries").map(LinkPolicy::atLeastZero).orElseGet(() -> d.retries()),
                f.optional("backoff").map(LinkPolicy::duration).orElseGet(() -> d.backoff()),
                f.optional("maxRetryAfter").map(LinkPolicy::duration).orElseGet(() -> d.maxRetryAfter()),
                f.optional("maxRedirects").map(LinkPolicy::atLeastZero).orElseGet(() -> d.maxRedirects()),
                f.optional("cacheMaxAge").map(LinkPolicy::duration).orElseGet(() -> d.cacheMaxAge()),
                f.optional("userAgent").map(LinkPolicy::nonBlank).orElse(d == null ? null : d.userAgent()));
    }

    /** The documented defaults of a table as a YAML mapping, to be read like a policy file. */
    private static YamlNode documented(List<Key> keys) {
        StringBuilder yaml = new StringBuilder();
        for (Key key : keys) {
            if (key.defaultValue() != null) {
                yaml.append(key.name()).append(": ").append(key.defaultValue()).append('\n');
            }
        }
        return YamlNode.parse(Path.of("LinkPolicy.java (the documented defaults)"), yaml.toString());
    }

    private static HostRule hostRule(YamlNode node) {
        YamlNode.Fields f = node.fields(names(HOST_KEYS));
        return new HostRule(
                f.optional("concurrency").map(LinkPolicy::positive).orElse(null),
                f.optional("interval").map(LinkPolicy::duration).orElse(null),
                f.optional("method").map(LinkPolicy::method).orElse(null),
                f.optional("accept").map(LinkPolicy::statuses).orElse(null),
                f.optional("blocked").map(LinkPolicy::statuses).orElse(null),
                f.optional("blockedHeaders").map(n -> headerMap(n, true)).orElse(null),
                f.optional("loginPaths").map(LinkPolicy::paths).orElse(null),
                f.optional("headers").map(n -> headerMap(n, false)).orElse(null),
                f.optional("skip").map(YamlNode::bool).orElse(null),
                f.optional("fragments").map(YamlNode::bool).orElse(null));
    }

    private static Set<String> names(List<Key> keys) {
        return keys.stream().map(Key::name).collect(Collectors.toSet());
    }

    private static int positive(YamlNode node) {
        int value = node.integer();
        if (value < 1) {
            throw node.error("must be at least 1");
        }
        return value;
    }

    private static int atLeastZero(YamlNode node) {
        int value = node.integer();
        if (value < 0) {
            throw node.error("must not be negative");
        }
        return value;
    }

    private static Duration duration(YamlNode node) {
        try {
            return Durations.parse(node.text());
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    private static Duration positiveDuration(YamlNode node) {
        Duration duration = duration(node);
        if (duration.isZero()) {
            throw node.error("must be longer than zero");
        }
        return duration;
    }

    private static String nonBlank(YamlNode node) {
        String text = node.text();
        if (text.isBlank()) {
            throw node.error("must not be blank");
        }
        return text;
    }

    private static Boolean method(YamlNode node) {
        return switch (node.text()) {
            case "HEAD" -> true;
            case "GET" -> false;
            default -> throw node.error("must be HEAD or GET");
        };
    }

    private static Set<Integer> statuses(YamlNode node) {
        Set<Integer> codes = new LinkedHashSet<>();
        for (YamlNode item : node.items()) {
            int code = item.integer();
            if (code < 100 || code > 999) {
                throw item.error("is not an HTTP status code (100 to 999)");
            }
            codes.add(code);
        }
        return codes;
    }

    private static List<String> paths(YamlNode node) {
        List<String> paths = new ArrayList<>();
        for (YamlNode item : node.items()) {
            String path = item.text();
            if (!path.startsWith("/")) {
                throw item.error("must be a path starting with /");
            }
            paths.add(path);
        }
        return paths;
    }

    private static Map<String, String> headerMap(YamlNode node, boolean lowerCase) {
        Map<String, String> headers = new LinkedHashMap<>();
        node.entries().forEach((name, value) -> {
            if (!HEADER_NAME.matcher(name).matches()) {
                throw value.error("is not a valid HTTP header name");
            }
            if (!lowerCase && RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw value.error("cannot be set: the HTTP client manages it");
            }
            String text = value.text();
            if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                throw value.error("must be on one line");
            }
            headers.put(lowerCase ? name.toLowerCase(Locale.ROOT) : name, text);
        });
        return headers;
    }

    private static HostRule xRule() {
        return new HostRule(1, Duration.ofSeconds(1), null, null, Set.of(999, 401, 403, 429), null,
                List.of("/login", "/i/flow/login", "/account/access"), null, null, null);
    }

    Settings settings() {
        return settings;
    }

    /** Where the policy came from, for messages: the file's name or "the built-in policy". */
    String source() {
        return source;
    }

    /** A copy with other run settings, for command-line overrides and tests. */
    LinkPolicy with(Settings newSettings) {
        return new LinkPolicy(newSettings, defaults, configHosts, excludes, ignores, source);
    }

    /** A copy whose defaults for every host are overridden by {@code rule}. */
    LinkPolicy withDefaults(HostRule rule) {
        return new LinkPolicy(settings, defaults.overriddenBy(rule), configHosts, excludes, ignores, source);
    }

    /** A copy with one more host rule, overriding any the same name had. */
    LinkPolicy withHost(String host, HostRule rule) {
        Map<String, HostRule> hosts = new LinkedHashMap<>(configHosts);
        hosts.merge(host, rule, HostRule::overriddenBy);
        return new LinkPolicy(settings, defaults, hosts, excludes, ignores, source);
    }

    /** A copy that also excludes URLs matching {@code regex}. */
    LinkPolicy withExclude(String regex) {
        List<Pattern> more = new ArrayList<>(excludes);
        more.add(Pattern.compile(regex));
        return new LinkPolicy(settings, defaults, configHosts, more, ignores, source);
    }

    /**
     * The policy for a host: built-in defaults, then the file's defaults, then every matching
     * host rule from least to most specific (built-in before the file's for the same name).
     */
    HostPolicy forHost(String host) {
        HostRule rule = BUILT_IN_DEFAULTS.overriddenBy(defaults);
        String name = "defaults";
        List<String> matching = new ArrayList<>();
        for (String key : union(BUILT_IN_HOSTS.keySet(), configHosts.keySet())) {
            if (host.equals(key) || host.endsWith("." + key)) {
                matching.add(key);
            }
        }
        matching.sort(Comparator.comparingInt(String::length));
        for (String key : matching) {
            rule = apply(rule, BUILT_IN_HOSTS.get(key));
            rule = apply(rule, configHosts.get(key));
            name = key;
        }
        return rule.toPolicy(name);
    }

    private static HostRule apply(HostRule rule, HostRule over) {
        return over == null ? rule : rule.overriddenBy(over);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** A copy that also ignores URLs matching {@code regex} until {@code until}. */
    LinkPolicy withIgnore(String regex, LocalDate until, String reason) {
        List<Ignore> more = new ArrayList<>(ignores);
        more.add(new Ignore(Pattern.compile(regex), until, reason, "(test)"));
        return new LinkPolicy(settings, defaults, configHosts, excludes, more, source);
    }

    /** The ignore entries, in file order. */
    List<Ignore> ignores() {
        return ignores;
    }

    /** The ignore entry a URL matches (expired or not), or {@code null}. */
    Ignore ignoredBy(String url) {
        for (Ignore ignore : ignores) {
            if (ignore.pattern().matcher(url).find()) {
                return ignore;
            }
        }
        return null;
    }

    /** The exclusion pattern a URL matches, or {@code null}. */
    String excludedBy(String url) {
        for (Pattern pattern : excludes) {
            if (pattern.matcher(url).find()) {
                return pattern.pattern();
            }
        }
        return null;
    }
}
