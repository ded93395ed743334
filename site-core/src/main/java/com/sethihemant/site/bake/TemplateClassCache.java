package com.sethihemant.site.bake;

import com.sethihemant.site.Digest;

import groovy.lang.GroovySystem;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The theme's compiled template classes, kept on disk between runs: a bake in a fresh JVM then
 * loads the classes instead of starting Groovy's compiler, which costs seconds of CPU before it is
 * warm. An entry is keyed by everything its bytecode depends on (the template sources, the Groovy
 * and Java versions, and the code that configures the compiler and is the templates' base class),
 * so a template edit or an upgrade is a miss, never a stale hit.
 *
 * <p>The cache can only make a bake faster: an entry that is missing, unreadable or damaged is a
 * miss, and a failure to write one is ignored. Entries are zip files, one per key, written to a
 * temporary file and moved into place, so a reader never sees half an entry.
 */
final class TemplateClassCache {

    /** No cache: every bake compiles the theme (tests, and sites without a build folder). */
    static final TemplateClassCache NONE = new TemplateClassCache(null);

    /** Changes whenever the layout of an entry does. */
    private static final String FORMAT = "template-classes 1";
    private static final String SUFFIX = ".classes";

    private final Path folder;

    private TemplateClassCache(Path folder) {
        this.folder = folder;
    }

    /** A cache in {@code folder}, created when the first entry is written; {@code null} means none. */
    static TemplateClassCache in(Path folder) {
        return folder == null ? NONE : new TemplateClassCache(folder.toAbsolutePath().normalize());
    }

    /**
     * The key of a theme's classes, or empty (no caching) if the code that compiles them cannot
     * be read to be part of the key.
     *
     * @param sources each template's path relative to the templates folder, and its bytes
     * @param locale  the locale the templates are resolved for
     */
    static Optional<String> key(SortedMap<String, byte[]> sources, String locale) {
        StringBuilder all = new StringBuilder(FORMAT).append('\n')
                .append("groovy ").append(GroovySystem.getVersion()).append('\n')
                .append("java ").append(Runtime.version().feature()).append('\n')
                .append("locale ").append(locale).append('\n');
        for (Class<?> compiler : new Class<?>[] {Templates.class, HtmlTemplate.class}) {
            Optional<byte[]> bytes = classBytes(compiler);
            if (bytes.isEmpty()) {
                return Optional.empty();
            }
            all.append(compiler.getName()).append(' ').append(Digest.hex(bytes.get())).append('\n');
        }
        sources.forEach((path, bytes) -> all.append(path).append(' ').append(Digest.hex(bytes)).append('\n'));
        return Optional.of(Digest.hex(all.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The classes stored under {@code key}: for each template path, its classes by name.
     * Empty when there is no such entry or it cannot be read.
     */
    Optional<Map<String, Map<String, byte[]>>> read(String key) {
        if (folder == null) {
            return Optional.empty();
        }
        Path entry = folder.resolve(key + SUFFIX);
        if (!Files.isRegularFile(entry)) {
            return Optional.empty();
        }
        Map<String, Map<String, byte[]>> templates = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(entry.toFile())) {
            for (ZipEntry file : Collections.list(zip.entries())) {
                // "partials/head.tpl/head$_run_closure1.class": the template, then one of its classes.
                String name = file.getName();
                int slash = name.lastIndexOf('/');
                if (slash < 0 || !name.endsWith(".class")) {
                    return Optional.empty();
                }
                try (InputStream in = zip.getInputStream(file)) {
                    templates.computeIfAbsent(name.substring(0, slash), t -> new LinkedHashMap<>())
                            .put(name.substring(slash + 1, name.length() - ".class".length()), in.readAllBytes());
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(templates);
    }

    /**
     * Stores {@code templates} under {@code key} and removes the entries of other keys, which
     * belong to earlier versions of the theme. Failures are ignored: the next bake compiles again.
     */
    void write(String key, Map<String, Map<String, byte[]>> templates) {
        if (folder == null) {
            return;
        }
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, key, ".tmp");
            try (OutputStream file = Files.newOutputStream(temporary); ZipOutputStream zip = new ZipOutputStream(file)) {
                for (Map.Entry<String, Map<String, byte[]>> template : templates.entrySet()) {
                    for (Map.Entry<String, byte[]> type : template.getValue().entrySet()) {
                        zip.putNextEntry(new ZipEntry(template.getKey() + "/" + type.getKey() + ".class"));
                        zip.write(type.getValue());
                        zip.closeEntry();
                    }
                }
            }
            Files.move(temporary, folder.resolve(key + SUFFIX), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
            try (Stream<Path> files = Files.list(folder)) {
                for (Path old : files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)
                        && !p.getFileName().toString().equals(key + SUFFIX)).toList()) {
                    Files.deleteIfExists(old);
                }
            }
        } catch (IOException | RuntimeException e) {
            // A read-only or full disk costs a compile next time, nothing more.
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // Left behind in the cache folder; the next successful write does not mind it.
                }
            }
        }
    }

    private static Optional<byte[]> classBytes(Class<?> type) {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
