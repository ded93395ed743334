package com.sethihemant.site.links;

import java.time.Duration;

/**
 * Settings for a whole run (the {@code check} section of the policy file); each key is described
 * with its default in {@link LinkPolicy#CHECK_KEYS}, from which {@link LinkPolicy#DEFAULT_SETTINGS}
 * is read.
 *
 * @param userAgent {@code null} to use one that names the site being checked
 */
record Settings(
        int concurrency,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration deadline,
        int retries,
        Duration backoff,
        Duration maxRetryAfter,
        int maxRedirects,
        Duration cacheMaxAge,
        String userAgent) {

    Settings withDeadline(Duration newDeadline) {
        return new Settings(concurrency, connectTimeout, requestTimeout, newDeadline, retries, backoff,
                maxRetryAfter, maxRedirects, cacheMaxAge, userAgent);
    }

    Settings withRequestTimeout(Duration newTimeout) {
        return new Settings(concurrency, connectTimeout, newTimeout, deadline, retries, backoff,
                maxRetryAfter, maxRedirects, cacheMaxAge, userAgent);
    }

    Settings withRetries(int newRetries) {
        return new Settings(concurrency, connectTimeout, requestTimeout, deadline, newRetries, backoff,
                maxRetryAfter, maxRedirects, cacheMaxAge, userAgent);
    }

    Settings withCacheMaxAge(Duration newMaxAge) {
        return new Settings(concurrency, connectTimeout, requestTimeout, deadline, retries, backoff,
                maxRetryAfter, maxRedirects, newMaxAge, userAgent);
    }
}
