package com.sethihemant.site.bench;

import com.sethihemant.site.bake.BakeOptions;
import com.sethihemant.site.bake.Baker;
import com.sethihemant.site.bake.Site;
import com.sethihemant.site.bake.SiteSources;
import com.sethihemant.site.content.ContentParser;
import com.sun.management.OperatingSystemMXBean;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogManager;
import java.util.stream.Collectors;

/**
 * Bakes N synthetic posts with this project's pipeline, with stock JBake 2.7.0 and with Hugo and
 * Asciidoctor, each run in a fresh JVM or process, alternating, and prints wall time, CPU time and
 * peak resident memory (medians), and the ratios of the other two to this project. Hugo renders the
 * same AsciiDoc with a minimal layout of its own ({@link HugoSite}; measured as {@link Hugo} says),
 * and is skipped, with a line that says how to install it, where {@code hugo} or
 * {@code asciidoctor} is not on the {@code PATH}. This project is measured three times: with
 * the theme's compiled templates and the parsed sources in their caches, as every bake after the
 * first one finds them; with the templates cached but every source parsed, as after an upgrade
 * of the parser or an edit of every post; and with both caches empty, as a fresh clone's first
 * bake. The first and the last must write the same bytes, which is checked after each run. In
 * the runs that parse every source it also edits one post five times, as an author in the
 * preview would, times the rebuild after each edit (the median, and the first, which runs least
 * warm), then five times more, each adding a paragraph at its end ("text edit", the median), and
 * checks the last result is byte-identical to a one-thread full bake of the edited sources. The
 * first edits write a new lead paragraph, which the synthetic posts (having no {@code
 * :description:}) summarise, so the listings that show the post are rendered again; a paragraph
 * at the end changes only the post's own page.
 *
 * <p>It also bakes the same posts with figures (one post in ten with a PlantUML diagram, formulas
 * and a chart; see {@link SyntheticSite}): with the figures already in the figure cache, as every
 * bake after the first finds them, and with an empty figure cache, where each is rendered; and
 * prints both against the bake without figures, measured in the same runs.
 *
 * <pre>scripts/benchmark bake [--posts 100,1000] [--runs 3] [--pipelines ours,stock,hugo]</pre>
 */
public final class BakeBenchmark {

    /**
     * The pipelines {@code --pipelines} may name: this project (with and without its caches, with
     * figures, and the edits), stock JBake, and Hugo with Asciidoctor.
     */
    private static final List<String> PIPELINES = List.of("ours", "stock", "hugo");

    /** Edits timed after the cold bake, each followed by a rebuild. */
    private static final int EDITS = 5;

    /** The JVM options the project bakes with on the Java this runs on (see ./site), class archive included. */
    static final List<String> PROJECT_JVM = projectJvm(Runtime.version().feature());

    /** What ./site gives a bake on a Java of this feature release. */
    static List<String> projectJvm(int java) {
        List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmn32m",
                "-Djruby.cli.rubygems.enable=false", "-Djruby.cli.did_you_mean.enable=false",
                "-Djruby.native.enabled=false", "-Djruby.reify.variables=false",
                "-XX:SharedArchiveFile=target/jruby.jsa", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        if (java >= 23) {
            // No warning about JRuby's use of sun.misc.Unsafe (Java 24 and newer print one).
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return List.copyOf(options);
    }

    private BakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(args);
            return;
        }
        List<Integer> sizes = List.of(100, 1000);
        int runs = 3;
        Set<String> pipelines = Set.of(PIPELINES.toArray(String[]::new));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--posts" -> sizes = Arrays.stream(args[++i].split(",")).map(Integer::parseInt).toList();
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--pipelines" -> pipelines = pipelines(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --posts 100,1000 --runs 3 --pipelines " + String.join(",", PIPELINES));
            }
        }
        boolean withOurs = pipelines.contains("ours");
        boolean withStock = pipelines.contains("stock");
        Optional<Hugo> hugo = pipelines.contains("hugo") ? Hugo.find(System.getenv("PATH")) : Optional.empty();
        Path work = Files.createTempDirectory("bake-bench");
        Path cache = work.resolve("template-classes");
        if (withOurs) {
            // One small unmeasured bake fills the template cache, as any earlier bake would have.
            Path primer = work.resolve("primer");
            SyntheticSite.write(primer, 1);
            runChild("ours", primer, work.resolve("out-primer"), null, cache, null, null);
        }
        System.out.printf("Machine: %d cores, Java %s; medians of %d runs, each in a fresh JVM or process%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), runs);
        if (pipelines.contains("hugo")) {
            if (hugo.isEmpty()) {
                System.out.println("Hugo with Asciidoctor: skipped: " + Hugo.INSTALL);
            } else {
                System.out.println("Hugo with Asciidoctor: " + hugo.get().hugo() + ", its output checked after each run; "
                        + (hugo.get().time() == null
                        ? "CPU from this JVM's child times; peak memory not measured (no /usr/bin/time: apt-get install time)"
                        : "CPU and peak memory by /usr/bin/time") + " (CPU includes each asciidoctor; peak memory is"
                        + " the largest single process, Hugo or an asciidoctor)");
            }
        }
        System.out.printf("%-6s %-24s %8s %8s %8s %10s %10s %10s%n", "posts", "pipeline", "wall s", "cpu s", "peak MB",
                "edit ms", "1st edit", "text edit");
        for (int posts : sizes) {
            Path site = work.resolve("site-" + posts);
            SyntheticSite.write(site, posts);
            Path withFigures = work.resolve("site-" + posts + "-figures");
            Path figureCache = work.resolve("figure-cache-" + posts);
            Path documents = work.resolve("document-cache-" + posts);
            if (withOurs) {
                SyntheticSite.write(withFigures, posts, true);
                // One unmeasured bake fills the figure cache, as the first bake after writing them would.
                runChild("ours", withFigures, work.resolve("out-figures"), null, cache, figureCache, null);
                // And one fills the document cache, as the previous bake of the same sources would.
                runChild("ours", site, work.resolve("out-ours"), null, cache, null, documents);
            }
            HugoSite hugoSite = hugo.isEmpty() ? null : HugoSite.write(site, work.resolve("hugo-" + posts));
            List<double[]> ours = new ArrayList<>();
            List<double[]> parsing = new ArrayList<>();
            List<double[]> compiling = new ArrayList<>();
            List<double[]> stock = new ArrayList<>();
            List<double[]> hugos = new ArrayList<>();
            List<double[]> figures = new ArrayList<>();
            List<double[]> drawing = new ArrayList<>();
            List<long[]> warm = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                // Alternate, so that a noisy neighbour on the machine hurts every pipeline alike.
                if (withOurs) {
                    ours.add(runChild("ours", site, work.resolve("out-ours"), null, cache, null, documents));
                    // The edits run after a bake that parsed every source, with Asciidoctor as warm
                    // as in the preview, which parses sources in the background once it serves.
                    parsing.add(runChild("ours", site, work.resolve("out-parsing"), warm, cache, null, null));
                    figures.add(runChild("ours", withFigures, work.resolve("out-figures"), null, cache, figureCache,
                            null));
                    Path empty = work.resolve("empty-cache-" + posts + "-" + run);
                    compiling.add(runChild("ours", site, work.resolve("out-compiling"), null, empty, null,
                            work.resolve("empty-document-cache-" + posts + "-" + run)));
                    sameFiles(work.resolve("out-ours"), work.resolve("out-compiling"));
                    Path noFigures = work.resolve("empty-figure-cache-" + posts + "-" + run);
                    drawing.add(runChild("ours", withFigures, work.resolve("out-drawing"), null, cache, noFigures,
                            null));
                }
                if (withStock) {
                    stock.add(runChild("stock", site, work.resolve("out-stock"), null, null, null, null));
                }
                if (hugoSite != null) {
                    hugos.add(hugo.get().run(hugoSite, work.resolve("out-hugo")));
                }
            }
            double[] o = withOurs ? medians(ours) : null;
            double[] p = withOurs ? medians(parsing) : null;
            double[] c = withOurs ? medians(compiling) : null;
            if (withOurs) {
                System.out.printf("%-6d %-24s %8.1f %8.1f %8.0f%n", posts, "this project", o[0], o[1], o[2]);
                System.out.printf("%-6d %-24s %8.1f %8.1f %8.0f %10d %10d %10d%n", posts, "  every source parsed", p[0],
                        p[1], p[2], median(warm, 0), median(warm, 1), median(warm, 2));
                System.out.printf("%-6d %-24s %8.1f %8.1f %8.0f%n", posts, "  empty caches", c[0], c[1], c[2]);
            }
            if (withStock) {
                double[] s = medians(stock);
                System.out.printf("%-6d %-24s %8.1f %8.1f %8.0f%n", posts, "stock JBake", s[0], s[1], s[2]);
                if (withOurs) {
                    ratios(posts, "ratio stock / this", s, o, p, c);
                }
            }
            if (!hugos.isEmpty()) {
                double[] h = medians(hugos);
                System.out.printf("%-6d %-24s %8.1f %8.1f %8.0f%n", posts, "Hugo with Asciidoctor", h[0], h[1], h[2]);
                if (withOurs) {
                    ratios(posts, "ratio Hugo / this", h, o, p, c);
                }
            }
            if (withOurs) {
                double[] f = medians(figures);
                double[] d = medians(drawing);
                System.out.printf("%-6d %-24s %8.1f %8.1f %8.0f%n", posts, "with figures", f[0], f[1], f[2]);
                System.out.printf("%-6d %-24s %8.1f %8.1f %8.0f%n", posts, "  empty figure cache", d[0], d[1], d[2]);
                System.out.printf("%-6d %-24s %7.2fx %7.2fx %7.2fx   (%d of %d posts with a diagram, formulas and a chart)%n",
                        posts, "figures / without", f[0] / o[0], f[1] / o[1], f[2] / o[2], (posts + 9) / 10, posts);
                System.out.printf("%-6d %-24s %7.2fx %7.2fx %7.2fx%n", posts, "  empty figure cache",
                        d[0] / o[0], d[1] / o[1], d[2] / o[2]);
            }
        }
    }

    /** Prints how many times {@code other} took as long as each of this project's three bakes. */
    private static void ratios(int posts, String label, double[] other, double[] ours, double[] parsing,
                               double[] compiling) {
        System.out.printf("%-6d %-24s %7.1fx %7.1fx %7.1fx%n", posts, label, other[0] / ours[0], other[1] / ours[1],
                other[2] / ours[2]);
        System.out.printf("%-6d %-24s %7.1fx %7.1fx %7.1fx%n", posts, "  every source parsed", other[0] / parsing[0],
                other[1] / parsing[1], other[2] / parsing[2]);
        System.out.printf("%-6d %-24s %7.1fx %7.1fx %7.1fx%n", posts, "  empty caches", other[0] / compiling[0],
                other[1] / compiling[1], other[2] / compiling[2]);
    }

    /** Fails unless the two folders hold the same files with the same bytes. */
    private static void sameFiles(Path one, Path other) throws IOException {
        List<Path> files;
        try (var walk = Files.walk(one)) {
            files = walk.filter(Files::isRegularFile).map(one::relativize).sorted().toList();
        }
        List<Path> others;
        try (var walk = Files.walk(other)) {
            others = walk.filter(Files::isRegularFile).map(other::relativize).sorted().toList();
        }
        if (!files.equals(others)) {
            throw new IllegalStateException(one + " and " + other + " hold different files");
        }
        for (Path file : files) {
            if (Files.mismatch(one.resolve(file), other.resolve(file)) != -1) {
                throw new IllegalStateException(file + " differs between " + one + " and " + other);
            }
        }
    }

    /** Parses {@code --pipelines}: a comma-separated subset of {@link #PIPELINES}. */
    private static Set<String> pipelines(String value) {
        Set<String> chosen = Arrays.stream(value.split(",")).map(String::strip).collect(Collectors.toSet());
        for (String pipeline : chosen) {
            if (!PIPELINES.contains(pipeline)) {
                throw new IllegalArgumentException("unknown pipeline '" + pipeline + "' in --pipelines " + value
                        + "; use a comma-separated list of " + String.join(", ", PIPELINES));
            }
        }
        return chosen;
    }

    private static long median(List<long[]> runs, int column) {
        long[] values = runs.stream().mapToLong(r -> r[column]).sorted().toArray();
        return values[values.length / 2];
    }

    /**
     * @param warm    where to add this run's rebuild times after edits, or {@code null} to skip the edits
     * @param cache   the template cache of this project's runs
     * @param figures the figure cache of this project's runs, or {@code null} for none on disk
     * @param documents the document cache of this project's runs, or {@code null} for none
     */
    private static double[] runChild(String pipeline, Path site, Path out, List<long[]> warm, Path cache, Path figures,
                                     Path documents) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = System.getProperty("java.class.path");
        if (pipeline.equals("ours")) {
            command.addAll(PROJECT_JVM);
            // As ./site runs it: site-core's runtime jars, in the archive's order, then its classes
            // (and this benchmark's); stock JBake keeps the test class path, which has JBake.
            classPath = Files.readString(Path.of("target/classpath.txt")).strip()
                    + ":target/classes:target/test-classes";
        }
        command.addAll(List.of("-cp", classPath, BakeBenchmark.class.getName(),
                "child", pipeline, site.toString(), out.toString()));
        if (pipeline.equals("ours")) {
            command.addAll(List.of(cache.toString(), Boolean.toString(warm != null), figures == null ? "" : figures.toString(),
                    documents == null ? "" : documents.toString()));
        }
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // The wall time is taken when the child reports the bake done: the warm-edit check it
        // runs afterwards is not part of the cold bake.
        double wall = -1;
        String[] baked = null;
        StringBuilder output = new StringBuilder();
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.append(line).append('\n');
                if (line.startsWith("BAKED ")) {
                    wall = (System.nanoTime() - start) / 1e9;
                    baked = line.split(" ");
                } else if (line.startsWith("WARM ") && warm != null) {
                    warm.add(Arrays.stream(line.substring(5).split(" ")).mapToLong(Long::parseLong).toArray());
                }
            }
        }
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0 || baked == null) {
            throw new IllegalStateException(pipeline + " failed:\n" + output);
        }
        return new double[] {wall, Double.parseDouble(baked[1]) / 1000, Double.parseDouble(baked[2]) / 1024};
    }

    private static double[] medians(List<double[]> runs) {
        double[] medians = new double[3];
        for (int i = 0; i < 3; i++) {
            int column = i;
            double[] values = runs.stream().mapToDouble(r -> r[column]).sorted().toArray();
            medians[i] = values[values.length / 2];
        }
        return medians;
    }

    /**
     * One measured bake in this JVM; prints "BAKED cpuMillis peakKb" as soon as the site is
     * written, then (this project only) "WARM medianMillis firstMillis textMedianMillis" for the
     * rebuilds after edits.
     */
    private static void child(String[] args) throws Exception {
        LogManager.getLogManager().reset();
        String pipeline = args[1];
        Path site = Path.of(args[2]);
        Path out = Path.of(args[3]);
        if (pipeline.equals("ours")) {
            ours(site, out, Path.of(args[4]), Boolean.parseBoolean(args[5]), args[6].isEmpty() ? null : Path.of(args[6]),
                    args[7].isEmpty() ? null : Path.of(args[7]));
        } else {
            StockJBake.bake(site, out);
            baked();
        }
    }

    private static void baked() throws IOException {
        long cpu = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
        long peak = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1L);
        System.out.println("BAKED " + cpu + " " + peak);
        System.out.flush();
    }

    private static SiteSources sources(Path site) {
        Path theme = Path.of(System.getProperty("site.theme", "../site-theme/src/main/jbake")).toAbsolutePath();
        return new SiteSources(site, site.resolve("site.yml"), List.of(site.resolve("content")), site.resolve("data"),
                theme.resolve("templates"), theme.resolve("assets"));
    }

    /**
     * Bakes with the template cache in {@code cache} (and the figure cache in {@code figures});
     * then, with {@code edits}, edits one post
     * {@value #EDITS} times, rebuilding with the same baker after each edit as the preview does, and
     * checks the last rebuild against a full build of the same sources.
     */
    private static void ours(Path site, Path out, Path cache, boolean edits, Path figures, Path documents)
            throws IOException {
        SiteSources sources = sources(site);
        try (ContentParser parser = new ContentParser(figures);
             Baker baker = new Baker(parser, Clock.systemUTC(), Runtime.getRuntime().availableProcessors(),
                     new Baker.Caches(cache, documents, null))) {
            baker.bake(sources, out, BakeOptions.PUBLISH);
            baked();
            if (!edits) {
                return;
            }
            Path edited = SyntheticSite.post(site, 7);
            String original = Files.readString(edited);
            try {
                List<Long> millis = new ArrayList<>();
                Site incremental = null;
                String lead = original;
                for (int edit = 1; edit <= EDITS; edit++) {
                    // A new lead paragraph: the synthetic posts have no :description:, so it
                    // changes the post's summary, and every listing that shows it is rendered again.
                    lead = original.replaceFirst("\n\n== ", "\n\nEdited paragraph number " + edit + ".\n\n== ");
                    Files.writeString(edited, lead);
                    long start = System.nanoTime();
                    incremental = baker.build(sources, BakeOptions.PUBLISH);
                    millis.add((System.nanoTime() - start) / 1_000_000);
                }
                List<Long> text = new ArrayList<>();
                for (int edit = 1; edit <= EDITS; edit++) {
                    // A paragraph added at the end: only the post's own page shows it.
                    Files.writeString(edited, lead + "\nAdded closing paragraph number " + edit + ".\n");
                    long start = System.nanoTime();
                    incremental = baker.build(sources, BakeOptions.PUBLISH);
                    text.add((System.nanoTime() - start) / 1_000_000);
                }
                Site full;
                try (Baker straightforward = new Baker(parser, Clock.systemUTC(), 1)) {
                    full = straightforward.build(sources, BakeOptions.PUBLISH);
                }
                Site last = incremental;
                boolean same = full.paths().equals(last.paths()) && full.paths().stream()
                        .allMatch(p -> Arrays.equals(full.file(p), last.file(p)));
                if (!same) {
                    throw new IllegalStateException("the incremental build differs from a full build");
                }
                System.out.println("WARM " + millis.stream().sorted().toList().get(EDITS / 2) + " " + millis.get(0)
                        + " " + text.stream().sorted().toList().get(EDITS / 2));
            } finally {
                Files.writeString(edited, original);
            }
        }
    }
}
