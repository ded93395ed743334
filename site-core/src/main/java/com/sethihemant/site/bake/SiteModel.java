package com.sethihemant.site.bake;

import com.sethihemant.site.content.Document;
import com.sethihemant.site.content.Routes;
import com.sethihemant.site.theme.Listing;
import com.sethihemant.site.theme.PostLink;
import com.sethihemant.site.theme.PostSummary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** How far along a tag's list, on each side of a post, related posts are looked for. */
    static final int RELATED_WINDOW = 16;

    private final List<Document> posts;
    private final List<Document> pages;
    private final Map<String, Document> older = new HashMap<>();
    private final Map<String, Document> newer = new HashMap<>();
    private final Map<String, List<Document>> byTag;
    private final Map<Integer, List<Document>> byYear;
    private final Set<String> seriesTags;
    /** Each post as the pages that list it show it, by identity. */
    private final Map<Document, PostSummary> summaries = new IdentityHashMap<>();
    /** Each post as the pages that only link to it show it, by identity. */
    private final Map<Document, PostLink> links = new IdentityHashMap<>();
    private final Map<String, Document> postsByUrl = new HashMap<>();
    /** All that related posts are chosen from: each post's address, date and tags, in order, and the series tags. */
    private final List<Object> shape = new ArrayList<>();
    /**
     * The related posts found so far, as addresses, by limit and address; shared with the next
     * build's model when its shape is the same, as after an edit of a post's text.
     */
    private final Map<String, List<String>> relatedUrls;

    /**
     * @param documents  everything published
     * @param seriesTags tags whose posts form a series (read in order, oldest first)
     * @param previous   the last build's model, whose related posts are reused if they would be
     *                   the same; {@code null} for none
     */
    SiteModel(List<Document> documents, Set<String> seriesTags, SiteModel previous) {
        this.seriesTags = Set.copyOf(seriesTags);
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
            summaries.put(post, PostSummary.of(post));
            links.put(post, PostLink.of(post));
            postsByUrl.put(post.url(), post);
            shape.add(List.of(post.url(), post.date(), post.tags()));
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
        shape.add(this.seriesTags);
        this.relatedUrls = previous != null && previous.shape.equals(shape) ? previous.relatedUrls : new HashMap<>();
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

    /** A published post as the pages that list it show it. */
    private PostSummary summary(Document post) {
        PostSummary summary = summaries.get(post);
        if (summary == null) {
            throw new IllegalArgumentException(post.url() + " is not a published post");
        }
        return summary;
    }

    /** A published post as the pages that link to it show it; {@code null} for {@code null}. */
    PostLink link(Document post) {
        if (post == null) {
            return null;
        }
        PostLink link = links.get(post);
        if (link == null) {
            throw new IllegalArgumentException(post.url() + " is not a published post");
        }
        return link;
    }

    /** Published posts as the pages that link to them show them, in the same order. */
    List<PostLink> links(List<Document> posts) {
        List<PostLink> list = new ArrayList<>(posts.size());
        posts.forEach(post -> list.add(link(post)));
        return Collections.unmodifiableList(list);
    }

    /** Published posts as the pages that list them show them, in the same order. */
    List<PostSummary> summaries(List<Document> posts) {
        List<PostSummary> list = new ArrayList<>(posts.size());
        posts.forEach(post -> list.add(summary(post)));
        return Collections.unmodifiableList(list);
    }

    /** Posts by tag, tags in alphabetical order, posts newest first. */
    Map<String, List<Document>> byTag() {
        return byTag;
    }

    /**
     * Up to {@code limit} other posts that share the most topic tags with {@code post} (series
     * tags do not count: every note of a series would be related), the closest in time first
     * among equals. Candidates are the {@value #RELATED_WINDOW} posts on either side of
     * {@code post} in each of its tags' lists, so the work per post stays constant however many
     * posts a tag has. Called from the building thread only.
     */
    List<Document> related(Document post, int limit) {
        List<String> urls = relatedUrls.computeIfAbsent(limit + " " + post.url(),
                key -> choose(post, limit).stream().map(Document::url).toList());
        List<Document> related = new ArrayList<>(urls.size());
        urls.forEach(url -> related.add(postsByUrl.get(url)));
        return Collections.unmodifiableList(related);
    }

    private List<Document> choose(Document post, int limit) {
        Set<String> topics = new HashSet<>(post.tags());
        topics.removeAll(seriesTags);
        // Identity, not equals: a Document's record equality compares every field, body included.
        Set<Document> candidates = Collections.newSetFromMap(new IdentityHashMap<>());
        for (String tag : topics) {
            List<Document> tagged = byTag.get(tag);
            int index = indexOf(tagged, post);
            candidates.addAll(tagged.subList(Math.max(0, index - RELATED_WINDOW),
                    Math.min(tagged.size(), index + RELATED_WINDOW + 1)));
        }
        candidates.remove(post);
        Map<Document, Integer> shared = new IdentityHashMap<>();
        for (Document other : candidates) {
            int count = 0;
            for (String tag : other.tags()) {
                count += topics.contains(tag) ? 1 : 0;
            }
            shared.put(other, count);
        }
        Comparator<Document> byShared = Comparator.comparing(shared::get, Comparator.reverseOrder());
        Comparator<Document> byDistance = Comparator.comparingLong(
                other -> Math.abs(other.date().toEpochDay() - post.date().toEpochDay()));
        Comparator<Document> order = byShared.thenComparing(byDistance).thenComparing(NEWEST_FIRST);
        // The best few, kept in order: one comparison for most candidates, where sorting them all
        // made this the slowest step of a rebuild.
        List<Document> best = new ArrayList<>(limit + 1);
        for (Document other : candidates) {
            int at = best.size();
            while (at > 0 && order.compare(other, best.get(at - 1)) < 0) {
                at--;
            }
            if (at < limit) {
                best.add(at, other);
                if (best.size() > limit) {
                    best.remove(limit);
                }
            }
        }
        return List.copyOf(best);
    }

    /** Where {@code post} sits in its series, or {@code null} if it belongs to none. */
    Listing.Series series(Document post) {
        for (String tag : post.tags()) {
            if (seriesTags.contains(tag)) {
                List<Document> newestFirst = byTag.get(tag);
                int index = indexOf(newestFirst, post);
                int total = newestFirst.size();
                return new Listing.Series(tag, Routes.tag(tag), total - index, total,
                        index + 1 < total ? link(newestFirst.get(index + 1)) : null,
                        index > 0 ? link(newestFirst.get(index - 1)) : null);
            }
        }
        return null;
    }

    /** Binary search by the list's own order, so finding a post's place stays logarithmic. */
    private static int indexOf(List<Document> newestFirst, Document post) {
        int index = Collections.binarySearch(newestFirst, post, NEWEST_FIRST);
        if (index < 0) {
            throw new IllegalStateException(post.url() + " is not in its own tag list");
        }
        return index;
    }

    /** Posts by year, newest year first. */
    Map<Integer, List<Document>> byYear() {
        return byYear;
    }

    private static <K> Map<K, List<Document>> freeze(Map<K, List<Document>> map) {
        Map<K, List<Document>> frozen = new LinkedHashMap<>();
        map.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(frozen);
    }
}
