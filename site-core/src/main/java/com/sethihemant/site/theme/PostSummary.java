package com.sethihemant.site.theme;

import com.sethihemant.site.content.Document;

import java.time.LocalDate;
import java.util.List;

/**
 * What a page may show of a post it summarises (the home page, the blog index, tag pages):
 * the post's header and reading time, never its body. A page is rendered again when anything it
 * could show changes, so a listing that could reach the bodies would be rendered again after every
 * edit of any post it lists; a summary changes only when the post's title, date, tags, description
 * or length does. The archive and a post's page link to posts with the narrower {@link PostLink}.
 *
 * @param url            the site path of the post
 * @param title          its title as plain text
 * @param titleHtml      its title as HTML, with inline markup such as code or emphasis
 * @param date           its publication date
 * @param updated        the date of its last meaningful revision, or {@code null}
 * @param tags           its tags, each usable in a URL
 * @param description    its one- or two-sentence summary
 * @param readingMinutes its estimated reading time
 */
public record PostSummary(String url, String title, String titleHtml, LocalDate date, LocalDate updated,
                          List<String> tags, String description, int readingMinutes) {

    public PostSummary {
        tags = List.copyOf(tags);
    }

    /** The summary of a post. */
    public static PostSummary of(Document post) {
        return new PostSummary(post.url(), post.title(), post.titleHtml(), post.date(), post.updated(), post.tags(),
                post.description(), post.readingMinutes());
    }

    /** The date feeds and sitemaps report as last modified: {@code updated}, else {@code date}. */
    public LocalDate lastModified() {
        return updated != null ? updated : date;
    }
}
