package com.sethihemant.site.links;

import com.sethihemant.site.SiteException;
import com.sethihemant.site.Suggestions;
import com.sethihemant.site.config.Durations;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Checks every link of a baked site: internal links and fragments against the folder, and, when
 * asked, external links over HTTP under a per-host policy. This is the package's entry point;
 * the command line is {@code site check-links}.
 */
public final class LinkChecker {

    /** Stands in for the site's address when none is given; the name can never be registered. */
    static final String PLACEHOLDER_BASE = "https://site.invalid/";

    private final LinkPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    /** A checker on the system clock. */
    public LinkChecker(LinkPolicy policy) {
        this(policy, Clock.systemUTC(), Sleeper.REAL, RandomGenerator.getDefault());
    }

    LinkChecker(LinkPolicy policy, Clock clock, Sleeper sleeper, RandomGenerator random) {
        this.policy = policy;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
    }

    /** A link on its way to an outcome: decided already, or waiting for a file or HTTP check. */
    private record Pending(Link link, Url url, boolean internal, Outcome outcome) {
    }

    /**
     * Runs the check.
     *
     * @throws SiteException when the folder or the base URL is wrong (exit code 2), or a file
     *     cannot be read or the cache written (exit code 3)
     */
    public LinkReport check(LinkCheckOptions options, Progress progress) {
        Instant started = clock.instant();
        Settings settings = settings(options);
        LinkPolicy runPolicy = policy.with(settings);
        Url siteBase = siteBase(options.baseUrl());
        SiteFiles files = SiteFiles.scan(options.site());
        List<String> notices = new ArrayList<>();
        if (options.baseUrl() == null) {
            notices.add("no --base-url given: absolute links to the site's own address are checked as external links");
        }

        Map<String, Set<String>> anchors = new HashMap<>();
        List<PageScan> scans = new ArrayList<>();
        InternalLinks internal = new InternalLinks(files, siteBase, anchors);
        for (String page : files.pages()) {
            PageScan scan = scanPage(files, page, internal);
            anchors.put(page, scan.anchors());
            scans.add(scan);
        }
        for (String sheet : files.styleSheets()) {
            scans.add(PageScanner.scanCss(sheet, readLenient(files, sheet), urlOf(internal, sheet)));
        }

        LocalDate today = LocalDate.ofInstant(started, ZoneOffset.UTC);
        List<String> warnings = new ArrayList<>();
        for (LinkPolicy.Ignore ignore : runPolicy.ignores()) {
            if (ignore.expiredOn(today)) {
                warnings.add(ignore.where() + ": the ignore entry for '" + ignore.pattern().pattern() + "' expired on "
                        + ignore.until() + "; its links are checked again: fix them, then remove the entry (or give it a later until:)");
            }
        }
        List<Pending> pending = new ArrayList<>();
        List<LinkResult> results = new ArrayList<>();
        for (PageScan scan : scans) {
            results.addAll(scan.findings());
            for (PageScan.RawLink raw : scan.links()) {
                pending.add(classify(scan.path(), raw, internal, runPolicy, siteBase, today));
            }
        }

        Map<String, ExternalCheck.Checked> external = new LinkedHashMap<>();
        Map<String, LinkResult.Failing> failing = new HashMap<>();
        List<Url> externalUrls = new ArrayList<>();
        for (Pending p : pending) {
            if (p.outcome() == null && !p.internal()) {
                externalUrls.add(p.url());
            }
        }
        int distinctExternal = (int) externalUrls.stream().map(Url::withoutFragment).distinct().count();
        boolean checkExternal = options.external() && !externalUrls.isEmpty();
        LinkCache cache = checkExternal && options.cache() != null ? LinkCache.load(options.cache(), notices) : LinkCache.empty();
        if (checkExternal) {
            external.putAll(checkExternal(externalUrls, options, runPolicy, siteBase, started, progress, cache, failing));
        }
        Instant finished = clock.instant();

        for (Pending p : pending) {
            Outcome outcome = p.outcome();
            LinkResult.Failing history = null;
            if (outcome == null && p.internal()) {
                outcome = internal.check(p.url());
            } else if (outcome == null && options.external()) {
                ExternalCheck.Checked checked = external.get(p.url().withoutFragment());
                outcome = withFragment(checked, p.url(), runPolicy);
                history = history(checked, p.url(), outcome, cache, failing, finished);
            } else if (outcome == null) {
                outcome = Outcome.skipped("external links are checked with --external");
            }
            results.add(new LinkResult(p.link(), outcome, history));
        }
        if (checkExternal && options.cache() != null) {
            cache.save(options.cache(), finished, runPolicy.settings().cacheMaxAge());
        }
        PageSources sources = PageSources.load(options.site(), notices);
        results.replaceAll(r -> {
            String source = sources.sourceOf(r.link().page());
            return source == null ? r : new LinkResult(r.link().withSource(source, sources.lineOf(r.link().page(), r.link())),
                    r.outcome(), r.failing());
        });
        results.sort(Comparator.comparing((LinkResult r) -> r.link().page()).thenComparingInt(r -> r.link().line()));
        return new LinkReport(results, files.pages().size(), options.external() ? distinctExternal : 0,
                Duration.between(started, clock.instant()), notices, warnings);
    }

    private Settings settings(LinkCheckOptions options) {
        Settings settings = policy.settings();
        if (options.deadline() != null) {
            settings = settings.withDeadline(options.deadline());
        }
        if (options.cacheMaxAge() != null) {
            settings = settings.withCacheMaxAge(options.cacheMaxAge());
        }
        return settings;
    }

    private static Url siteBase(String baseUrl) {
        String text = baseUrl == null ? PLACEHOLDER_BASE : baseUrl.strip();
        try {
            Url url = Urls.absolute(text);
            if (url.query() != null || url.fragment() != null) {
                throw new BadUrlException("must not have a query or fragment");
            }
            return url.path().endsWith("/") ? url : url.withPath(url.path() + "/");
        } catch (BadUrlException e) {
            throw SiteException.usage(null, "the base URL '" + baseUrl + "' " + e.getMessage()
                    + "; give the site's address, such as https://www.example.com");
        }
    }

    private static Url urlOf(InternalLinks internal, String path) {
        try {
            return internal.urlOf(path);
        } catch (BadUrlException e) {
            throw new IllegalStateException("a file name of the site made a bad URL: " + path, e);
        }
    }

    private static PageScan scanPage(SiteFiles files, String page, InternalLinks internal) {
        try {
            return PageScanner.scan(page, PageScanner.read(files.file(page)), urlOf(internal, page));
        } catch (IOException e) {
            throw SiteException.io(files.file(page), "cannot be read", e);
        }
    }

    /** Style sheets are read as UTF-8, replacing bad bytes: only their URLs matter here. */
    private static String readLenient(SiteFiles files, String path) {
        try {
            byte[] bytes = Files.readAllBytes(files.file(path));
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IOException e) {
            throw SiteException.io(files.file(path), "cannot be read", e);
        }
    }

    /** Decides what can be decided without a request, and resolves the rest. */
    private static Pending classify(String page, PageScan.RawLink raw, InternalLinks internal, LinkPolicy policy,
                                    Url siteBase, LocalDate today) {
        Urls.Cleaned cleaned = Urls.clean(raw.raw());
        List<String> notes = new ArrayList<>();
        if (cleaned.trimmed()) {
            notes.add("white space around the URL is ignored by browsers; remove it from the page");
        }
        if (!cleaned.invisible().isEmpty()) {
            notes.add("the URL contains " + (cleaned.invisible().size() == 1 ? "an invisible character, " : "invisible characters, ")
                    + String.join(", ", cleaned.invisible()) + ", which browsers keep (percent-encoded) in the address"
                    + " they ask for; delete " + (cleaned.invisible().size() == 1 ? "it" : "them"));
        }
        String value = cleaned.value();
        String scheme = Urls.scheme(value);
        if (value.isEmpty()) {
            boolean href = raw.context().endsWith(" href");
            // An empty URL is the document's base: the page itself, unless a <base href> says otherwise.
            boolean self = href && raw.base().withoutFragment().equals(urlOf(internal, page).withoutFragment());
            if (!href || self) {
                Link link = link(page, raw, href ? raw.base().withoutFragment() : null, notes);
                return new Pending(link, null, false, href ? Outcome.ok("an empty href links to the page itself")
                        : Outcome.invalid("the URL is empty"));
            }
        }
        if (scheme != null && !scheme.equals("http") && !scheme.equals("https")) {
            Link link = link(page, raw, value, notes);
            return new Pending(link, null, false, otherScheme(scheme, value));
        }
        Url url;
        try {
            url = Urls.resolve(raw.base(), value);
        } catch (BadUrlException e) {
            return new Pending(link(page, raw, null, notes), null, false, Outcome.invalid("the URL " + e.getMessage()));
        }
        Link link = link(page, raw, url.toString(), notes);
        LinkPolicy.Ignore ignore = policy.ignoredBy(url.toString());
        if (ignore != null && !ignore.expiredOn(today)) {
            return new Pending(link, url, internal.isInternal(url), Outcome.skipped("ignored by " + policy.source()
                    + (ignore.until() == null ? "" : " until " + ignore.until())
                    + (ignore.reason().isEmpty() ? "" : ": " + ignore.reason())));
        }
        if (!internal.isInternal(url)) {
            return new Pending(link, url, false, null);
        }
        String pattern = policy.excludedBy(url.toString());
        if (pattern != null) {
            return new Pending(link, url, true, Outcome.skipped("excluded by " + policy.source() + " (" + pattern + ")"));
        }
        if (!url.scheme().equals(siteBase.scheme())) {
            notes.add("links to the site with " + url.scheme() + ": instead of " + siteBase.scheme() + ":");
            link = link(page, raw, url.toString(), notes);
        }
        return new Pending(link, url, true, null);
    }

    private static Link link(String page, PageScan.RawLink raw, String url, List<String> notes) {
        return new Link(page, raw.line(), raw.context(), raw.text(), raw.raw(), url, notes);
    }

    private static Outcome otherScheme(String scheme, String value) {
        return switch (scheme) {
            case "data" -> Outcome.skipped("a data: URL holds its content");
            case "javascript" -> Outcome.skipped("a javascript: URL runs script");
            case "mailto" -> {
                String problem = ContactLinks.mailtoProblem(value);
                yield problem == null ? Outcome.skipped("a well-formed mailto: link; there is nothing to fetch")
                        : Outcome.invalid(problem);
            }
            case "tel" -> {
                String problem = ContactLinks.telProblem(value);
                yield problem == null ? Outcome.skipped("a well-formed tel: link; there is nothing to fetch")
                        : Outcome.invalid(problem);
            }
            case "file" -> Outcome.invalid("a file: URL names a file on the author's computer, which no reader can open;"
                    + " put the file in the site and link to it there");
            default -> mistypedHttp(scheme)
                    ? Outcome.invalid("the scheme '" + scheme + ":' is a typo of http: or https:; browsers cannot open it")
                    : Outcome.skipped("the scheme '" + scheme + ":' is not checked");
        };
    }

    /** Schemes a slip of the keyboard makes from http and https ({@code htps}, {@code hhtp}, {@code http2}), none of them registered. */
    private static boolean mistypedHttp(String scheme) {
        return !scheme.equals("http") && !scheme.equals("https")
                && (Suggestions.distance(scheme, "http") <= 1 || Suggestions.distance(scheme, "https") <= 1
                || (scheme.startsWith("http") && scheme.length() <= 6));
    }

    /**
     * The outcome of one external link: its URL's, then, when the page was read, its fragment
     * looked up in the page as served (a redirect's own fragment replacing the link's).
     */
    static Outcome withFragment(ExternalCheck.Checked checked, Url url, LinkPolicy policy) {
        Outcome outcome = checked.outcome();
        String fragment = checked.redirectFragment() != null ? checked.redirectFragment() : url.fragment();
        boolean works = outcome.kind() == Outcome.Kind.OK || outcome.kind() == Outcome.Kind.REDIRECTED;
        if (!works || fragment == null || Fragments.isTop(fragment)) {
            return outcome;
        }
        if (!Fragments.namesAnElement(fragment)) {
            return outcome.withDetail(outcome.detail() + "; #" + fragment + " is a script's state or a line anchor, not an element");
        }
        if (Fragments.loadedByGitHubScript(url, fragment)) {
            return outcome.withDetail(outcome.detail() + "; #" + fragment + " is a comment or event that GitHub's page"
                    + " loads with a script, so it is not looked up");
        }
        ServedPage page = checked.page();
        if (page == null) {
            if (!policy.forHost(url.host()).fragments()) {
                return outcome.withDetail(outcome.detail() + "; #" + fragment + " not checked (fragments: false for "
                        + url.host() + " in " + policy.source() + ")");
            }
            return outcome;
        }
        if (!page.html()) {
            return outcome.withDetail(outcome.detail() + "; not an HTML page, so #" + fragment + " is not an element id");
        }
        if (page.unreadable() != null) {
            return Outcome.unverifiable("#" + fragment + " could not be looked up: " + page.unreadable());
        }
        if (Fragments.foundOnExternalPage(fragment, page.anchors())) {
            return outcome.withDetail(outcome.detail() + "; #" + fragment + " found");
        }
        if (page.cut()) {
            return Outcome.unverifiable("no element with id \"" + fragment + "\" in the first "
                    + page.bytesRead() / 1024 + " KiB of the page, and the rest, beyond the size cap, was not read");
        }
        return Outcome.broken("the page has no element with id \"" + fragment + "\" in its HTML as served"
                + " (a script may create it when the page runs; if it does, set fragments: false for "
                + url.host() + " in links.yml)");
    }

    /**
     * Since when a broken external link has been failing, from the cache, which this run's
     * outcome updates: the URL's history when the URL itself fails; when the page works but the
     * fragment is missing from it, the history of the URL with its fragment. {@code null} for
     * a link that is not broken.
     */
    private static LinkResult.Failing history(ExternalCheck.Checked checked, Url url, Outcome outcome, LinkCache cache,
                                              Map<String, LinkResult.Failing> failing, Instant now) {
        String key = url.withoutFragment();
        boolean pageRead = checked.page() != null && url.fragment() != null;
        String fragmentKey = key + "#" + (checked.redirectFragment() != null ? checked.redirectFragment() : url.fragment());
        if (outcome.severity() != Outcome.Severity.ERROR) {
            if (pageRead) {
                cache.worked(fragmentKey, now);
            }
            return null;
        }
        LinkResult.Failing ofUrl = failing.get(key);
        if (ofUrl != null || !pageRead) {
            return ofUrl;
        }
        return failing.computeIfAbsent(fragmentKey, k -> cache.failed(k, now));
    }

    private Map<String, ExternalCheck.Checked> checkExternal(List<Url> urls, LinkCheckOptions options, LinkPolicy runPolicy,
                                               Url siteBase, Instant started, Progress progress, LinkCache cache,
                                               Map<String, LinkResult.Failing> failing) {
        Settings settings = runPolicy.settings();
        Instant now = clock.instant();
        Verdicts verdicts = new Verdicts(runPolicy);
        Set<String> wantPages = new HashSet<>();
        for (Url url : urls) {
            if (Fragments.namesAnElement(url.fragment()) && runPolicy.forHost(url.host()).fragments()) {
                wantPages.add(url.withoutFragment());
            }
        }
        Map<String, ExternalCheck.Checked> outcomes = new HashMap<>();
        List<Url> toCheck = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Url url : urls) {
            String key = url.withoutFragment();
            if (!seen.add(key)) {
                if (!outcomes.containsKey(key)) {
                    toCheck.add(url);
                }
                continue;
            }
            // The cache keeps statuses, not pages: a URL whose fragments are checked is fetched.
            LinkCache.Entry entry = wantPages.contains(key) ? null : cache.fresh(key, now, settings.cacheMaxAge());
            Outcome cached = entry == null || verdicts.beforeRequest(url, false) != null
                    ? null : verdicts.rejudge(entry.chain());
            if (cached != null) {
                outcomes.put(key, new ExternalCheck.Checked(withCacheNote(cached, entry.checked(), now), entry.chain(),
                        null, null));
            } else {
                toCheck.add(url);
            }
        }
        // Hosts that see an unfamiliar robot deserve to know whose it is.
        String userAgent = settings.userAgent() != null ? settings.userAgent()
                : "Mozilla/5.0 (compatible; site-link-checker/1.0"
                + (options.baseUrl() == null ? "" : "; +" + siteBase.origin() + "/") + ")";
        HttpFetcher fetcher = new HttpFetcher(settings.connectTimeout(), settings.requestTimeout(), userAgent);
        Map<String, ExternalCheck.Checked> checked;
        try {
            checked = new ExternalCheck(runPolicy, fetcher, clock, sleeper, random)
                    .run(toCheck, started.plus(settings.deadline()), progress);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking external links", e);
        }
        Instant finished = clock.instant();
        checked.forEach((key, result) -> {
            outcomes.put(key, result);
            if (!result.chain().isEmpty()) {
                cache.remember(key, finished, result.chain());
            } else if (result.outcome().severity() == Outcome.Severity.ERROR) {
                failing.put(key, cache.failed(key, finished));
            } else {
                cache.forget(key);
            }
        });
        return outcomes;
    }

    private static Outcome withCacheNote(Outcome outcome, Instant checked, Instant now) {
        String note = " (cached, checked " + Durations.human(Duration.between(checked, now)) + " ago)";
        return outcome.withDetail(outcome.detail() + note);
    }
}
