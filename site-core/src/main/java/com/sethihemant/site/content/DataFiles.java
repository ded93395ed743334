package com.sethihemant.site.content;

import com.sethihemant.site.Problem;
import com.sethihemant.site.SiteException;
import com.sethihemant.site.config.DataSchema;
import com.sethihemant.site.config.YamlNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The YAML files of the data folder, given to templates as {@code data['reading-list']} and so on.
 * A list the site declares a {@link DataSchema} for ({@code dataFiles} in {@code site.yml}) is
 * checked against it, so that a typo fails the build with its line instead of rendering an empty
 * list; any other file is given as it is.
 */
public final class DataFiles {

    private DataFiles() {
    }

    /**
     * Loads every {@code *.yml} file of {@code folder}; a {@code null} folder has no data.
     *
     * @param schemas the declared lists, by file name without {@code .yml}; each must exist
     */
    public static Map<String, Object> load(Path folder, Map<String, DataSchema> schemas) {
        if (folder == null) {
            if (!schemas.isEmpty()) {
                throw SiteException.usage(null, "site.yml declares the data files " + schemas.keySet()
                        + " under dataFiles, but the site has no data folder");
            }
            return Map.of();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw SiteException.io(folder, "cannot list the data folder", e);
        }
        Map<String, Object> data = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString().replaceFirst("\\.yml$", "");
            try {
                data.put(name, read(YamlNode.load(file), schemas.get(name)));
            } catch (SiteException e) {
                problems.addAll(e.problems());
            }
        }
        for (String declared : new TreeSet<>(schemas.keySet())) {
            if (!data.containsKey(declared) && problems.stream().noneMatch(p -> folder.resolve(declared + ".yml").equals(p.file()))) {
                problems.add(Problem.at(folder.resolve(declared + ".yml"), "is missing; site.yml declares it under"
                        + " dataFiles, so create it (an empty list is written [])"));
            }
        }
        if (!problems.isEmpty()) {
            throw SiteException.content(problems);
        }
        return Collections.unmodifiableMap(data);
    }

    private static Object read(YamlNode root, DataSchema schema) {
        if (schema == null) {
            return root.toJava();
        }
        String fields = schema.fields().stream().map(DataSchema.Field::name).collect(Collectors.joining(", "));
        if (!root.isSequence()) {
            // An empty list is written "[]"; a bare comment-only file is an error from YamlNode.
            throw root.error("must be a list of entries, each with the fields " + fields);
        }
        Set<String> allowed = schema.fields().stream().map(DataSchema.Field::name).collect(Collectors.toSet());
        List<Map<String, Object>> entries = new ArrayList<>();
        for (YamlNode item : root.items()) {
            YamlNode.Fields values = item.fields(allowed);
            Map<String, Object> entry = new LinkedHashMap<>();
            for (DataSchema.Field field : schema.fields()) {
                YamlNode value = field.required() ? values.required(field.name()) : values.optional(field.name()).orElse(null);
                if (value != null) {
                    entry.put(field.name(), field.type().read(value));
                }
            }
            entries.add(Collections.unmodifiableMap(entry));
        }
        return List.copyOf(entries);
    }
}
