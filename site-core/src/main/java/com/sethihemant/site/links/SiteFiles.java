package com.sethihemant.site.links;

import com.sethihemant.site.SiteException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files of a baked site, listed once. Lookups compare names exactly, so a link whose case
 * differs from the file's fails here as it will on a case-sensitive host, even on macOS.
 */
final class SiteFiles {

    private final Path root;
    private final Set<String> files;
    private final List<String> pages;
    private final List<String> styleSheets;

    private SiteFiles(Path root, Set<String> files, List<String> pages, List<String> styleSheets) {
        this.root = root;
        this.files = files;
        this.pages = pages;
        this.styleSheets = styleSheets;
    }

    /**
     * Lists every regular file under {@code root}.
     *
     * @throws SiteException when the folder does not exist or cannot be read
     */
    static SiteFiles scan(Path root) {
        if (!Files.isDirectory(root)) {
            throw SiteException.usage(root, "is not a folder; bake the site first (./mvnw package) or name the baked site's folder");
        }
        Set<String> files = new HashSet<>();
        List<String> pages = new ArrayList<>();
        List<String> styleSheets = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).map(file -> relative(root, file)).sorted().forEach(name -> {
                files.add(nfc(name));
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".html") || lower.endsWith(".htm")) {
                    pages.add(name);
                } else if (lower.endsWith(".css")) {
                    styleSheets.add(name);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw SiteException.io(root, "cannot be listed", e);
        }
        return new SiteFiles(root, files, pages, styleSheets);
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /** Names are compared in Unicode NFC, as macOS stores them decomposed and links are usually composed. */
    private static String nfc(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC);
    }

    boolean exists(String relativePath) {
        return files.contains(nfc(relativePath));
    }

    /** The HTML pages, sorted by path. */
    List<String> pages() {
        return pages;
    }

    /** The style sheets, sorted by path. */
    List<String> styleSheets() {
        return styleSheets;
    }

    Path file(String relativePath) {
        return root.resolve(relativePath);
    }

    static boolean isHtml(String relativePath) {
        String lower = relativePath.toLowerCase(Locale.ROOT);
        return lower.endsWith(".html") || lower.endsWith(".htm");
    }
}
