package com.sethihemant.site.links;

/**
 * An absolute http or https URL after normalisation: lower-case ASCII host (internationalised
 * names in punycode), no default port, a path that always starts with {@code /}, the path and
 * query percent-encoded. The fragment is kept exactly as the page wrote it, because fragments
 * are matched against ids in their raw form first.
 *
 * @param port {@code -1} for the scheme's default port
 * @param query {@code null} when there is no {@code ?}
 * @param fragment {@code null} when there is no {@code #}
 */
record Url(String scheme, String host, int port, String path, String query, String fragment) {

    /** {@code scheme://host[:port]}. */
    String origin() {
        return scheme + "://" + host + (port < 0 ? "" : ":" + port);
    }

    /** The address a request goes to: everything but the fragment. */
    String withoutFragment() {
        return origin() + path + (query == null ? "" : "?" + query);
    }

    /** The host and the port actually used; requests are throttled per this key. */
    String hostKey() {
        return host + ":" + effectivePort();
    }

    int effectivePort() {
        if (port >= 0) {
            return port;
        }
        return scheme.equals("https") ? 443 : 80;
    }

    Url withPath(String newPath) {
        return new Url(scheme, host, port, newPath, query, fragment);
    }

    /** Whether both name the same origin, ignoring the difference between http and https. */
    boolean sameSiteAs(Url other) {
        return host.equals(other.host) && portIgnoringScheme() == other.portIgnoringScheme();
    }

    private int portIgnoringScheme() {
        return port < 0 ? -1 : port;
    }

    @Override
    public String toString() {
        return withoutFragment() + (fragment == null ? "" : "#" + fragment);
    }
}
