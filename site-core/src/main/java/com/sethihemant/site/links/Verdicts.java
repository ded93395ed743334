package com.sethihemant.site.links;

import java.util.List;

/**
 * The rules that turn what hosts answered into outcomes, shared by live checks and by the
 * cache, whose entries are judged again under the current policy before they are trusted.
 */
final class Verdicts {

    /** One request of a redirect chain and its status. */
    record Hop(String url, int status) {
    }

    private final LinkPolicy policy;

    Verdicts(LinkPolicy policy) {
        this.policy = policy;
    }

    /**
     * What to report without a request: the URL is excluded, its host is skipped, or (for a
     * redirect's target) it is the host's login page. {@code null} to go ahead and request it.
     */
    Outcome beforeRequest(Url url, boolean redirectTarget) {
        String pattern = policy.excludedBy(url.toString());
        if (pattern != null) {
            return Outcome.skipped("excluded by " + policy.source() + " (" + pattern + ")");
        }
        HostPolicy host = policy.forHost(url.host());
        if (host.skip()) {
            return Outcome.skipped("the host " + url.host() + " is skipped by " + policy.source());
        }
        if (redirectTarget && host.isLoginPage(url.path())) {
            return Outcome.blocked("redirects to a login page (" + url.withoutFragment()
                    + "); " + url.host() + " hides it from robots");
        }
        return null;
    }

    /** The outcome of a chain whose last hop answered with a working status. */
    static Outcome success(List<Hop> chain) {
        Hop last = chain.get(chain.size() - 1);
        int permanent = -1;
        for (int i = 0; i < chain.size() - 1; i++) {
            int status = chain.get(i).status();
            if (status == 301 || status == 308) {
                permanent = i;
            }
        }
        if (permanent >= 0) {
            String target = chain.get(permanent + 1).url();
            return Outcome.redirected(target, "moved permanently (" + chain.get(permanent).status()
                    + "); update the link to " + target);
        }
        String via = chain.size() == 1 ? "" : " after " + (chain.size() - 1) + " temporary redirect"
                + (chain.size() == 2 ? "" : "s");
        return Outcome.ok(StatusText.describe(last.status()) + via);
    }

    /**
     * Judges a cached chain again: it is trusted only if the current policy still finds every
     * hop acceptable and the end a success. {@code null} means "check it again".
     */
    Outcome rejudge(List<Hop> chain) {
        if (chain.isEmpty() || chain.size() > policy.settings().maxRedirects() + 1) {
            return null;
        }
        for (int i = 0; i < chain.size(); i++) {
            Hop hop = chain.get(i);
            Url url;
            try {
                url = Urls.absolute(hop.url());
            } catch (BadUrlException e) {
                return null;
            }
            if (beforeRequest(url, i > 0) != null) {
                return null;
            }
            boolean last = i == chain.size() - 1;
            if (!last && !isRedirect(hop.status())) {
                return null;
            }
            if (last && !policy.forHost(url.host()).accepts(hop.status())) {
                return null;
            }
        }
        return success(chain);
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }
}
