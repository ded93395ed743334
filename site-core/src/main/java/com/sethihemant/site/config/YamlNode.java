package com.sethihemant.site.config;

import com.sethihemant.site.SiteException;
import com.sethihemant.site.TextFiles;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A node of a YAML file that remembers where it came from, so every complaint about a value can
 * name the file and the line. Reading is strict: duplicate keys, unknown keys and wrong types are
 * errors, never silently ignored.
 */
public final class YamlNode {

    private final Path file;
    private final Node node;
    private final String path;

    private YamlNode(Path file, Node node, String path) {
        this.file = file;
        this.node = node;
        this.path = path;
    }

    /** Parses a UTF-8 YAML file; an empty file is an error because every file here has a purpose. */
    public static YamlNode load(Path file) {
        String text = TextFiles.readUtf8(file);
        return parse(file, text);
    }

    /**
     * Parses YAML text; {@code file} only names the source in error messages. Duplicate keys are
     * reported when a mapping is read, with the line of the second occurrence.
     */
    public static YamlNode parse(Path file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        Node root;
        try (Reader reader = new StringReader(text)) {
            root = yaml.compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw SiteException.content(file, line, "is not valid YAML: " + what);
        } catch (YAMLException | IOException e) {
            throw SiteException.content(file, 0, "is not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw SiteException.content(file, 0, "is empty; it should hold YAML data or be deleted");
        }
        return new YamlNode(file, root, "");
    }

    public Path file() {
        return file;
    }

    /** The 1-based line where this node starts. */
    public int line() {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    /** Where this value sits in the document, such as {@code author.email} or {@code nav[2].url}. */
    public String path() {
        return path.isEmpty() ? "(top level)" : path;
    }

    /** The documented default of {@code key}, as a node the same validators read. */
    static YamlNode ofDefault(Key key) {
        if (key.defaultValue().isBlank()) {
            return new YamlNode(null, new ScalarNode(Tag.STR, "", null, null, DumperOptions.ScalarStyle.PLAIN),
                    key.name());
        }
        YamlNode parsed = parse(Path.of("(the default of " + key.name() + ")"), key.defaultValue());
        return new YamlNode(parsed.file, parsed.node, key.name());
    }

    public SiteException error(String message) {
        return SiteException.content(file, line(), "'" + path() + "' " + message);
    }

    public boolean isSequence() {
        return node instanceof SequenceNode;
    }

    /** The entries of a mapping, in file order. */
    public Map<String, YamlNode> entries() {
        if (!(node instanceof MappingNode mapping)) {
            throw error("must be a mapping of keys to values");
        }
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw new YamlNode(file, tuple.getKeyNode(), path).error("has a key that is not a plain name");
            }
            String childPath = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
            if (entries.containsKey(key.getValue())) {
                throw new YamlNode(file, key, childPath).error("appears twice; keep one");
            }
            entries.put(key.getValue(), new YamlNode(file, tuple.getValueNode(), childPath));
        }
        return entries;
    }

    /** The items of a sequence, in file order. */
    public List<YamlNode> items() {
        if (!(node instanceof SequenceNode sequence)) {
            throw error("must be a list");
        }
        List<YamlNode> items = new ArrayList<>();
        List<Node> values = sequence.getValue();
        for (int i = 0; i < values.size(); i++) {
            items.add(new YamlNode(file, values.get(i), path + "[" + i + "]"));
        }
        return items;
    }

    /** Reads a mapping whose keys must all be among {@code allowed}. */
    public Fields fields(Set<String> allowed) {
        Map<String, YamlNode> entries = entries();
        for (Map.Entry<String, YamlNode> entry : entries.entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                throw entry.getValue().error("is not a known key here; expected one of " + new TreeSet<>(allowed));
            }
        }
        return new Fields(this, entries);
    }

    /** A scalar as text. Numbers and booleans are accepted as their written form. */
    public String text() {
        if (!(node instanceof ScalarNode scalar) || node.getTag().equals(Tag.NULL)) {
            throw error("must be a single value, not " + kind());
        }
        return scalar.getValue();
    }

    /** Text that is not blank, without surrounding white space. */
    public String nonBlank() {
        String text = text().strip();
        if (text.isEmpty()) {
            throw error("must not be empty");
        }
        return text;
    }

    /** A whole number of at least {@code min}. */
    public int integerAtLeast(int min) {
        int value = integer();
        if (value < min) {
            throw error(min == 0 ? "must not be negative" : "must be at least " + min);
        }
        return value;
    }

    /** A whole number of at least 1. */
    public int positive() {
        return integerAtLeast(1);
    }

    /** A duration written as a whole number and a unit, such as {@code 250ms}, {@code 20s} or {@code 1d} ({@link Durations}). */
    public Duration duration() {
        String text = text();
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw error("must be a duration, a whole number and a unit such as 250ms, 20s, 10m, 2h or 1d, not '"
                    + text + "'");
        }
    }

    /** A duration longer than zero. */
    public Duration positiveDuration() {
        Duration duration = duration();
        if (duration.isZero()) {
            throw error("must be longer than zero");
        }
        return duration;
    }

    /** A date written YYYY-MM-DD. */
    public LocalDate date() {
        String text = nonBlank();
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw error("must be a date written YYYY-MM-DD, such as 2026-11-23, not '" + text + "'");
        }
    }

    /**
     * An absolute address with one of {@code schemes} (and a host, for web addresses), such as
     * {@code https://example.org/page}.
     */
    public URI url(Set<String> schemes) {
        String text = nonBlank();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw error("is not a valid address: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean web = scheme.equals("http") || scheme.equals("https");
        if (!uri.isAbsolute() || !schemes.contains(scheme) || web && uri.getHost() == null) {
            throw error("must be a full address starting with " + String.join(" or ",
                    schemes.stream().sorted().map(s -> s.equals("mailto") ? "mailto:" : s + "://").toList()));
        }
        return uri;
    }

    /** A path on this site, such as {@code /blog/}: it starts with one '/', not two. */
    public String sitePath() {
        String path = nonBlank();
        if (!path.startsWith("/") || path.startsWith("//")) {
            throw error("must be a path on this site starting with '/', such as /blog/");
        }
        return path;
    }

    /** One of a fixed set of written values, such as HEAD or GET, and what it stands for. */
    public <T> T oneOf(Map<String, T> choices) {
        String text = text().strip();
        T value = choices.get(text);
        if (value == null) {
            throw error("must be one of " + String.join(", ", choices.keySet()) + ", not '" + text + "'");
        }
        return value;
    }

    public int integer() {
        if (!(node instanceof ScalarNode) || !node.getTag().equals(Tag.INT)) {
            throw error("must be a whole number");
        }
        try {
            return Integer.parseInt(((ScalarNode) node).getValue());
        } catch (NumberFormatException e) {
            throw error("must be a whole number that fits in 32 bits");
        }
    }

    public boolean bool() {
        if (!(node instanceof ScalarNode) || !node.getTag().equals(Tag.BOOL)) {
            throw error("must be true or false");
        }
        return Boolean.parseBoolean(((ScalarNode) node).getValue());
    }

    private String kind() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return node.getTag().equals(Tag.NULL) ? "an empty value" : "a value";
    }

    /** A plain Java view (maps, lists, strings, numbers, booleans) for templates. */
    public Object toJava() {
        if (node instanceof MappingNode) {
            Map<String, Object> map = new LinkedHashMap<>();
            entries().forEach((k, v) -> map.put(k, v.toJava()));
            return Collections.unmodifiableMap(map);
        }
        if (node instanceof SequenceNode) {
            return items().stream().map(YamlNode::toJava).toList();
        }
        ScalarNode scalar = (ScalarNode) node;
        Tag tag = node.getTag();
        if (tag.equals(Tag.NULL)) {
            return null;
        }
        if (tag.equals(Tag.INT)) {
            return Long.parseLong(scalar.getValue());
        }
        if (tag.equals(Tag.BOOL)) {
            return Boolean.parseBoolean(scalar.getValue());
        }
        return scalar.getValue();
    }

    /** The keys of one mapping, read with their requirements checked. */
    public static final class Fields {
        private final YamlNode owner;
        private final Map<String, YamlNode> entries;

        private Fields(YamlNode owner, Map<String, YamlNode> entries) {
            this.owner = owner;
            this.entries = entries;
        }

        /**
         * The value of a documented key: the file's, or else the key's default; a required key
         * that is missing is an error.
         */
        public YamlNode value(Key key) {
            YamlNode value = entries.get(key.name());
            if (value != null) {
                return value;
            }
            return key.required() ? required(key.name()) : ofDefault(key);
        }

        public YamlNode required(String key) {
            YamlNode value = entries.get(key);
            if (value == null) {
                throw SiteException.content(owner.file, owner.line(),
                        "'" + owner.path() + "' is missing the required key '" + key + "'");
            }
            return value;
        }

        public Optional<YamlNode> optional(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        public String text(String key) {
            return required(key).text();
        }

        public String text(String key, String fallback) {
            return optional(key).map(YamlNode::text).orElse(fallback);
        }

        public int integer(String key, int fallback) {
            return optional(key).map(YamlNode::integer).orElse(fallback);
        }

        public <T> List<T> list(String key, Function<YamlNode, T> reader) {
            return optional(key).map(n -> n.items().stream().map(reader).toList()).orElse(List.of());
        }
    }
}
