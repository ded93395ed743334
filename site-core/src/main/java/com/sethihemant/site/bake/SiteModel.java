package com.sethihemant.site.bake;

import com.sethihemant.site.content.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable snapshot of everything that gets published, computed once per bake. Stock JBake
 * asks its database for all content of a type while rendering each post (to find previous and
 * next), which makes a bake quadratic in the number of posts; here every relation is computed in
 * one pass and templates only look values up.
 */
final class SiteModel {

    /** Newest first; ties broken by URL so that the order never depends on the file system. */
    static final Comparator<Document> NEWEST_FIRST = Comparator
            .comparing(Document::date, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Document::url);

    private final List<Document> posts;
    private final List<Document> pages;
    private final Map<String, Document> older = new HashMap<>();
    private final Map<String, Document> newer = new HashMap<>();
    private final Map<String, List<Document>> byTag;
    private final Map<Integer, List<Document>> byYear;

    SiteModel(List<Document> documents) {
        List<Document> sortedPosts = new ArrayList<>();
        List<Document> otherPages = new ArrayList<>();
        for (Document document : documents) {
            (document.isPost() ? sortedPosts : otherPages).add(document);
        }
        sortedPosts.sort(NEWEST_FIRST);
        otherPages.sort(Comparator.comparing(Document::url));
        this.posts = List.copyOf(sortedPosts);
        this.pages = List.copyOf(otherPages);

        Map<String, List<Document>> tags = new TreeMap<>();
        Map<Integer, List<Document>> years = new TreeMap<>(Comparator.reverseOrder());
        for (int i = 0; i < posts.size(); i++) {
            Document post = posts.get(i);
            if (i > 0) {
                newer.put(post.url(), posts.get(i - 1));
            }
            if (i + 1 < posts.size()) {
                older.put(post.url(), posts.get(i + 1));
            }
            for (String tag : post.tags()) {
                tags.computeIfAbsent(tag, t -> new ArrayList<>()).add(post);
            }
            years.computeIfAbsent(post.date().getYear(), y -> new ArrayList<>()).add(post);
        }
        this.byTag = freeze(tags);
        this.byYear = freeze(years);
    }

    /** Published posts, newest first. */
    List<Document> posts() {
        return posts;
    }

    /** Everything that is not a post (home, About, ...), ordered by URL. */
    List<Document> pages() {
        return pages;
    }

    /** The next older post, or {@code null} for the oldest. */
    Document older(Document post) {
        return older.get(post.url());
    }

    /** The next newer post, or {@code null} for the newest. */
    Document newer(Document post) {
        return newer.get(post.url());
    }

    /** Posts by tag, tags in alphabetical order, posts newest first. */
    Map<String, List<Document>> byTag() {
        return byTag;
    }

    /** Posts by year, newest year first. */
    Map<Integer, List<Document>> byYear() {
        return byYear;
    }

    private static <K> Map<K, List<Document>> freeze(Map<K, List<Document>> map) {
        Map<K, List<Document>> frozen = new LinkedHashMap<>();
        map.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return java.util.Collections.unmodifiableMap(frozen);
    }
}
