package com.sethihemant.site.content;

import com.sethihemant.site.Problem;
import com.sethihemant.site.SiteException;
import com.sethihemant.site.config.YamlNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The YAML files of the data folder, given to templates as {@code data['reading-list']} and so on.
 * Files the theme relies on have a schema, checked here so that a typo fails the build with its
 * line instead of rendering an empty list.
 */
public final class DataFiles {

    /** The fields of each entry of a known list file; a leading '*' marks a required field. */
    private static final Map<String, List<String>> SCHEMAS = Map.of(
            "reading-list", List.of("*title", "*venue", "year", "*url", "note"),
            "talks", List.of("*title", "*event", "*date", "url", "slides", "video"));

    private DataFiles() {
    }

    /** Loads every {@code *.yml} file of {@code folder}; a {@code null} folder has no data. */
    public static Map<String, Object> load(Path folder) {
        if (folder == null) {
            return Map.of();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw SiteException.usage(folder, "cannot list the data folder: " + e.getMessage());
        }
        Map<String, Object> data = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString().replaceFirst("\\.yml$", "");
            try {
                data.put(name, read(name, YamlNode.load(file)));
            } catch (SiteException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new SiteException(problems, com.sethihemant.site.ExitCodes.SITE_PROBLEM);
        }
        return java.util.Collections.unmodifiableMap(data);
    }

    private static Object read(String name, YamlNode root) {
        List<String> schema = SCHEMAS.get(name);
        if (schema == null) {
            return root.toJava();
        }
        if (!root.isSequence()) {
            // An empty list is written "[]"; a bare comment-only file is an error from YamlNode.
            throw root.error("must be a list of entries, each with " + schema);
        }
        Set<String> allowed = new java.util.HashSet<>();
        schema.forEach(f -> allowed.add(f.replace("*", "")));
        List<Map<String, Object>> entries = new ArrayList<>();
        for (YamlNode item : root.items()) {
            YamlNode.Fields fields = item.fields(allowed);
            Map<String, Object> entry = new LinkedHashMap<>();
            for (String field : schema) {
                String key = field.replace("*", "");
                YamlNode value = field.startsWith("*") ? fields.required(key) : fields.optional(key).orElse(null);
                if (value == null) {
                    continue;
                }
                String text = value.text().strip();
                if (text.isEmpty()) {
                    throw value.error("must not be empty");
                }
                if (key.equals("date")) {
                    try {
                        entry.put(key, LocalDate.parse(text));
                    } catch (DateTimeParseException e) {
                        throw value.error("must be a date written YYYY-MM-DD");
                    }
                } else if (key.equals("url") || key.equals("slides") || key.equals("video")) {
                    if (!text.startsWith("https://") && !text.startsWith("http://")) {
                        throw value.error("must be a full web address starting with https://");
                    }
                    entry.put(key, text);
                } else if (key.equals("note")) {
                    if (!text.startsWith("/")) {
                        throw value.error("must be a path on this site, such as /blog/2026/dynamo/");
                    }
                    entry.put(key, text);
                } else {
                    entry.put(key, text);
                }
            }
            entries.add(java.util.Collections.unmodifiableMap(entry));
        }
        return List.copyOf(entries);
    }
}
