package com.sethihemant.site.bake;

import com.sethihemant.site.config.SiteConfig;
import com.sethihemant.site.content.Document;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

/**
 * The Atom feed (RFC 4287) of the newest posts, with full content. Every timestamp comes from the
 * posts themselves, never from the clock, so two bakes of the same sources give the same bytes.
 * Entry ids are tag URIs (RFC 4151) minted from the host, the publication date and the path, so
 * they stay the same when the feed is regenerated.
 */
final class AtomFeed {

    static final String PATH = "/feed.xml";
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomFeed() {
    }

    static byte[] write(SiteConfig site, List<Document> newestFirst) {
        List<Document> posts = newestFirst.subList(0, Math.min(site.feedSize(), newestFirst.size()));
        LocalDate updated = posts.stream().map(Document::lastModified).max(Comparator.naturalOrder())
                .orElse(LocalDate.of(1970, 1, 1));

        XmlOut xml = new XmlOut();
        xml.open("feed", "xmlns", ATOM, "xml:lang", site.language());
        xml.text("id", site.absolute("/"));
        xml.text("title", site.title());
        if (!site.tagline().isBlank()) {
            xml.text("subtitle", site.tagline());
        }
        xml.text("updated", timestamp(updated));
        xml.empty("link", "rel", "self", "type", "application/atom+xml", "href", site.absolute(PATH));
        xml.empty("link", "rel", "alternate", "type", "text/html", "href", site.absolute("/blog/"));
        xml.open("author");
        xml.text("name", site.author().name());
        xml.text("uri", site.absolute("/"));
        xml.close();
        for (Document post : posts) {
            xml.open("entry");
            xml.text("id", entryId(site, post));
            xml.text("title", post.title());
            xml.empty("link", "rel", "alternate", "type", "text/html", "href", site.absolute(post.url()));
            xml.text("published", timestamp(post.date()));
            xml.text("updated", timestamp(post.lastModified()));
            for (String tag : post.tags()) {
                xml.empty("category", "term", tag, "scheme", site.absolute("/tags/"));
            }
            xml.text("summary", post.description());
            // xml:base lets feed readers resolve the body's relative links and images.
            xml.text("content", post.bodyHtml(), "type", "html", "xml:base", site.absolute(post.url()));
            xml.close();
        }
        xml.close();
        return xml.finish();
    }

    /** The entry's id: a tag URI, the same in every feed and every bake. */
    static String entryId(SiteConfig site, Document post) {
        return "tag:" + site.host() + "," + post.date() + ":" + post.url();
    }

    private static String timestamp(LocalDate date) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(date.atStartOfDay().atOffset(ZoneOffset.UTC));
    }
}
