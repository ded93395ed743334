package com.sethihemant.site.links;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How to treat one host, with every key decided.
 *
 * @param name the most specific rule that matched, such as {@code linkedin.com} or {@code defaults}
 * @param concurrency requests in flight to the host at once
 * @param interval the least time between the starts of two requests to the host
 * @param headFirst whether to try HEAD before GET
 * @param accept status codes that count as working besides 2xx
 * @param blocked status codes that mean the host refuses robots (a warning, not a failure)
 * @param blockedHeaders response headers (lower-case name to a value it must contain; empty for
 *     any value) that mark a bot challenge
 * @param loginPaths path prefixes of the host's login pages: a redirect there is a login wall
 * @param headers request headers to send to the host
 * @param skip whether links to the host are not checked at all
 * @param fragments whether the fragments of links to the host are looked up in its pages
 */
record HostPolicy(
        String name,
        int concurrency,
        Duration interval,
        boolean headFirst,
        Set<Integer> accept,
        Set<Integer> blocked,
        Map<String, String> blockedHeaders,
        List<String> loginPaths,
        Map<String, String> headers,
        boolean skip,
        boolean fragments) {

    HostPolicy {
        accept = Set.copyOf(accept);
        blocked = Set.copyOf(blocked);
        blockedHeaders = Map.copyOf(blockedHeaders);
        loginPaths = List.copyOf(loginPaths);
        headers = Map.copyOf(headers);
    }

    boolean accepts(int status) {
        return (status >= 200 && status < 300) || accept.contains(status);
    }

    boolean isLoginPage(String path) {
        for (String prefix : loginPaths) {
            if (path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")
                    || path.startsWith(prefix + "?") || path.startsWith(prefix + "#")) {
                return true;
            }
        }
        return false;
    }

    /** The header that marks a bot challenge in these response headers, or {@code null}. */
    String challengeHeader(HttpHeaders responseHeaders) {
        for (Map.Entry<String, String> rule : blockedHeaders.entrySet()) {
            for (String value : responseHeaders.allValues(rule.getKey())) {
                if (rule.getValue().isEmpty()
                        || value.toLowerCase(Locale.ROOT).contains(rule.getValue().toLowerCase(Locale.ROOT))) {
                    return rule.getKey() + ": " + value;
                }
            }
        }
        return null;
    }
}
