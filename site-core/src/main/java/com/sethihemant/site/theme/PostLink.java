package com.sethihemant.site.theme;

import com.sethihemant.site.content.Document;

import java.time.LocalDate;

/**
 * What a page shows of a post it only links to, by title and date: a post's newer and older posts,
 * its related posts and its neighbours in a series, and each post in the archive's years. Pages
 * that summarise posts get the fuller {@link PostSummary}. A page is rendered again when anything
 * it could show changes; a link changes only when the post's address, title or date does, so
 * rewriting a post's description renders its own page and the summaries, not the archive and the
 * pages that link to it.
 *
 * @param url       the site path of the post
 * @param title     its title as plain text
 * @param titleHtml its title as HTML, with inline markup such as code or emphasis
 * @param date      its publication date
 */
public record PostLink(String url, String title, String titleHtml, LocalDate date) {

    /** The link to a post. */
    public static PostLink of(Document post) {
        return new PostLink(post.url(), post.title(), post.titleHtml(), post.date());
    }
}
