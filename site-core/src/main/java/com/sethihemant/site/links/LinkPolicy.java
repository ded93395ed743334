package com.sethihemant.site.links;

import com.sethihemant.site.ExitCodes;
import com.sethihemant.site.SiteException;
import com.sethihemant.site.config.Key;
import com.sethihemant.site.config.YamlNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How links are checked: settings for the run, per-host rules and exclusions. Built-in rules
 * cover hosts known to fight robots (LinkedIn, X/Twitter, GitHub); the site's policy file
 * ({@code links.yml}) overrides them key by key, the most specific host name winning. Every key
 * is listed with its default and meaning in {@link #CHECK_KEYS} and {@link #HOST_KEYS}.
 */
public final class LinkPolicy {

    /** The keys of the {@code check} section, which applies to the whole run. */
    public static final Map<String, Key> CHECK_KEYS = Key.table(
            new Key("concurrency", "32", "requests in flight at once, all hosts together"),
            new Key("connectTimeout", "10s", "how long to wait for a connection"),
            new Key("requestTimeout", "20s", "the longest one request may take, its headers and body together; one not done by then is unverifiable"),
            new Key("deadline", "10m", "the longest the external check may run; links left are reported as unverifiable"),
            new Key("retries", "2", "retries after a 5xx, 408, 429 or connection error; a time-out is retried once"),
            new Key("backoff", "1s", "the wait before the first retry; it doubles each time, with random jitter"),
            new Key("maxRetryAfter", "60s", "the longest a Retry-After header can make the checker wait"),
            new Key("maxRedirects", "10", "redirects followed before a link counts as broken"),
            new Key("cacheMaxAge", "1d", "how long a success stays in the cache"),
            new Key("userAgent", "", "the User-Agent header sent with every request; empty for one that names the site"));

    /** The keys of {@code defaults} and of each entry of {@code hosts}. */
    public static final Map<String, Key> HOST_KEYS = Key.table(
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
    /** What {@code method} may say: whether HEAD is tried first. */
    private static final Map<String, Boolean> METHODS = methods();
    /** The keys of an entry of {@code ignore} written as a mapping. */
    private static final Map<String, Key> IGNORE_KEYS = Key.table(
            new Key("url", null, "a regular expression; a URL that contains a match is ignored"),
            new Key("until", "", "the last day the entry holds, YYYY-MM-DD; after it the links are checked again, with a warning"),
            new Key("reason", "", "why the links are ignored, for the report"));

    /** HttpClient refuses to let callers set these. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern HOST_PATTERN = Pattern.compile("[a-z0-9_]([a-z0-9_.-]*[a-z0-9_])?");

    /** The run settings when the file sets none: {@link #CHECK_KEYS}' defaults, read as the file's values are. */
    static final Settings DEFAULT_SETTINGS = settings(noKeys(CHECK_KEYS));

    /** Every host's rule when the file sets none: {@link #HOST_KEYS}' defaults, read as the file's values are. */
    private static final HostRule BUILT_IN_DEFAULTS = hostRule(noKeys(HOST_KEYS), true);

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
        Settings settings = top.optional("check").map(node -> settings(node.fields(CHECK_KEYS.keySet())))
                .orElse(DEFAULT_SETTINGS);
        HostRule defaults = top.optional("defaults").map(node -> hostRule(node.fields(HOST_KEYS.keySet()), false))
                .orElse(HostRule.EMPTY);
        Map<String, HostRule> hosts = new LinkedHashMap<>();
        top.optional("hosts").ifPresent(node -> node.entries().forEach((name, value) -> {
            if (!HOST_PATTERN.matcher(name).matches()) {
                throw value.error("is not a host name; write it in lower case without scheme or path, such as github.com");
            }
            hosts.put(name, hostRule(value.fields(HOST_KEYS.keySet()), false));
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
        YamlNode.Fields f = node.fields(IGNORE_KEYS.keySet());
        YamlNode until = f.value(IGNORE_KEYS.get("until"));
        return new Ignore(pattern(f.value(IGNORE_KEYS.get("url"))), until.text().isBlank() ? null : until.date(),
                f.value(IGNORE_KEYS.get("reason")).text().strip(), where);
    }

    private static Pattern pattern(YamlNode node) {
        try {
            return Pattern.compile(node.text());
        } catch (PatternSyntaxException e) {
            throw node.error("is not a valid regular expression: " + e.getDescription());
        }
    }

    /** Reads a {@code check} section; a key it does not set has its documented default. */
    private static Settings settings(YamlNode.Fields f) {
        String userAgent = f.value(CHECK_KEYS.get("userAgent")).text().strip();
        return new Settings(
                check(f, "concurrency").positive(),
                check(f, "connectTimeout").positiveDuration(),
                check(f, "requestTimeout").positiveDuration(),
                check(f, "deadline").positiveDuration(),
                check(f, "retries").integerAtLeast(0),
                check(f, "backoff").duration(),
                check(f, "maxRetryAfter").duration(),
                check(f, "maxRedirects").integerAtLeast(0),
                check(f, "cacheMaxAge").duration(),
                userAgent.isEmpty() ? null : userAgent);
    }

    private static YamlNode check(YamlNode.Fields f, String key) {
        return f.value(CHECK_KEYS.get(key));
    }

    /** A mapping with none of a table's keys, whose values are therefore all the documented defaults. */
    private static YamlNode.Fields noKeys(Map<String, Key> table) {
        return YamlNode.parse(Path.of("LinkPolicy.java"), "{}").fields(table.keySet());
    }

    /**
     * Reads a host rule ({@code defaults} or an entry of {@code hosts}). A key the section does
     * not set is left unset, so that rules layer, unless {@code withDefaults}: then it has its
     * documented default, which is how the rule under all others is made.
     */
    private static HostRule hostRule(YamlNode.Fields f, boolean withDefaults) {
        Function<String, Optional<YamlNode>> key = name -> withDefaults
                ? Optional.of(f.value(HOST_KEYS.get(name))) : f.optional(name);
        return new HostRule(
                key.apply("concurrency").map(YamlNode::positive).orElse(null),
                key.apply("interval").map(YamlNode::duration).orElse(null),
                key.apply("method").map(n -> n.oneOf(METHODS)).orElse(null),
                key.apply("accept").map(LinkPolicy::statuses).orElse(null),
                key.apply("blocked").map(LinkPolicy::statuses).orElse(null),
                key.apply("blockedHeaders").map(n -> headerMap(n, true)).orElse(null),
                key.apply("loginPaths").map(LinkPolicy::paths).orElse(null),
                key.apply("headers").map(n -> headerMap(n, false)).orElse(null),
                key.apply("skip").map(YamlNode::bool).orElse(null),
                key.apply("fragments").map(YamlNode::bool).orElse(null));
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
            String path = item.nonBlank();
            if (!path.startsWith("/")) {
                throw item.error("must be a path starting with '/', such as /login");
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

    private static Map<String, Boolean> methods() {
        Map<String, Boolean> methods = new LinkedHashMap<>();
        methods.put("HEAD", true);
        methods.put("GET", false);
        return methods;
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
