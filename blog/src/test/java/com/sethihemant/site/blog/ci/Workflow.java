package com.sethihemant.site.blog.ci;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A GitHub Actions workflow file as YAML nodes, which keep their line numbers, and as raw lines,
 * which keep the comments the nodes drop (an action pin's version lives in one). Composing
 * rather than loading also keeps every value as written: {@code on} stays a key, not YAML 1.1's
 * boolean true.
 */
final class Workflow {

    private final Path file;
    private final List<String> lines;
    private final MappingNode root;

    private Workflow(Path file, List<String> lines, MappingNode root) {
        this.file = file;
        this.lines = lines;
        this.root = root;
    }

    /** Reads and parses a workflow; a file that is not a YAML mapping is a {@link Violation}. */
    static Workflow read(Path file) throws Violation.Found {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Node node;
        try {
            node = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new Violation.Found(new Violation(file, line, "yaml",
                    "not valid YAML: " + e.getProblem() + "; GitHub would reject the workflow"));
        }
        if (!(node instanceof MappingNode mapping)) {
            throw new Violation.Found(new Violation(file, 1, "yaml", "not a workflow: the file must be a YAML mapping"));
        }
        return new Workflow(file, text.lines().toList(), mapping);
    }

    Path file() {
        return file;
    }

    MappingNode root() {
        return root;
    }

    /** The raw text of a 1-based line, comments included. */
    String line(int number) {
        return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
    }

    /** The 1-based line a node starts on. */
    static int lineOf(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /** The node under {@code key} of a mapping node, if the node is a mapping and has it. */
    static Optional<Node> get(Node mapping, String key) {
        if (mapping instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return Optional.of(tuple.getValueNode());
                }
            }
        }
        return Optional.empty();
    }

    /** The key node of {@code key}, for reporting a line where the key is. */
    static Optional<Node> keyNode(Node mapping, String key) {
        if (mapping instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return Optional.of(k);
                }
            }
        }
        return Optional.empty();
    }

    /** A scalar's text, if the node is a scalar. */
    static Optional<String> text(Node node) {
        return node instanceof ScalarNode scalar ? Optional.of(scalar.getValue()) : Optional.empty();
    }

    /** The text under {@code key}, if it is a scalar. */
    static Optional<String> text(Node mapping, String key) {
        return get(mapping, key).flatMap(Workflow::text);
    }

    /** A mapping's entries as (key, value), or none when the node is not a mapping. */
    static List<NodeTuple> entries(Node node) {
        return node instanceof MappingNode map ? map.getValue() : List.of();
    }

    /** A sequence's items, or none when the node is not a sequence. */
    static List<Node> items(Node node) {
        return node instanceof SequenceNode sequence ? sequence.getValue() : List.of();
    }

    /** Each job, by its id. */
    List<Job> jobs() {
        List<Job> jobs = new ArrayList<>();
        get(root, "jobs").ifPresent(node -> {
            for (NodeTuple tuple : entries(node)) {
                jobs.add(new Job(text(tuple.getKeyNode()).orElse("?"), tuple.getKeyNode(), tuple.getValueNode()));
            }
        });
        return jobs;
    }

    /**
     * One job of the workflow.
     *
     * @param id   its id under {@code jobs:}
     * @param key  the id's node, for its line
     * @param body the job's mapping
     */
    record Job(String id, Node key, Node body) {
        List<Node> steps() {
            return get(body, "steps").map(Workflow::items).orElse(List.of());
        }
    }
}
