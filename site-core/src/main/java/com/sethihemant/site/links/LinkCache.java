package com.sethihemant.site.links;

import com.sethihemant.site.ExitCodes;
import com.sethihemant.site.SiteException;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What earlier runs learnt about external URLs, so a weekly check does not knock on every door
 * again and its report can say how long a link has been failing. For a success it keeps the
 * time and the redirect chain, trusted until the maximum age and only after being judged again
 * under the current policy; for a failure, when it was first and last seen failing (a failure is
 * always checked afresh, never trusted); for both, when the URL last worked, which dates the
 * archived copy a report suggests. History outlives trust: it is kept for {@link #HISTORY}.
 */
final class LinkCache {

    private static final int VERSION = 2;
    /** How long the failure history and the last success of a URL are remembered. */
    static final Duration HISTORY = Duration.ofDays(366);

    /**
     * What is known of one URL.
     *
     * @param checked when it last worked, with {@code chain} the requests that led there; both
     *     {@code null}/empty while it fails
     * @param firstFailed when the current run of failures began; {@code null} when it works
     * @param lastFailed when it last failed; {@code null} when it works
     * @param lastWorked when it last worked, even long ago; {@code null} if never seen working
     */
    record Entry(String url, Instant checked, List<Verdicts.Hop> chain, Instant firstFailed, Instant lastFailed,
                 Instant lastWorked) {
        Entry {
            chain = List.copyOf(chain);
        }

        /** The time this entry last learnt anything. */
        Instant lastSeen() {
            Instant latest = lastWorked;
            for (Instant t : new Instant[] {checked, lastFailed}) {
                if (t != null && (latest == null || t.isAfter(latest))) {
                    latest = t;
                }
            }
            return latest;
        }
    }

    private final Map<String, Entry> entries;

    private LinkCache(Map<String, Entry> entries) {
        this.entries = entries;
    }

    static LinkCache empty() {
        return new LinkCache(new TreeMap<>());
    }

    /**
     * Reads a cache file (this version or the first, which held successes only). A missing file
     * is an empty cache; an unreadable one too, with a notice, since a cache can always be rebuilt.
     */
    static LinkCache load(Path file, List<String> notices) {
        if (file == null || !Files.exists(file)) {
            return empty();
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return new LinkCache(read(Json.parse(text)));
        } catch (IOException | Json.JsonException | RuntimeException e) {
            notices.add("the link cache " + file + " could not be read (" + e.getMessage()
                    + "); every link is checked again and the file is rewritten");
            return empty();
        }
    }

    private static Map<String, Entry> read(Object root) {
        Map<String, Entry> entries = new TreeMap<>();
        Map<?, ?> top = (Map<?, ?>) root;
        if (!(top.get("version") instanceof BigDecimal version) || (version.intValue() != VERSION && version.intValue() != 1)) {
            throw new IllegalArgumentException("unknown cache version " + top.get("version"));
        }
        for (Object item : (List<?>) top.get("entries")) {
            Map<?, ?> entry = (Map<?, ?>) item;
            String url = (String) entry.get("url");
            if (url == null) {
                throw new IllegalArgumentException("an entry lacks its url");
            }
            List<Verdicts.Hop> chain = new ArrayList<>();
            if (entry.get("chain") != null) {
                for (Object hopItem : (List<?>) entry.get("chain")) {
                    Map<?, ?> hop = (Map<?, ?>) hopItem;
                    chain.add(new Verdicts.Hop((String) hop.get("url"), ((BigDecimal) hop.get("status")).intValueExact()));
                }
            }
            Instant checked = time(entry, "checked", url);
            if ((checked == null) != chain.isEmpty()) {
                throw new IllegalArgumentException("the entry for " + url + " has a time without a chain or the reverse");
            }
            Instant lastWorked = time(entry, "lastWorked", url);
            entries.put(url, new Entry(url, checked, chain, time(entry, "firstFailed", url), time(entry, "lastFailed", url),
                    lastWorked != null ? lastWorked : checked));
        }
        return entries;
    }

    private static Instant time(Map<?, ?> entry, String key, String url) {
        Object value = entry.get(key);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse((String) value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("bad time '" + key + "' for " + url);
        }
    }

    /** A success of the URL that is fresh enough to trust, or {@code null}. */
    Entry fresh(String url, Instant now, Duration maxAge) {
        Entry entry = entries.get(url);
        if (entry == null || entry.checked() == null || entry.checked().isAfter(now)
                || entry.checked().plus(maxAge).isBefore(now)) {
            return null;
        }
        return entry;
    }

    /** The URL works: its failures, if any, are over. */
    void remember(String url, Instant checked, List<Verdicts.Hop> chain) {
        entries.put(url, new Entry(url, checked, chain, null, null, checked));
    }

    /** The URL failed (an error): it is no longer trusted, and the failure is dated. */
    LinkResult.Failing failed(String url, Instant when) {
        Entry old = entries.get(url);
        Instant first = old != null && old.firstFailed() != null ? old.firstFailed() : when;
        Instant lastWorked = old == null ? null : old.lastWorked();
        entries.put(url, new Entry(url, null, List.of(), first, when, lastWorked));
        return new LinkResult.Failing(first, when, lastWorked);
    }

    /**
     * A link that is not a request of its own worked: a fragment found in its page. Its failures
     * are over; nothing is trusted, since the page is read again on every run.
     */
    void worked(String key, Instant when) {
        entries.put(key, new Entry(key, null, List.of(), null, null, when));
    }

    /** Neither worked nor failed (blocked, unverifiable): no longer trusted, history kept. */
    void forget(String url) {
        Entry old = entries.get(url);
        if (old != null) {
            entries.put(url, new Entry(url, null, List.of(), old.firstFailed(), old.lastFailed(), old.lastWorked()));
        }
    }

    /**
     * Writes what is still worth knowing, replacing the file in one step: successes younger
     * than {@code maxAge} with their chains, and any history younger than {@link #HISTORY}.
     *
     * @throws SiteException with {@link ExitCodes#IO} when the file cannot be written
     */
    void save(Path file, Instant now, Duration maxAge) {
        JsonWriter json = new JsonWriter().beginObject()
                .field("version", VERSION)
                .name("entries").beginArray();
        for (Entry entry : entries.values()) {
            boolean trusted = entry.checked() != null && !entry.checked().plus(maxAge).isBefore(now);
            Instant seen = entry.lastSeen();
            if (!trusted && (seen == null || seen.plus(HISTORY).isBefore(now))) {
                continue;
            }
            json.beginObject().field("url", entry.url());
            if (trusted) {
                json.field("checked", entry.checked().toString()).name("chain").beginArray();
                for (Verdicts.Hop hop : entry.chain()) {
                    json.beginObject().field("url", hop.url()).field("status", hop.status()).endObject();
                }
                json.endArray();
            }
            if (entry.firstFailed() != null) {
                json.field("firstFailed", entry.firstFailed().toString()).field("lastFailed", entry.lastFailed().toString());
            }
            if (entry.lastWorked() != null) {
                json.field("lastWorked", entry.lastWorked().toString());
            }
            json.endObject();
        }
        json.endArray().endObject();
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            Files.writeString(temporary, json.toString(), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw SiteException.io(file, "the link cache cannot be written", e);
        }
    }
}
