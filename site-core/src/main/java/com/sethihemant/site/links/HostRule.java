package com.sethihemant.site.links;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The policy keys one source (built-in defaults or the policy file) sets for a host; a
 * {@code null} component is "not set here", so rules can be layered from general to specific.
 */
record HostRule(
        Integer concurrency,
        Duration interval,
        Boolean headFirst,
        Set<Integer> accept,
        Set<Integer> blocked,
        Map<String, String> blockedHeaders,
        List<String> loginPaths,
        Map<String, String> headers,
        Boolean skip,
        Boolean fragments) {

    static final HostRule EMPTY = new HostRule(null, null, null, null, null, null, null, null, null, null);

    /** This rule with every key that {@code over} sets replaced by that value. */
    HostRule overriddenBy(HostRule over) {
        return new HostRule(
                over.concurrency != null ? over.concurrency : concurrency,
                over.interval != null ? over.interval : interval,
                over.headFirst != null ? over.headFirst : headFirst,
                over.accept != null ? over.accept : accept,
                over.blocked != null ? over.blocked : blocked,
                over.blockedHeaders != null ? over.blockedHeaders : blockedHeaders,
                over.loginPaths != null ? over.loginPaths : loginPaths,
                over.headers != null ? over.headers : headers,
                over.skip != null ? over.skip : skip,
                over.fragments != null ? over.fragments : fragments);
    }

    /** The finished policy; only valid on a rule layered over the complete built-in defaults. */
    HostPolicy toPolicy(String name) {
        return new HostPolicy(name, concurrency, interval, headFirst, accept, blocked, blockedHeaders,
                loginPaths, headers, skip, fragments);
    }
}
