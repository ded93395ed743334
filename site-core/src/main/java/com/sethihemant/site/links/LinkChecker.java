package com.sethihemant.site.links;

import com.sethihemant.site.ExitCodes;
import com.sethihemant.site.Problem;
import com.sethihemant.site.SiteException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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

        List<Pending> pending = new ArrayList<>();
        List<LinkResult> results = new ArrayList<>();
        for (PageScan scan : scans) {
            results.addAll(scan.findings());
            for (PageScan.RawLink raw : scan.links()) {
                pending.add(classify(scan.path(), raw, internal, runPolicy, siteBase));
            }
        }

        Map<String, Outcome> external = new LinkedHashMap<>();
        List<Url> externalUrls = new ArrayList<>();
        for (Pending p : pending) {
            if (p.outcome() == null && !p.internal()) {
                externalUrls.add(p.url());
            }
        }
        int distinctExternal = (int) externalUrls.stream().map(Url::withoutFragment).distinct().count();
        if (options.external() && !externalUrls.isEmpty()) {
            external.putAll(checkExternal(externalUrls, options, runPolicy, siteBase, started, progress, notices));
        }

        for (Pending p : pending) {
            Outcome outcome = p.outcome();
            if (outcome == null && p.internal()) {
                outcome = internal.check(p.url());
            } else if (outcome == null) {
                outcome = options.external() ? external.get(p.url().withoutFragment())
                        : Outcome.skipped("external links are checked with --external");
            }
            results.add(new LinkResult(p.link(), outcome));
        }
        results.sort(Comparator.comparing((LinkResult r) -> r.link().page()).thenComparingInt(r -> r.link().line()));
        return new LinkReport(results, files.pages().size(), options.external() ? distinctExternal : 0,
                Duration.between(started, clock.instant()), notices);
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
            throw new SiteException(List.of(Problem.at(null, "the base URL '" + baseUrl + "' " + e.getMessage()
                    + "; give the site's address, such as https://www.example.com")), ExitCodes.USAGE);
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
            throw new SiteException(List.of(Problem.at(files.file(page), "cannot be read: " + e.getMessage())),
                    ExitCodes.IO, e);
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
            throw new SiteException(List.of(Problem.at(files.file(path), "cannot be read: " + e.getMessage())),
                    ExitCodes.IO, e);
        }
    }

    /** Decides what can be decided without a request, and resolves the rest. */
    private static Pending classify(String page, PageScan.RawLink raw, InternalLinks internal, LinkPolicy policy,
                                    Url siteBase) {
        Urls.Cleaned cleaned = Urls.clean(raw.raw());
        List<String> notes = new ArrayList<>();
        if (cleaned.trimmed()) {
            notes.add("white space or invisible characters around the URL were ignored; remove them from the page");
        }
        String value = cleaned.value();
        String scheme = Urls.scheme(value);
        if (value.isEmpty()) {
            boolean selfLink = raw.context().endsWith(" href");
            Link link = link(page, raw, selfLink ? raw.base().withoutFragment() : null, notes);
            return new Pending(link, null, false, selfLink ? Outcome.ok("an empty href links to the page itself")
                    : Outcome.invalid("the URL is empty"));
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
                yield problem == null ? Outcome.ok("a well-formed mailto: link (not sent)") : Outcome.invalid(problem);
            }
            case "tel" -> {
                String problem = ContactLinks.telProblem(value);
                yield problem == null ? Outcome.ok("a well-formed tel: link") : Outcome.invalid(problem);
            }
            default -> Outcome.skipped("the scheme '" + scheme + ":' is not checked");
        };
    }

    private Map<String, Outcome> checkExternal(List<Url> urls, LinkCheckOptions options, LinkPolicy runPolicy,
                                               Url siteBase, Instant started, Progress progress, List<String> notices) {
        Settings settings = runPolicy.settings();
        Instant now = clock.instant();
        LinkCache cache = options.cache() == null ? LinkCache.empty() : LinkCache.load(options.cache(), notices);
        Verdicts verdicts = new Verdicts(runPolicy);
        Map<String, Outcome> outcomes = new HashMap<>();
        List<Url> toCheck = new ArrayList<>();
        for (Url url : urls) {
            String key = url.withoutFragment();
            if (outcomes.containsKey(key)) {
                continue;
            }
            LinkCache.Entry entry = cache.fresh(key, now, settings.cacheMaxAge());
            Outcome cached = entry == null || verdicts.beforeRequest(url, false) != null
                    ? null : verdicts.rejudge(entry.chain());
            if (cached != null) {
                outcomes.put(key, withCacheNote(cached, entry.checked(), now));
            } else {
                outcomes.put(key, null);
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
            throw new SiteException(List.of(Problem.at(null, "the link check was interrupted")), ExitCodes.IO, e);
        }
        Instant finished = clock.instant();
        checked.forEach((key, result) -> {
            outcomes.put(key, result.outcome());
            if (result.chain().isEmpty()) {
                cache.forget(key);
            } else {
                cache.remember(key, finished, result.chain());
            }
        });
        if (options.cache() != null) {
            cache.save(options.cache(), finished, settings.cacheMaxAge());
        }
        return outcomes;
    }

    private static Outcome withCacheNote(Outcome outcome, Instant checked, Instant now) {
        String note = " (cached, checked " + Durations.human(Duration.between(checked, now)) + " ago)";
        return outcome.withDetail(outcome.detail() + note);
    }
}
