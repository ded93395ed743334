package com.sethihemant.site.bake;

import com.sethihemant.site.config.SiteConfig;
import com.sethihemant.site.content.Document;
import com.sethihemant.site.content.Routes;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON Feed (version 1.1, jsonfeed.org) beside the Atom feed: the same posts, the same ids
 * and dates, and the full content. JSON Feed has no {@code xml:base}, so links and images in the
 * content are made absolute. Like {@link AtomFeed}, it is a pure function of the posts.
 */
final class JsonFeed {

    static final String VERSION = "https://jsonfeed.org/version/1.1";

    private JsonFeed() {
    }

    /**
     * @param newestFirst the published posts, newest first; the first {@code feedSize} are written
     * @param image       the address of a post's social card, or {@code null} when it has none
     */
    static byte[] write(SiteConfig site, List<Document> newestFirst, Function<Document, String> image) {
        List<Document> posts = newestFirst.subList(0, Math.min(site.feedSize(), newestFirst.size()));
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("version", VERSION);
        feed.put("title", site.title());
        feed.put("home_page_url", site.absolute("/"));
        feed.put("feed_url", site.absolute(Routes.JSON_FEED));
        feed.put("description", site.tagline().isBlank() ? site.description() : site.tagline());
        feed.put("icon", site.absolute("/apple-touch-icon.png"));
        feed.put("favicon", site.absolute("/favicon.png"));
        feed.put("language", site.language());
        feed.put("authors", List.of(author(site)));
        List<Object> items = new ArrayList<>();
        for (Document post : posts) {
            Map<String, Object> item = new LinkedHashMap<>();
            // The Atom entry's id, so a reader that follows both sees one post.
            item.put("id", AtomFeed.entryId(site, post));
            item.put("url", site.absolute(post.url()));
            item.put("title", post.title());
            item.put("content_html", absoluteLinks(post.bodyHtml(), site.absolute(post.url())));
            item.put("summary", post.description());
            String card = image == null ? null : image.apply(post);
            item.put("image", card == null ? null : site.absolute(card));
            item.put("date_published", timestamp(post.date()));
            item.put("date_modified", timestamp(post.lastModified()));
            item.put("authors", List.of(author(site)));
            item.put("tags", post.tags().isEmpty() ? null : post.tags());
            item.put("language", site.language());
            items.add(item);
        }
        feed.put("items", items);
        return Json.pretty(feed).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> author(SiteConfig site) {
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("name", site.author().name());
        author.put("url", site.absolute("/"));
        return author;
    }

    /**
     * The body with every link and image address resolved against the post's own URL (fragments
     * too: in a reader, {@code #section} would point into the reader's page).
     */
    static String absoluteLinks(String html, String base) {
        org.jsoup.nodes.Document body = Jsoup.parseBodyFragment(html, base);
        body.outputSettings().prettyPrint(false);
        for (Element element : body.select("[href], [src]")) {
            for (String attribute : List.of("href", "src")) {
                if (element.hasAttr(attribute)) {
                    String absolute = element.absUrl(attribute);
                    if (!absolute.isEmpty()) {
                        element.attr(attribute, absolute);
                    }
                }
            }
        }
        return body.body().html();
    }

    static String timestamp(LocalDate date) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(date.atStartOfDay().atOffset(ZoneOffset.UTC));
    }
}
