package com.sethihemant.site.bake;

import com.sethihemant.site.content.Document;
import com.sethihemant.site.theme.Formats;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The search index ({@code /search/index.json}) that {@code js/search.js} reads: for each
 * published post, note and page its address, title, date, tags, description and section headings
 * (with their ids, for links into the page), and an inverted index of the words of its body.
 *
 * <p>The index stays small by leaving out what the script does not need: the body's text itself
 * (only which documents hold each word), words the document's title, tags, headings or
 * description already hold (the script matches those itself), the common English words in
 * {@link #STOP_WORDS} (which the script ignores in queries too; the list travels in the index),
 * single characters and tokens longer than {@value #LONGEST} characters (hashes, not words).
 * Document numbers in each word's list are written as differences, in a base-32 code of
 * printable characters. Words are folded as the script folds them: lower case, accents removed.
 *
 * <p>An instance keeps each post's words between builds (by the identity of its
 * {@link Document}, which the baker reuses for an unchanged source), so a rebuild reads only the
 * bodies that changed.
 */
final class SearchIndex {

    /** Words too common to tell documents apart. */
    static final List<String> STOP_WORDS = List.of("a", "about", "after", "all", "also", "an", "and", "any", "are",
            "as", "at", "be", "because", "been", "but", "by", "can", "could", "do", "does", "each", "for", "from",
            "had", "has", "have", "how", "i", "if", "in", "into", "is", "it", "its", "may", "more", "most", "my", "no",
            "not", "of", "on", "one", "only", "or", "other", "our", "so", "some", "such", "than", "that", "the",
            "their", "them", "then", "there", "these", "they", "this", "those", "to", "was", "we", "were", "what",
            "when", "where", "which", "while", "who", "why", "will", "with", "would", "you", "your");
    static final int LONGEST = 24;
    static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_";
    private static final Set<String> STOP = Set.copyOf(STOP_WORDS);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Formats FORMATS = new Formats();

    private Map<Document, Entry> previous = new IdentityHashMap<>();
    /** Entries being read from bodies on other threads, by document: see {@link #start}. */
    private final Map<Document, CompletableFuture<Entry>> reading = new IdentityHashMap<>();

    /**
     * What one document contributes.
     *
     * @param url         its address
     * @param title       its title, plain text
     * @param date        its date, or {@code null} for undated pages
     * @param tags        its tags
     * @param description its description
     * @param headings    its section headings: id, then text, for each
     * @param words       the words of its body that its other fields do not hold
     */
    record Entry(String url, String title, String date, List<String> tags, String description,
                 List<List<String>> headings, Set<String> words) {
    }

    /**
     * Starts reading, on {@code executor}, the bodies of the posts that were not indexed last
     * build, for {@link #post} to take their entries from (it waits for those still being read).
     * Called from the building thread, like every other method.
     */
    void start(List<Document> posts, Executor executor) {
        // What an earlier build that failed started is of no use.
        reading.clear();
        for (Document post : posts) {
            if (!previous.containsKey(post)) {
                reading.put(post, CompletableFuture.supplyAsync(() -> entryOf(post), executor));
            }
        }
    }

    /** A post's entry, from its body; reused when the same document was indexed last build. */
    Entry post(Document post, Map<Document, Entry> seen) {
        Entry entry = previous.get(post);
        if (entry == null) {
            CompletableFuture<Entry> read = reading.get(post);
            try {
                entry = read == null ? entryOf(post) : read.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        }
        seen.put(post, entry);
        return entry;
    }

    private static Entry entryOf(Document post) {
        org.jsoup.nodes.Document body = Jsoup.parseBodyFragment(post.bodyHtml());
        List<List<String>> headings = new ArrayList<>();
        for (Document.Heading heading : post.headings()) {
            headings.add(List.of(heading.id(), Jsoup.parseBodyFragment(heading.textHtml()).text()));
        }
        return entry(post, headings, body.body().text());
    }

    /**
     * A page's entry, from the {@code <main>} of its rendered HTML: pages show more than their
     * body (the reading list, the talks), and a visitor searches what they saw.
     */
    Entry page(Document page, byte[] html) {
        org.jsoup.nodes.Document rendered = Jsoup.parse(new String(html, StandardCharsets.UTF_8));
        Element main = rendered.selectFirst("main");
        Element content = main == null ? rendered.body() : main;
        // Lists of posts (the latest on home, every post on Writing) repeat what the posts' own
        // entries hold, and would make every recent post's words find those pages too.
        content.select("script, .preview-notice, .post-list, .archive-list").remove();
        List<List<String>> headings = new ArrayList<>();
        for (Element heading : content.select("h2[id], h3[id]")) {
            headings.add(List.of(heading.id(), heading.text()));
        }
        return entry(page, headings, content.text());
    }

    /** Forgets the posts of earlier builds that this one did not index. */
    void keep(Map<Document, Entry> seen) {
        previous = seen;
        reading.clear();
    }

    private static Entry entry(Document document, List<List<String>> headings, String text) {
        Set<String> known = new LinkedHashSet<>(words(document.title()));
        document.tags().forEach(tag -> known.addAll(words(tag)));
        known.addAll(words(document.description()));
        headings.forEach(heading -> known.addAll(words(heading.get(1))));
        Set<String> body = new LinkedHashSet<>();
        for (String word : words(text)) {
            if (word.length() > 1 && word.length() <= LONGEST && !STOP.contains(word) && !known.contains(word)) {
                body.add(word);
            }
        }
        return new Entry(document.url(), document.title(), document.date() == null ? "" : FORMATS.date(document.date()),
                document.tags(), document.description(), List.copyOf(headings), Set.copyOf(body));
    }

    /** The words of a text as the search script sees them: folded to lower case without accents. */
    static List<String> words(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(folded);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** The index of {@code entries}, in their order (which the script keeps among equals). */
    static byte[] write(List<Entry> entries) {
        List<Object> documents = new ArrayList<>();
        // A hash map, sorted once at the end: a rebuild in the preview writes the whole index.
        Map<String, List<Integer>> postings = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            documents.add(List.of(entry.url(), entry.title(), entry.date(),
                    String.join(" ", entry.tags()), entry.description(), entry.headings()));
            for (String word : entry.words()) {
                postings.computeIfAbsent(word, w -> new ArrayList<>()).add(i);
            }
        }
        List<String> sorted = new ArrayList<>(postings.keySet());
        Collections.sort(sorted);
        StringBuilder words = new StringBuilder(sorted.size() * 8);
        List<Object> lists = new ArrayList<>(sorted.size());
        for (String word : sorted) {
            words.append(words.isEmpty() ? "" : " ").append(word);
            lists.add(encode(postings.get(word)));
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("v", 1);
        index.put("stop", String.join(" ", STOP_WORDS));
        index.put("docs", documents);
        index.put("words", words.toString());
        index.put("in", lists);
        return (Json.write(index) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Ascending document numbers as the differences between them, each in base 32, most
     * significant digit first: digits 0-31 end a number, 32-63 are followed by more.
     */
    static String encode(List<Integer> ids) {
        StringBuilder out = new StringBuilder(ids.size() * 2);
        int last = -1;
        char[] digits = new char[8];
        for (int id : ids) {
            int delta = id - last;
            last = id;
            int n = 0;
            do {
                digits[n++] = ALPHABET.charAt(delta & 31);
                delta >>>= 5;
            } while (delta > 0);
            for (int i = n - 1; i >= 0; i--) {
                char digit = digits[i];
                out.append(i == 0 ? digit : ALPHABET.charAt(ALPHABET.indexOf(digit) + 32));
            }
        }
        return out.toString();
    }
}
