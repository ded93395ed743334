package com.sethihemant.site.links;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which source file each baked page came from, read from the map the bake writes into the
 * site's folder ({@code .sources.json}; see {@code content.SourceMap}), and where in that source
 * a link is written. Sources are named relative to the project's root, which is found as the
 * nearest folder above the site (or the working folder) that holds them.
 */
final class PageSources {

    /** Where the bake writes the map, relative to the site's folder. */
    static final String FILE = ".sources.json";

    private final Map<String, String> sources;
    private final Path root;
    private final Map<String, String> texts = new HashMap<>();

    private PageSources(Map<String, String> sources, Path root) {
        this.sources = sources;
        this.root = root;
    }

    static PageSources none() {
        return new PageSources(Map.of(), null);
    }

    /** Reads the site's map; a site without one (not baked by this project) has no sources, and that is fine. */
    static PageSources load(Path site, List<String> notices) {
        Path file = site.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return none();
        }
        Map<String, String> sources = new HashMap<>();
        try {
            Map<?, ?> top = (Map<?, ?>) Json.parse(Files.readString(file, StandardCharsets.UTF_8));
            ((Map<?, ?>) top.get("pages")).forEach((page, source) -> sources.put((String) page, (String) source));
        } catch (IOException | Json.JsonException | RuntimeException e) {
            notices.add(file + " could not be read (" + e.getMessage() + "); findings name the HTML page only");
            return none();
        }
        Path root = findRoot(site, sources);
        if (root == null && !sources.isEmpty()) {
            notices.add("the sources that " + file + " names are not under the site's folder or the working folder;"
                    + " findings name them without a line");
        }
        return new PageSources(sources, root);
    }

    /** The folder the sources are relative to: the working folder, or the nearest folder above the site. */
    private static Path findRoot(Path site, Map<String, String> sources) {
        if (sources.isEmpty()) {
            return null;
        }
        String probe = sources.values().iterator().next();
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("").toAbsolutePath());
        for (Path p = site.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            candidates.add(p);
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate.resolve(probe))) {
                return candidate;
            }
        }
        return null;
    }

    /** The source of a page, relative to the project's root, or {@code null}. */
    String sourceOf(String page) {
        return sources.get(page);
    }

    /**
     * The line of a page's source where a link is written (its text as written, then the URL it
     * resolves to, then its last path segment), or 0 when it is not there (a link of the theme).
     */
    int lineOf(String page, Link link) {
        String source = sources.get(page);
        if (source == null || root == null) {
            return 0;
        }
        String text = texts.computeIfAbsent(source, s -> {
            try {
                return Files.readString(root.resolve(s), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                return "";
            }
        });
        String raw = link.raw().strip();
        List<String> needles = new ArrayList<>();
        needles.add(raw);
        if (link.url() != null) {
            needles.add(link.url());
        }
        int hash = raw.indexOf('#');
        String path = hash >= 0 ? raw.substring(0, hash) : raw;
        if (!path.isEmpty() && !path.equals("/")) {
            needles.add(path);
        }
        for (String needle : needles) {
            if (needle.length() < 2) {
                continue;
            }
            int at = text.indexOf(needle);
            if (at >= 0) {
                return new Lines(text).before(at) + 1;
            }
        }
        return 0;
    }
}
