package com.sethihemant.site.config;

import com.sethihemant.site.SiteException;

import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The site's configuration, read once from {@code site.yml} and validated before anything is
 * baked. {@link #KEYS} lists every key with its default and what it does; that table is the
 * reference, its defaults are the ones used, and {@code site.yml} itself carries the same notes
 * as comments.
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
        String notesTag,
        Map<String, DataSchema> dataFiles,
        String editUrl) {

    /** Every key of {@code site.yml}: its default ({@code null} when required) and its meaning. */
    public static final Map<String, Key> KEYS = Key.table(
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
            new Key("notesTag", "", "the tag of notes on papers: ./site new-note adds it, Writing & Speaking lists"
                    + " its posts as paper notes; empty for none"),
            new Key("dataFiles", "{}", "the lists in data/ the theme renders, each a mapping of its entries' fields to"
                    + " a type (text, date, url, path), optionally 'required'; other data files are given as they are"),
            new Key("editUrl", "", "start of 'edit this page' links, such as https://github.com/OWNER/REPO/edit/main/;"
                    + " the source's path in the project follows; empty hides the links"));

    private static final Map<String, Key> AUTHOR_KEYS = Key.table(
            new Key("name", null, "the author's name"),
            new Key("email", null, "the author's email address"));
    private static final Map<String, Key> NAV_KEYS = Key.table(
            new Key("title", null, "the link's text"),
            new Key("url", null, "a path on this site, such as /blog/"));
    private static final Map<String, Key> PROFILE_KEYS = Key.table(
            new Key("name", null, "the service, such as GitHub"),
            new Key("label", null, "what the link shows, such as github.com/name"),
            new Key("url", null, "an https: or mailto: address"));

    public SiteConfig {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
        nav = List.copyOf(nav);
        profiles = List.copyOf(profiles);
        seriesTags = List.copyOf(seriesTags);
        notesTag = notesTag == null ? "" : notesTag;
        dataFiles = Collections.unmodifiableMap(new LinkedHashMap<>(dataFiles));
        editUrl = editUrl == null ? "" : editUrl;
    }

    /**
     * This configuration with another {@code editUrl}, checked as the file's is.
     *
     * @throws SiteException with exit code 2 when the address is not one
     */
    public SiteConfig withEditUrl(String editUrl) {
        String problem = editUrlProblem(editUrl);
        if (problem != null) {
            throw SiteException.usage(null, "the edit URL '" + editUrl + "' " + problem);
        }
        return new SiteConfig(title, tagline, description, url, language, timezone, author, postsPerPage,
                feedSize, latestPosts, nav, profiles, seriesTags, notesTag, dataFiles, editUrl);
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
        YamlNode.Fields author = value(f, "author").fields(AUTHOR_KEYS.keySet());
        YamlNode edit = value(f, "editUrl");
        String editUrl = edit.text().strip();
        String problem = editUrlProblem(editUrl);
        if (problem != null) {
            throw edit.error(problem);
        }
        Map<String, DataSchema> dataFiles = new LinkedHashMap<>();
        value(f, "dataFiles").entries().forEach((name, schema) -> dataFiles.put(name, DataSchema.read(name, schema)));
        return new SiteConfig(
                value(f, "title").nonBlank(),
                value(f, "tagline").text().strip(),
                value(f, "description").nonBlank(),
                siteUrl(value(f, "url")),
                value(f, "language").nonBlank(),
                zone(value(f, "timezone")),
                new Author(author.value(AUTHOR_KEYS.get("name")).nonBlank(), email(author.value(AUTHOR_KEYS.get("email")))),
                value(f, "postsPerPage").positive(),
                value(f, "feedSize").positive(),
                value(f, "latestPosts").positive(),
                value(f, "nav").items().stream().map(n -> {
                    YamlNode.Fields link = n.fields(NAV_KEYS.keySet());
                    return new NavLink(link.value(NAV_KEYS.get("title")).nonBlank(),
                            link.value(NAV_KEYS.get("url")).sitePath());
                }).toList(),
                value(f, "profiles").items().stream().map(n -> {
                    YamlNode.Fields p = n.fields(PROFILE_KEYS.keySet());
                    return new Profile(p.value(PROFILE_KEYS.get("name")).nonBlank(),
                            p.value(PROFILE_KEYS.get("label")).nonBlank(),
                            p.value(PROFILE_KEYS.get("url")).url(Set.of("https", "mailto")).toString());
                }).toList(),
                value(f, "seriesTags").items().stream().map(YamlNode::nonBlank).toList(),
                value(f, "notesTag").text().strip(),
                dataFiles,
                editUrl);
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

    private static YamlNode value(YamlNode.Fields fields, String key) {
        return fields.value(KEYS.get(key));
    }

    /** What is wrong with an "edit this page" address, or {@code null}; empty means no links. */
    private static String editUrlProblem(String editUrl) {
        if (editUrl.isEmpty() || editUrl.startsWith("https://") && editUrl.endsWith("/")) {
            return null;
        }
        return "must start with https:// and end with '/', such as https://github.com/OWNER/REPO/edit/main/";
    }

    private static ZoneId zone(YamlNode node) {
        try {
            return ZoneId.of(node.nonBlank());
        } catch (DateTimeException e) {
            throw node.error("must be a time zone such as UTC or Europe/Berlin, not '" + node.text() + "'");
        }
    }

    private static URI siteUrl(YamlNode node) {
        URI uri = node.url(Set.of("https"));
        if (!uri.getRawPath().isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw node.error("must be the bare address of the site, with no path and no trailing slash");
        }
        return uri;
    }

    private static String email(YamlNode node) {
        String email = node.nonBlank();
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw node.error("must be an email address");
        }
        return email;
    }
}
