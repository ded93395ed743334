package com.sethihemant.site.theme;

import java.util.List;

/**
 * Values the listing templates receive besides documents.
 */
public final class Listing {

    private Listing() {
    }

    /**
     * Where a page of the blog index sits among the others.
     *
     * @param current  1-based page number
     * @param total    number of pages
     * @param newerUrl the page with newer posts, or {@code null} on the first page
     * @param olderUrl the page with older posts, or {@code null} on the last page
     */
    public record Pagination(int current, int total, String newerUrl, String olderUrl) {
    }

    /** A tag with its page and its posts, newest first. */
    public record Tag(String name, String url, List<PostSummary> posts) {
    }

    /**
     * A post's place in a series of posts (such as paper notes), read oldest first.
     *
     * @param tag      the tag that makes the series
     * @param url      the page listing the whole series
     * @param position 1-based, in reading order
     * @param total    posts in the series
     * @param previous the part before, or {@code null}
     * @param next     the part after, or {@code null}
     */
    public record Series(String tag, String url, int position, int total, PostLink previous,
                         PostLink next) {
    }

    /** The posts of one year, newest first. */
    public record Year(int year, List<PostLink> posts) {
    }
}
