package com.sethihemant.site.links;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What to check and how, for one run.
 *
 * @param site the folder of the baked site
 * @param baseUrl the site's public address, such as {@code https://www.sethihemant.com}; links to
 *     it are checked against the folder. {@code null} when the site has no address yet
 * @param external whether to request external links over HTTP (off: they are reported as skipped)
 * @param cache the cache file for external successes, or {@code null} for none
 * @param deadline overrides the policy's {@code check.deadline}, or {@code null}
 * @param cacheMaxAge overrides the policy's {@code check.cacheMaxAge}, or {@code null}
 */
public record LinkCheckOptions(Path site, String baseUrl, boolean external, Path cache, Duration deadline,
                               Duration cacheMaxAge) {

    public LinkCheckOptions {
        Objects.requireNonNull(site, "site");
    }

    /** An offline check of a folder: internal links only, no cache. */
    public static LinkCheckOptions internalOnly(Path site, String baseUrl) {
        return new LinkCheckOptions(site, baseUrl, false, null, null, null);
    }
}
