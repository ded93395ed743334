package com.sethihemant.site.links;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static com.sethihemant.site.links.Fixtures.url;

/** Runs the external check against the loopback server on fake time, for the HTTP tests. */
final class Checks {

    private final Loopback loopback;
    private int pageLimit = HttpFetcher.PAGE_LIMIT;

    Checks(Loopback loopback) {
        this.loopback = loopback;
    }

    /** Quick settings: two retries, 1 s back-off, a 5 s deadline per request, no pause between requests. */
    static LinkPolicy policy() {
        Settings settings = new Settings(8, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMinutes(10), 2,
                Duration.ofSeconds(1), Duration.ofSeconds(60), 5, Duration.ofDays(1), "test-agent (+https://www.sethihemant.com/)");
        return LinkPolicy.defaults().with(settings)
                .withDefaults(new HostRule(2, Duration.ZERO, null, null, null, null, null, null, null, null));
    }

    /** Reads at most this much of a page for its fragments. */
    Checks pageLimit(int bytes) {
        pageLimit = bytes;
        return this;
    }

    /** Checks paths of the loopback server (or whole URLs), with their fragments, on the fake clock. */
    Map<String, ExternalCheck.Checked> run(LinkPolicy policy, String... pathsOrUrls) throws InterruptedException {
        Settings s = policy.settings();
        HttpFetcher fetcher = new HttpFetcher(s.connectTimeout(), s.requestTimeout(), s.userAgent(), pageLimit);
        List<Url> urls = new ArrayList<>();
        for (String path : pathsOrUrls) {
            urls.add(url(path.startsWith("http") ? path : loopback.server().url(path)));
        }
        FakeTime time = loopback.time();
        return new ExternalCheck(policy, fetcher, time, time, new SplittableRandom(7))
                .run(urls, time.instant().plus(s.deadline()), Progress.NONE);
    }

    /** The result for one path of the loopback server. */
    ExternalCheck.Checked one(LinkPolicy policy, String path) throws InterruptedException {
        return run(policy, path).get(url(path.startsWith("http") ? path : loopback.server().url(path)).withoutFragment());
    }
}
