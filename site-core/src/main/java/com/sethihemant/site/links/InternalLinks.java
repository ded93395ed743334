package com.sethihemant.site.links;

import java.util.Map;
import java.util.Set;

/**
 * Checks links to the site itself against the baked files, the way a static host serves them:
 * {@code /x/} is {@code x/index.html}, the path is percent-decoded exactly once, and a fragment
 * must name an {@code id} or {@code a[name]} in the target page.
 */
final class InternalLinks {

    private final SiteFiles files;
    private final Url siteBase;
    private final Map<String, Set<String>> anchors;

    /**
     * @param siteBase the site's public address; its path is the folder's root
     * @param anchors each page's anchors, by path relative to the folder
     */
    InternalLinks(SiteFiles files, Url siteBase, Map<String, Set<String>> anchors) {
        this.files = files;
        this.siteBase = siteBase;
        this.anchors = anchors;
    }

    /** Whether a URL belongs to the site (http or https, same host and port, under the base path). */
    boolean isInternal(Url url) {
        return url.sameSiteAs(siteBase) && url.path().startsWith(basePath());
    }

    private String basePath() {
        String path = siteBase.path();
        return path.endsWith("/") ? path : path + "/";
    }

    /** The URL of a file of the site, such as {@code https://host/blog/x/index.html}. */
    Url urlOf(String relativePath) throws BadUrlException {
        // A '%' in a file name is a literal percent sign, never the start of an escape.
        String encoded = Urls.encode(relativePath.replace("%", "%25"), "-._~!$&'()*+,;=:@/");
        return Urls.resolve(siteBase.withPath(basePath()), encoded);
    }

    Outcome check(Url url) {
        String encoded = url.path().substring(basePath().length());
        String path = decode(encoded);
        if (path == null) {
            return Outcome.broken("the path cannot be decoded as UTF-8 (or encodes a '/'): " + url.path());
        }
        String target;
        Outcome found;
        if (path.isEmpty() || path.endsWith("/")) {
            target = path + "index.html";
            if (!files.exists(target)) {
                return Outcome.broken("not found: the site has no " + target);
            }
            found = Outcome.ok("file " + target);
        } else if (files.exists(path)) {
            target = path;
            found = Outcome.ok("file " + target);
        } else if (files.exists(path + "/index.html")) {
            target = path + "/index.html";
            String withSlash = url.withPath(url.path() + "/").toString();
            found = Outcome.redirected(withSlash, "a folder: the host redirects to its address with a trailing slash");
        } else if (files.exists(path + ".html")) {
            target = path + ".html";
            found = Outcome.ok("file " + target);
        } else {
            String name = path.substring(path.lastIndexOf('/') + 1);
            return Outcome.broken("not found: the site has no " + path
                    + (name.contains(".") ? "" : " (nor " + path + "/index.html)"));
        }
        String fragment = url.fragment();
        if (fragment == null || !SiteFiles.isHtml(target)) {
            return found;
        }
        if (Fragments.found(fragment, anchors.getOrDefault(target, Set.of()))) {
            return found;
        }
        if (Fragments.isScriptState(fragment)) {
            // A placeholder (#!) or a route or parameters a script reads, as on an external page.
            return found.kind() == Outcome.Kind.OK
                    ? Outcome.ok(found.detail() + "; #" + fragment + " is a script's state, not an element, so it is not looked up")
                    : found;
        }
        return Outcome.broken("the page " + target + " has no element with id \"" + fragment + "\"");
    }

    /** Decodes each segment once; a decoded segment holding '/' or NUL cannot be a file name. */
    private static String decode(String encodedPath) {
        StringBuilder out = new StringBuilder(encodedPath.length());
        String[] segments = encodedPath.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = Urls.percentDecode(segments[i]);
            if (segment == null || segment.indexOf('/') >= 0 || segment.indexOf('\0') >= 0) {
                return null;
            }
            if (i > 0) {
                out.append('/');
            }
            out.append(segment);
        }
        return out.toString();
    }
}
