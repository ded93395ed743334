package com.sethihemant.site.links;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules that turn what hosts answered into outcomes, shared by live checks and by the
 * cache, whose entries are judged again under the current policy before they are trusted.
 */
final class Verdicts {

    /** One request of a redirect chain and its status. */
    record Hop(String url, int status) {
    }

    private static final Set<String> LOGIN_SEGMENTS = Set.of("login", "log-in", "logon", "signin", "sign-in", "sign_in",
            "authwall", "servicelogin");
    private static final Set<String> LOGIN_HOSTS = Set.of("login", "signin", "sso");

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
        if (redirectTarget && isLoginPage(url)) {
            return Outcome.blocked("redirects to a login page (" + url.withoutFragment()
                    + "); " + url.host() + " hides it from robots");
        }
        return null;
    }

    /** Whether a URL is a login page, by its host's rule or by its name. */
    boolean isLoginPage(Url url) {
        return policy.forHost(url.host()).isLoginPage(url.path()) || looksLikeLogin(url);
    }

    /**
     * Whether a redirect target is a sign-in page by its name, on hosts no rule describes: a
     * path segment such as {@code login}, {@code signin} or {@code ServiceLogin} (with or
     * without an extension, as in {@code login.php}), or a host named {@code login.} or {@code sso.}.
     */
    static boolean looksLikeLogin(Url url) {
        String firstLabel = url.host().substring(0, Math.max(0, url.host().indexOf('.')));
        if (LOGIN_HOSTS.contains(firstLabel)) {
            return true;
        }
        for (String segment : url.path().toLowerCase(Locale.ROOT).split("/")) {
            int dot = segment.indexOf('.');
            if (LOGIN_SEGMENTS.contains(dot > 0 ? segment.substring(0, dot) : segment)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The outcome of a chain whose last hop answered with a working status. A chain that takes
     * a deep link to the site's home page or to an error page is a "soft 404": the host says
     * the page is gone without saying 404.
     */
    static Outcome success(List<Hop> chain) {
        Hop last = chain.get(chain.size() - 1);
        String softNotFound = chain.size() > 1 ? softNotFound(chain.get(0).url(), last.url()) : null;
        if (softNotFound != null) {
            return Outcome.broken(softNotFound);
        }
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
        boolean startsAtLogin = false;
        for (int i = 0; i < chain.size(); i++) {
            Hop hop = chain.get(i);
            Url url;
            try {
                url = Urls.absolute(hop.url());
            } catch (BadUrlException e) {
                return null;
            }
            if (i == 0) {
                startsAtLogin = isLoginPage(url);
            }
            if (beforeRequest(url, i > 0 && !startsAtLogin) != null) {
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
        Outcome outcome = success(chain);
        return outcome.severity() == Outcome.Severity.ERROR ? null : outcome;
    }

    private static final Set<String> NOT_FOUND_SEGMENTS = Set.of("404", "404.html", "404.htm", "not-found",
            "notfound", "not_found", "page-not-found", "pagenotfound", "error-404", "404-error");
    /** File names that stand for their folder: {@code /home.html} moving to {@code /} is the home page moving. */
    private static final Set<String> FOLDER_PAGES = Set.of("index", "home", "default", "welcome");

    /** Why a redirect from {@code from} to {@code to} means the page is gone, or {@code null}. */
    private static String softNotFound(String from, String to) {
        Url source;
        Url target;
        try {
            source = Urls.absolute(from);
            target = Urls.absolute(to);
        } catch (BadUrlException e) {
            return null;
        }
        // A link to a page about 404 that moves keeps the segment and its parent (MDN's
        // /Status/404 moving to /Reference/Status/404, http:// to https://); a page that is gone
        // lands on one that has another parent (/item/404 on /404).
        String linked = "/" + source.path().toLowerCase(Locale.ROOT) + "/";
        String[] segments = target.path().toLowerCase(Locale.ROOT).split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            if (NOT_FOUND_SEGMENTS.contains(segments[i])
                    && !linked.contains("/" + segments[i - 1] + "/" + segments[i] + "/")) {
                return "redirects to an error page (" + to + "): the page is gone (a soft 404)";
            }
        }
        if (!target.path().equals("/") || target.query() != null || !target.host().equals(source.host())) {
            return null;
        }
        // A deep link (two folders, or a file) that lands on the home page has lost its page;
        // /home, /en, /index.php or /home.html moving to / has not.
        String[] path = source.path().substring(1).split("/", -1);
        String name = path[path.length - 1];
        int dot = name.lastIndexOf('.');
        boolean folderPage = dot > 0 && FOLDER_PAGES.contains(name.substring(0, dot).toLowerCase(Locale.ROOT));
        boolean file = name.contains(".") && !folderPage;
        int folders = path.length - 1;
        boolean deep = folders >= 2 || (folders == 1 && !name.isEmpty() && !folderPage);
        return deep || file ? "redirects to the home page (" + to + "): the page is gone (a soft 404)" : null;
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }
}
