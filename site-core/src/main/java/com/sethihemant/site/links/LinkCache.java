package com.sethihemant.site.links;

import com.sethihemant.site.ExitCodes;
import com.sethihemant.site.Problem;
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
 * Successes from earlier runs, so a weekly check does not knock on every door again. Only
 * successes are kept, each with the time it was seen and the redirect chain that led to it;
 * failures are always checked afresh. Entries older than the maximum age are dropped, and the
 * rest are judged again under the current policy before they are believed.
 */
final class LinkCache {

    private static final int VERSION = 1;

    /** One remembered success. */
    record Entry(String url, Instant checked, List<Verdicts.Hop> chain) {
        Entry {
            chain = List.copyOf(chain);
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
     * Reads a cache file. A missing file is an empty cache; an unreadable one too, with a
     * notice, since a cache can always be rebuilt.
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
        if (!(top.get("version") instanceof BigDecimal version) || version.intValue() != VERSION) {
            throw new IllegalArgumentException("unknown cache version " + top.get("version"));
        }
        for (Object item : (List<?>) top.get("entries")) {
            Map<?, ?> entry = (Map<?, ?>) item;
            String url = (String) entry.get("url");
            Instant checked;
            try {
                checked = Instant.parse((String) entry.get("checked"));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("bad time for " + url);
            }
            List<Verdicts.Hop> chain = new ArrayList<>();
            for (Object hopItem : (List<?>) entry.get("chain")) {
                Map<?, ?> hop = (Map<?, ?>) hopItem;
                chain.add(new Verdicts.Hop((String) hop.get("url"), ((BigDecimal) hop.get("status")).intValueExact()));
            }
            if (url == null || chain.isEmpty()) {
                throw new IllegalArgumentException("an entry lacks its url or chain");
            }
            entries.put(url, new Entry(url, checked, chain));
        }
        return entries;
    }

    /** A fresh entry for the URL, or {@code null}. */
    Entry fresh(String url, Instant now, Duration maxAge) {
        Entry entry = entries.get(url);
        if (entry == null || entry.checked().isAfter(now) || entry.checked().plus(maxAge).isBefore(now)) {
            return null;
        }
        return entry;
    }

    void remember(String url, Instant checked, List<Verdicts.Hop> chain) {
        entries.put(url, new Entry(url, checked, chain));
    }

    void forget(String url) {
        entries.remove(url);
    }

    /**
     * Writes the entries that are still fresh, replacing the file in one step.
     *
     * @throws SiteException with {@link ExitCodes#IO} when the file cannot be written
     */
    void save(Path file, Instant now, Duration maxAge) {
        JsonWriter json = new JsonWriter().beginObject()
                .field("version", VERSION)
                .name("entries").beginArray();
        for (Entry entry : entries.values()) {
            if (entry.checked().plus(maxAge).isBefore(now)) {
                continue;
            }
            json.beginObject().field("url", entry.url()).field("checked", entry.checked().toString())
                    .name("chain").beginArray();
            for (Verdicts.Hop hop : entry.chain()) {
                json.beginObject().field("url", hop.url()).field("status", hop.status()).endObject();
            }
            json.endArray().endObject();
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
            throw new SiteException(List.of(Problem.at(file, "the link cache cannot be written: " + e.getMessage())),
                    ExitCodes.IO, e);
        }
    }
}
