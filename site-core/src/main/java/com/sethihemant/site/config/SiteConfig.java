package com.sethihemant.site.config;

import com.sethihemant.site.SiteException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The site's configuration, read once from {@code site.yml} and validated before anything is
 * baked. {@link #KEYS} lists every key with its default and what it does; that table is the
 * reference, and {@code site.yml} itself carries the same notes as comments.
 */
public record SiteConfig(
        String title,
        String tagline,
        String description,
        URI url,
        String language,
        ZoneId timezone,
        Author author,
        int postsPerPage,
        int feedSize,
        int latestPosts,
        List<NavLink> nav,
        List<Profile> profiles,
        List<String> seriesTags,
        String editUrl) {

    /** Every key of {@code site.yml}: its default ({@code null} when required) and its meaning. */
    public static final Map<String, Key> KEYS = keys(
            new Key("title", null, "the site's name, shown in the header and in every page title"),
            new Key("tagline", "", "one line under the name: who the site is by and what it is about"),
            new Key("description", null, "the default meta description, for pages that have none of their own"),
            new Key("url", null, "the public address, https and without a trailing slash; canonical URLs, feed and sitemap use it"),
            new Key("language", "en", "the BCP 47 language of the pages (the html lang attribute)"),
            new Key("timezone", "UTC", "the time zone that decides when a dated post is due, and the feed's timestamps"),
            new Key("author", null, "the author: name and email"),
            new Key("postsPerPage", "10", "posts on each page of /blog/"),
            new Key("feedSize", "20", "newest posts in /feed.xml"),
            new Key("latestPosts", "5", "newest posts listed on the home page"),
            new Key("nav", "[]", "the header's navigation: a list of title and url"),
            new Key("profiles", "[]", "the owner's profiles (Connect): a list of name, label and url"),
            new Key("seriesTags", "[]", "tags whose posts form a series, read oldest first, such as paper-notes"),
            new Key("editUrl", "", "start of 'edit this page' links, such as https://github.com/OWNER/REPO/edit/main/;"
                    + " the source's path in the project follows; empty hides the links"));

    public SiteConfig {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
        nav = List.copyOf(nav);
        profiles = List.copyOf(profiles);
        seriesTags = List.copyOf(seriesTags);
        editUrl = editUrl == null ? "" : editUrl;
    }

    /** This configuration with another {@code editUrl}, validated like the file's. */
    public SiteConfig withEditUrl(String url) {
        if (!url.isEmpty() && !(url.startsWith("https://") && url.endsWith("/"))) {
            throw SiteException.usage(null, "the edit URL must start with https:// and end with '/', was '" + url + "'");
        }
        return new SiteConfig(title, tagline, description, this.url, language, timezone, author, postsPerPage,
                feedSize, latestPosts, nav, profiles, seriesTags, url);
    }

    /** A documented configuration key. */
    public record Key(String name, String defaultValue, String description) {
    }

    public record Author(String name, String email) {
    }

    public record NavLink(String title, String url) {
    }

    /** A profile elsewhere, such as GitHub; {@code label} is what the link text shows. */
    public record Profile(String name, String label, String url) {
    }

    /** Reads and validates {@code site.yml}. */
    public static SiteConfig load(Path file) {
        YamlNode.Fields f = YamlNode.load(file).fields(KEYS.keySet());
        YamlNode.Fields author = f.required("author").fields(java.util.Set.of("name", "email"));
        SiteConfig config = new SiteConfig(
                nonBlank(f.required("title")),
                f.text("tagline", KEYS.get("tagline").defaultValue()),
                nonBlank(f.required("description")),
                siteUrl(f.required("url")),
                f.text("language", KEYS.get("language").defaultValue()),
                zone(f.optional("timezone").orElse(null)),
                new Author(nonBlank(author.required("name")), email(author.required("email"))),
                positive(f, "postsPerPage"),
                positive(f, "feedSize"),
                positive(f, "latestPosts"),
                f.list("nav", n -> {
                    YamlNode.Fields link = n.fields(java.util.Set.of("title", "url"));
                    return new NavLink(nonBlank(link.required("title")), sitePath(link.required("url")));
                }),
                f.list("profiles", n -> {
                    YamlNode.Fields p = n.fields(java.util.Set.of("name", "label", "url"));
                    return new Profile(nonBlank(p.required("name")), nonBlank(p.required("label")),
                            absoluteUrl(p.required("url")));
                }),
                f.list("seriesTags", YamlNode::text),
                "");
        YamlNode edit = f.optional("editUrl").orElse(null);
        if (edit != null && !edit.text().isBlank()) {
            String url = edit.text().strip();
            if (!url.startsWith("https://") || !url.endsWith("/")) {
                throw edit.error("must start with https:// and end with '/', such as https://github.com/OWNER/REPO/edit/main/");
            }
            config = config.withEditUrl(url);
        }
        return config;
    }

    /** The absolute URL of a site path such as {@code /blog/}. */
    public String absolute(String sitePath) {
        if (!sitePath.startsWith("/")) {
            throw new IllegalArgumentException("site paths start with '/': " + sitePath);
        }
        return url + sitePath;
    }

    /** The host name, used for tag URIs in the feed. */
    public String host() {
        return url.getHost();
    }

    private static String nonBlank(YamlNode node) {
        String text = node.text().strip();
        if (text.isEmpty()) {
            throw node.error("must not be empty");
        }
        return text;
    }

    private static int positive(YamlNode.Fields f, String key) {
        int value = f.integer(key, Integer.parseInt(KEYS.get(key).defaultValue()));
        if (value < 1) {
            throw f.required(key).error("must be at least 1");
        }
        return value;
    }

    private static ZoneId zone(YamlNode node) {
        if (node == null) {
            return ZoneId.of(KEYS.get("timezone").defaultValue());
        }
        try {
            return ZoneId.of(node.text());
        } catch (DateTimeException e) {
            throw node.error("must be a time zone such as UTC or Europe/Berlin, not '" + node.text() + "'");
        }
    }

    private static URI siteUrl(YamlNode node) {
        URI uri = parse(node);
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw node.error("must be an https:// address such as https://www.example.com");
        }
        if (!uri.getRawPath().isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw node.error("must be the bare address of the site, with no path and no trailing slash");
        }
        return uri;
    }

    private static String absoluteUrl(YamlNode node) {
        URI uri = parse(node);
        if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "mailto".equals(uri.getScheme()))) {
            throw node.error("must be an https: or mailto: address");
        }
        return uri.toString();
    }

    private static String sitePath(YamlNode node) {
        String path = node.text();
        if (!path.startsWith("/") || path.startsWith("//")) {
            throw node.error("must be a path on this site starting with '/', such as /blog/");
        }
        return path;
    }

    private static String email(YamlNode node) {
        String email = node.text().strip();
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw node.error("must be an email address");
        }
        return email;
    }

    private static URI parse(YamlNode node) {
        try {
            return new URI(node.text().strip());
        } catch (URISyntaxException e) {
            throw node.error("is not a valid address: " + e.getReason());
        }
    }

    private static Map<String, Key> keys(Key... keys) {
        Map<String, Key> map = new LinkedHashMap<>();
        for (Key key : keys) {
            map.put(key.name(), key);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
