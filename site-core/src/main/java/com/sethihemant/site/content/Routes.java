package com.sethihemant.site.content;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Every URL of the site, decided here and nowhere else. Posts live at {@code /blog/YYYY/slug/}
 * whatever folder holds them (the year comes from the date); every other source follows its path
 * under the content folder, with directory-style URLs ({@code about.adoc} becomes
 * {@code /about/}), except {@code index.adoc} (its folder's URL) and {@code 404.adoc}
 * ({@code /404.html}, where static hosts look for it). The pages the bake generates have the
 * addresses below; templates link to them through this class too.
 */
public final class Routes {

    public static final String POST = "post";

    /** The first page of the blog index; later pages are {@link #blogPage(int)}. */
    public static final String BLOG = "/blog/";
    /** Every tag, with its count; each tag has {@link #tag(String)}. */
    public static final String TAGS = "/tags/";
    /** Every post by year. */
    public static final String ARCHIVE = "/archive/";
    /** The Atom feed. */
    public static final String FEED = "/feed.xml";
    /** The sitemap (sitemaps.org). */
    public static final String SITEMAP = "/sitemap.xml";
    /** Where crawlers look for their rules. */
    public static final String ROBOTS = "/robots.txt";
    /** The JSON Feed (version 1.1), with the same entries as {@link #FEED}. */
    public static final String JSON_FEED = "/feed.json";
    /** The site's pages and posts, one line each, for language models (llmstxt.org). */
    public static final String LLMS = "/llms.txt";
    /** The search page; the search in the header opens the same search in place. */
    public static final String SEARCH = "/search/";
    /** The search index the search script reads. */
    public static final String SEARCH_INDEX = "/search/index.json";
    /**
     * The web search engine the search page offers visitors without JavaScript, restricted to
     * this site: the one address off the site that a form may send to.
     */
    public static final String WEB_SEARCH = "https://duckduckgo.com/";
    /** Where the social cards of posts are; each post has {@link #card(String)}. */
    public static final String CARDS = "/cards/";
    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Routes() {
    }

    /**
     * @param type         the document type
     * @param relativePath the source path under its content folder, with '/' separators
     * @param date         the document date (required for posts)
     */
    public static String urlFor(String type, String relativePath, LocalDate date) {
        String withoutExtension = relativePath.substring(0, relativePath.lastIndexOf('.'));
        String name = withoutExtension.substring(withoutExtension.lastIndexOf('/') + 1);
        String folder = withoutExtension.substring(0, withoutExtension.length() - name.length());
        if (POST.equals(type)) {
            // A post is a file (slug.adoc) or a folder with its images beside it (slug/index.adoc).
            String slug = name.equals("index") && !folder.isEmpty()
                    ? folder.substring(folder.lastIndexOf('/', folder.length() - 2) + 1, folder.length() - 1)
                    : name;
            return "/blog/" + date.getYear() + "/" + slug + "/";
        }
        return switch (name) {
            case "index" -> "/" + folder;
            case "404" -> "/" + folder + "404.html";
            default -> "/" + withoutExtension + "/";
        };
    }

    /** Page {@code n} (1-based) of the blog index. */
    public static String blogPage(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("blog pages are numbered from 1, not " + n);
        }
        return n == 1 ? BLOG : BLOG + "page/" + n + "/";
    }

    /** The page listing the posts with {@code tag}, a tag as {@link #isSlug} accepts it. */
    public static String tag(String tag) {
        return TAGS + tag + "/";
    }

    /**
     * The social card (a PNG of its title) of the post at {@code postUrl}: {@code /blog/2026/slug/}
     * has {@code /cards/2026/slug.png}.
     */
    public static String card(String postUrl) {
        if (!postUrl.startsWith(BLOG) || !postUrl.endsWith("/") || postUrl.length() <= BLOG.length()) {
            throw new IllegalArgumentException("not the URL of a post: " + postUrl);
        }
        return CARDS + postUrl.substring(BLOG.length(), postUrl.length() - 1) + ".png";
    }

    /**
     * Whether the bake generates {@code url} itself (blog index pages, tag pages, the archive, the
     * feeds, the sitemap, robots.txt, llms.txt, the search page and its index, the social cards),
     * so that no source may be published there.
     */
    public static boolean isGenerated(String url) {
        return url.equals(BLOG) || url.startsWith(BLOG + "page/") || url.startsWith(TAGS)
                || url.equals(ARCHIVE) || url.equals(FEED) || url.equals(SITEMAP) || url.equals(ROBOTS)
                || url.equals(JSON_FEED) || url.equals(LLMS) || url.startsWith(SEARCH) || url.startsWith(CARDS);
    }

    /** The file a URL is written to, relative to the output folder. */
    public static String outputPath(String url) {
        String path = url.substring(1);
        return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
    }

    /** A clean slug made from a title, such as {@code notes-on-dynamo} for "Notes on Dynamo". */
    public static String slugify(String title) {
        return Slugs.suggest(title);
    }

    /** Whether a file name (without extension) can be used as-is in a URL. */
    public static boolean isSlug(String name) {
        return SLUG.matcher(name).matches();
    }
}
