package com.sethihemant.site.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A documented key of one of the site's YAML files: its name, its default as it would be written
 * in the file ({@code null} when the key is required) and what it does. The default is read with
 * the same rules as a value from the file ({@link YamlNode.Fields#value(Key)}), so the documented
 * default is the one the code uses.
 */
public record Key(String name, String defaultValue, String description) {

    public boolean required() {
        return defaultValue == null;
    }

    /** The keys of one mapping, by name, in the order given. */
    public static Map<String, Key> table(Key... keys) {
        Map<String, Key> table = new LinkedHashMap<>();
        for (Key key : keys) {
            if (table.put(key.name(), key) != null) {
                throw new IllegalArgumentException("the key '" + key.name() + "' is listed twice");
            }
        }
        return Collections.unmodifiableMap(table);
    }
}
