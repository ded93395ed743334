package com.sethihemant.site.bake;

import com.sethihemant.site.content.Document;

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
    public record Tag(String name, String url, List<Document> posts) {
    }

    /** The posts of one year, newest first. */
    public record Year(int year, List<Document> posts) {
    }
}
