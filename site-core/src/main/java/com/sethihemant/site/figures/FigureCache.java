package com.sethihemant.site.figures;

import com.sethihemant.site.Digest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Rendered figures by the digest of everything they are rendered from (the kind of figure, the
 * renderer's version and code, and the source), in memory for the life of a parser (the
 * preview's) and, optionally, in a folder between runs. An unchanged diagram, formula or chart is
 * therefore rendered once, not once per build.
 *
 * <p>The cache can only save time, never change a byte: an entry holds exactly what the renderer
 * returned, a renderer's output depends only on what its key covers, and an entry that is missing,
 * unreadable or damaged (its stored digest does not match) is a miss. Entries are written to a
 * temporary file and moved into place, so a reader never sees half an entry; a failure to write
 * one is ignored. Failed renders are not cached.
 */
public final class FigureCache {

    /** Changes whenever the layout of an entry does. */
    private static final String FORMAT = "figures 1";
    private static final String SUFFIX = ".figure";

    private final Path folder;
    private final Map<String, String> memory = new ConcurrentHashMap<>();
    private final AtomicLong renders = new AtomicLong();

    private FigureCache(Path folder) {
        this.folder = folder;
    }

    /** A cache in memory only. */
    public static FigureCache inMemory() {
        return new FigureCache(null);
    }

    /** A cache in memory and in {@code folder} (created when the first entry is written); {@code null} means memory only. */
    public static FigureCache in(Path folder) {
        return new FigureCache(folder == null ? null : folder.toAbsolutePath().normalize());
    }

    /**
     * The stored figure for {@code key}, or what {@code render} returns, stored for next time.
     * Two threads asking for the same new key may both render it; they get the same text.
     *
     * @param key a digest from {@link #key}
     */
    String get(String key, Supplier<String> render) {
        String cached = memory.get(key);
        if (cached != null) {
            return cached;
        }
        cached = read(key);
        if (cached == null) {
            renders.incrementAndGet();
            cached = render.get();
            write(key, cached);
        }
        String previous = memory.putIfAbsent(key, cached);
        return previous != null ? previous : cached;
    }

    /** How many figures this cache had to render (for tests and the benchmark). */
    long renders() {
        return renders.get();
    }

    /** The key of a figure: a digest of the cache's format and the parts. */
    static String key(String... parts) {
        Digest digest = Digest.parts().add(FORMAT);
        for (String part : parts) {
            digest.add(part);
        }
        return digest.hex();
    }

    /** A digest of the bytes of {@code types}' class files, so that a change of the code that renders is a change of key. */
    static String codeOf(Class<?>... types) {
        MessageDigest digest = Digest.newSha256();
        for (Class<?> type : types) {
            try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
                if (in == null) {
                    throw new IllegalStateException("cannot read the class file of " + type.getName());
                }
                digest.update(in.readAllBytes());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the class file of " + type.getName(), e);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private String read(String key) {
        if (folder == null) {
            return null;
        }
        Path entry = folder.resolve(key + SUFFIX);
        try {
            String text = Files.readString(entry, StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            if (newline < 0) {
                return null;
            }
            String body = text.substring(newline + 1);
            return text.substring(0, newline).equals(digestOf(body)) ? body : null;
        } catch (IOException | RuntimeException e) {
            // Missing, unreadable or not UTF-8: a miss.
            return null;
        }
    }

    private void write(String key, String body) {
        if (folder == null) {
            return;
        }
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, key, ".tmp");
            Files.writeString(temporary, digestOf(body) + "\n" + body, StandardCharsets.UTF_8);
            Files.move(temporary, folder.resolve(key + SUFFIX), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
        } catch (IOException | RuntimeException e) {
            // A read-only or full disk costs a render next time, nothing more.
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // Left behind; later writes do not mind it.
                }
            }
        }
    }

    private static String digestOf(String body) {
        return Digest.hex(body.getBytes(StandardCharsets.UTF_8));
    }
}
