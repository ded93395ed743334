package com.sethihemant.site.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a deterministic site of N realistic posts (about 860 words each, with headings, lists,
 * two code blocks, a table, links and three tags from a pool) for the benchmarks. The same N and
 * seed always give the same bytes.
 */
public final class SyntheticSite {

    private static final String[] WORDS = ("storage cache gpu tensor kernel network latency throughput replica quorum "
            + "shard partition object file block metadata client server request batch stream checkpoint dataset "
            + "loader prefetch bandwidth queue node cluster scheduler training inference epoch").split(" ");
    private static final String[] TAGS = {"storage", "gpu", "caching", "kubernetes", "distributed-systems",
            "benchmarks", "rdma", "databases", "networking", "paper-notes", "java", "go"};

    private SyntheticSite() {
    }

    /** Writes {@code site.yml}, a home page and {@code posts} posts under {@code root}. */
    public static void write(Path root, int posts) throws IOException {
        Files.createDirectories(root.resolve("content/blog"));
        Files.createDirectories(root.resolve("data"));
        Files.writeString(root.resolve("site.yml"), """
                title: Benchmark
                description: A synthetic site for the build benchmark.
                url: https://bench.example
                author:
                  name: Bench Author
                  email: bench@bench.example
                seriesTags: [paper-notes]
                """);
        Files.writeString(root.resolve("content/index.adoc"),
                "= Benchmark\n:jbake-type: home\n:jbake-status: published\n\nA synthetic site.\n");
        Files.writeString(root.resolve("content/404.adoc"),
                "= Not found\n:jbake-type: page\n:jbake-status: published\n\nNothing here.\n");
        Random random = new Random(42);
        for (int i = 0; i < posts; i++) {
            Files.writeString(root.resolve(String.format("content/blog/post-%05d.adoc", i)), post(i, random));
        }
    }

    /** The path of post {@code i}, for edits. */
    public static Path post(Path root, int i) {
        return root.resolve(String.format("content/blog/post-%05d.adoc", i));
    }

    static String post(int i, Random random) {
        LocalDate date = LocalDate.of(2010, 1, 1).plusDays(i * 3L);
        List<String> tags = new ArrayList<>();
        while (tags.size() < 3) {
            String tag = TAGS[random.nextInt(TAGS.length)];
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        StringBuilder text = new StringBuilder();
        text.append("= Synthetic post ").append(i).append(": ").append(words(random, 4)).append('\n')
                .append(":jbake-type: post\n:jbake-status: published\n")
                .append(":jbake-date: ").append(date).append('\n')
                .append(":jbake-tags: ").append(String.join(", ", tags)).append("\n\n");
        for (int section = 0; section < 4; section++) {
            text.append("== ").append(capitalised(words(random, 3))).append("\n\n");
            text.append(paragraph(random, 95)).append("\n\n");
            text.append(paragraph(random, 80)).append(" See https://example.org/").append(i).append('/')
                    .append(section).append("[the reference] and link:/blog/[the blog].\n\n");
            if (section == 1) {
                text.append("* ").append(words(random, 8)).append("\n* ").append(words(random, 8))
                        .append("\n* ").append(words(random, 8)).append("\n\n");
            }
            if (section < 2) {
                text.append("[source,java]\n----\nfinal class Reader").append(i).append(section).append(" {\n")
                        .append("    long read(byte[] buffer, int offset) {\n")
                        .append("        return offset + buffer.length; // ").append(words(random, 4)).append('\n')
                        .append("    }\n}\n----\n\n");
            }
            if (section == 2) {
                text.append("|===\n|Setup |Throughput |Latency\n\n|local |").append(random.nextInt(900) + 100)
                        .append(" MB/s |").append(random.nextInt(90) + 10).append(" ms\n|remote |")
                        .append(random.nextInt(900) + 100).append(" MB/s |").append(random.nextInt(90) + 10)
                        .append(" ms\n|===\n\n");
            }
        }
        return text.toString();
    }

    private static String paragraph(Random random, int words) {
        return capitalised(words(random, words)) + ".";
    }

    private static String words(Random random, int count) {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                words.append(' ');
            }
            words.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return words.toString();
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
