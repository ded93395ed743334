package com.sethihemant.site.bake;

import com.sethihemant.site.Digest;
import com.sethihemant.site.config.SiteConfig;
import com.sethihemant.site.content.Document;
import com.sethihemant.site.theme.Formats;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A SHA-256 digest of everything a page is rendered from: the templates, the template's name and
 * the model's values. Two pages with the same fingerprint render to the same bytes, because
 * templates are pure functions of their model; that is what lets a rebuild skip unchanged pages
 * and still match a full bake byte for byte.
 *
 * <p>Documents are represented by the digest of their source (path and bytes), not by their
 * parsed contents. A value of a type not listed here is an error, so a new kind of model value
 * cannot be silently left out of the fingerprint.
 */
final class Fingerprint {

    /** Collections and maps at least this big are digested once and then stood for by their digest. */
    private static final int SHARED_SIZE = 8;

    /** Each record type's components, looked up once: reflection allocates a new array per call. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private final MessageDigest digest;
    private final byte[] length = new byte[4];
    private final Function<Document, String> documents;
    private final Map<Object, String> shared;

    /**
     * @param documents the source digest of each document
     * @param shared    digests of big values already seen in this build, by identity; the site's
     *                  configuration, the data files and the lists of posts appear in many pages
     */
    Fingerprint(Function<Document, String> documents, Map<Object, String> shared) {
        this.documents = documents;
        this.shared = shared;
        this.digest = Digest.newSha256();
    }

    Fingerprint add(Object value) {
        if (value == null) {
            text("null");
        } else if (value instanceof String s) {
            text("s");
            text(s);
        } else if (value instanceof Boolean || value instanceof Number || value instanceof LocalDate
                || value instanceof Enum<?> || value instanceof ZoneId || value instanceof URI || value instanceof Path) {
            text(value.getClass().getSimpleName() + ":" + value);
        } else if (value instanceof Document document) {
            text("doc");
            text(documents.apply(document));
        } else if (isShared(value)) {
            String known = shared.get(value);
            if (known == null) {
                known = new Fingerprint(documents, shared).addUnshared(value).hex();
                shared.put(value, known);
            }
            text("shared");
            text(known);
        } else {
            addUnshared(value);
        }
        return this;
    }

    private static boolean isShared(Object value) {
        return value instanceof SiteConfig
                || value instanceof Collection<?> c && c.size() >= SHARED_SIZE
                || value instanceof Map<?, ?> m && m.size() >= SHARED_SIZE;
    }

    private Fingerprint addUnshared(Object value) {
        if (value instanceof Collection<?> collection) {
            text("list" + collection.size());
            collection.forEach(this::add);
        } else if (value instanceof Map<?, ?> map) {
            // Sorted, so that the order of an unordered map never changes the digest.
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            text("map" + sorted.size());
            sorted.forEach((k, v) -> add(k).add(v));
        } else if (value instanceof Record record) {
            text("record");
            text(record.getClass().getName());
            for (RecordComponent component : COMPONENTS.get(record.getClass())) {
                try {
                    add(component.getAccessor().invoke(record));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component, e);
                }
            }
        } else if (value instanceof Formats) {
            text("formats");
        } else {
            throw new IllegalArgumentException("no fingerprint for a " + value.getClass().getName()
                    + " in a page model; teach Fingerprint how to digest it");
        }
        return this;
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    private void text(String text) {
        // Each piece is preceded by its length, so that no two sequences of pieces digest alike.
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        length[0] = (byte) (bytes.length >>> 24);
        length[1] = (byte) (bytes.length >>> 16);
        length[2] = (byte) (bytes.length >>> 8);
        length[3] = (byte) bytes.length;
        digest.update(length);
        digest.update(bytes);
    }
}
