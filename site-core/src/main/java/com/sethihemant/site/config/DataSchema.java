package com.sethihemant.site.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The shape of one list in the data folder, as {@code site.yml} declares it under
 * {@code dataFiles}: the fields each entry may have, with their type and whether they are
 * required. For example:
 * <pre>
 * dataFiles:
 *   talks:
 *     title: required text
 *     date: required date
 *     slides: url
 * </pre>
 *
 * @param name   the file's name without {@code .yml}
 * @param fields each entry's fields, in the order templates receive them
 */
public record DataSchema(String name, List<Field> fields) {

    public DataSchema {
        fields = List.copyOf(fields);
    }

    /** A field: its name, its type and whether every entry must have it. */
    public record Field(String name, Type type, boolean required) {
    }

    /** What a field holds, and how it is checked. */
    public enum Type {
        /** Text, not blank. */
        TEXT,
        /** A date written YYYY-MM-DD, given to templates as a {@code LocalDate}. */
        DATE,
        /** A web address starting with https:// or http://. */
        URL,
        /** A path on this site, such as {@code /blog/2026/dynamo/}. */
        PATH;

        /** Reads a value of this type; the text that templates receive, or a date. */
        public Object read(YamlNode value) {
            return switch (this) {
                case TEXT -> value.nonBlank();
                case DATE -> value.date();
                case URL -> value.url(Set.of("https", "http")).toString();
                case PATH -> value.sitePath();
            };
        }
    }

    private static final Map<String, Type> TYPES = types();

    /** Reads one schema: a mapping of field names to "[required] text|date|url|path". */
    static DataSchema read(String name, YamlNode node) {
        List<Field> fields = new ArrayList<>();
        node.entries().forEach((field, value) -> {
            String[] words = value.nonBlank().split("\\s+");
            boolean required = words.length == 2 && words[0].equals("required");
            if (words.length > 2 || words.length == 2 && !required) {
                throw value.error("must be a type (" + String.join(", ", TYPES.keySet())
                        + "), optionally after 'required', such as 'required text'");
            }
            Type type = TYPES.get(words[words.length - 1]);
            if (type == null) {
                throw value.error("names the unknown type '" + words[words.length - 1] + "'; use one of "
                        + String.join(", ", TYPES.keySet()));
            }
            fields.add(new Field(field, type, required));
        });
        if (fields.isEmpty()) {
            throw node.error("declares no fields");
        }
        return new DataSchema(name, fields);
    }

    private static Map<String, Type> types() {
        Map<String, Type> types = new LinkedHashMap<>();
        for (Type type : Type.values()) {
            types.put(type.name().toLowerCase(Locale.ROOT), type);
        }
        return types;
    }
}
