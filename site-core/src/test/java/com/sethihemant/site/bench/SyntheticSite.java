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
 * seed always give the same bytes. With figures, one post in ten also has a PlantUML sequence
 * diagram, a display formula and an inline one, and a chart of a CSV file beside it, each its own
 * (so an empty figure cache renders every one).
 */
public final class SyntheticSite {

    private static final String[] WORDS = ("storage cache gpu tensor kernel network latency throughput replica quorum "
            + "shard partition object file block metadata client server request batch stream checkpoint dataset "
            + "loader prefetch bandwidth queue node cluster scheduler training inference epoch").split(" ");
    private static final String[] TAGS = {"storage", "gpu", "caching", "kubernetes", "distributed-systems",
            "benchmarks", "rdma", "databases", "networking", "paper-notes", "java", "go"};

    private SyntheticSite() {
    }

    /** Writes {@code site.yml}, a home page and {@code posts} posts under {@code root}, without figures. */
    public static void write(Path root, int posts) throws IOException {
        write(root, posts, false);
    }

    /**
     * Writes {@code site.yml}, a home page and {@code posts} posts under {@code root}; with
     * {@code figures}, every post whose number ends in 0 has a diagram, formulas and a chart. The
     * posts' other text is the same either way.
     */
    public static void write(Path root, int posts, boolean figures) throws IOException {
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
            String text = post(i, random);
            if (figures && hasFigures(i)) {
                Files.writeString(root.resolve(String.format("content/blog/post-%05d.csv", i)), data(i));
                text = text + figures(i);
            }
            Files.writeString(post(root, i), text);
        }
    }

    /** The path of post {@code i}, for edits. */
    public static Path post(Path root, int i) {
        return root.resolve(String.format("content/blog/post-%05d.adoc", i));
    }

    /** Whether post {@code i} has figures, in a site written with them. */
    public static boolean hasFigures(int i) {
        return i % 10 == 0;
    }

    /**
     * The figures of post {@code i}: a section with a sequence diagram, a LaTeX block and an
     * AsciiMath formula, and a chart of its CSV. {@code participant} names the diagram's third
     * participant, which an edit in the preview benchmark changes.
     */
    public static String figures(int i, String participant) {
        return """
                == Figures of run %1$d

                .Reads of run %1$d
                [plantuml]
                ----
                participant Trainer
                participant "Cache %1$d" as Cache
                database "%2$s" as Store
                Trainer -> Cache: read(shard %1$d)
                alt hit
                  Cache --> Trainer: bytes
                else miss
                  Cache -> Store: GET shard %1$d
                  Store --> Cache: %1$d MiB
                  Cache --> Trainer: bytes
                end
                ----

                The aggregate rate of stem:[N_(%1$d)] readers, each at asciimath:[r_i = %1$d / t]:

                [latexmath]
                ++++
                \\begin{aligned}
                R_{%1$d} &= \\sum_{i=1}^{N} r_i \\\\
                  &\\le \\frac{C_{\\text{net}}}{8} = %1$d\\,\\mathrm{GiB/s}
                \\end{aligned}
                ++++

                .Throughput of run %1$d
                chart::post-%3$s.csv[type=line,x=block_size_kib,y=throughput_mib_s,series=jobs,x-scale=log2,x-unit=KiB,y-unit=MiB/s,y-low=min_mib_s,y-high=max_mib_s]
                """.formatted(i, participant, String.format("%05d", i));
    }

    private static String figures(int i) {
        return figures(i, "Object store");
    }

    /** A fio-like sweep for post {@code i}'s chart: block sizes 4 to 1024 KiB, 1 and 4 jobs. */
    private static String data(int i) {
        StringBuilder csv = new StringBuilder("block_size_kib,jobs,throughput_mib_s,min_mib_s,max_mib_s\n");
        for (int jobs : new int[] {1, 4}) {
            for (int size = 4; size <= 1024; size *= 4) {
                double mib = Math.min(3200, (size * 12.0 + i) * jobs);
                csv.append(size).append(',').append(jobs).append(',').append(String.format(java.util.Locale.ROOT, "%.1f", mib))
                        .append(',').append(String.format(java.util.Locale.ROOT, "%.1f", mib * 0.97)).append(',')
                        .append(String.format(java.util.Locale.ROOT, "%.1f", mib * 1.02)).append('\n');
            }
        }
        return csv.toString();
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
