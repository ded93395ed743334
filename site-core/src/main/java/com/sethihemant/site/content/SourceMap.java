package com.sethihemant.site.content;

import com.sethihemant.site.JsonStrings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The file that tells which source each baked page came from, so that {@code check-links} can
 * name the {@code .adoc} file (and line) of a problem it finds in the HTML. It is written into the
 * site's folder as {@value #PATH}: a dot file, which GitHub Pages' upload leaves out, so it is
 * never published. Its form, version 1:
 *
 * <pre>
 * {"version": 1, "pages": {"about/index.html": "site-content/src/main/jbake/content/about.adoc", ...}}
 * </pre>
 *
 * Page paths are relative to the site's folder; sources are relative to the project's root, with
 * {@code /} separators, and sorted, so two bakes of the same sources write the same bytes.
 */
public final class SourceMap {

    /** Where the map is written, relative to the site's folder. */
    public static final String PATH = ".sources.json";

    private SourceMap() {
    }

    /** The map of the documents' pages to their sources, as UTF-8 JSON. */
    public static byte[] write(Path root, List<Document> documents) {
        Map<String, String> pages = new TreeMap<>();
        Path base = root.toAbsolutePath().normalize();
        for (Document document : documents) {
            Path source = document.source().toAbsolutePath().normalize();
            String shown = source.startsWith(base) ? base.relativize(source).toString() : source.toString();
            pages.put(Routes.outputPath(document.url()), shown.replace('\\', '/'));
        }
        StringBuilder json = new StringBuilder("{\"version\": 1, \"pages\": {");
        boolean first = true;
        for (Map.Entry<String, String> page : pages.entrySet()) {
            json.append(first ? "\n  " : ",\n  ");
            JsonStrings.quote(page.getKey(), json);
            json.append(": ");
            JsonStrings.quote(page.getValue(), json);
            first = false;
        }
        json.append(first ? "}}\n" : "\n}}\n");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
