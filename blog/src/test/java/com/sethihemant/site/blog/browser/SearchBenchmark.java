package com.sethihemant.site.blog.browser;

import com.sethihemant.site.bake.BakeOptions;
import com.sethihemant.site.bake.BakeResult;
import com.sethihemant.site.bake.Baker;
import com.sethihemant.site.bake.SiteSources;
import com.sethihemant.site.content.ContentParser;
import com.sethihemant.site.serve.StaticServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.logging.LogManager;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * The search in a real browser (headless Chromium through Selenium, as the browser tests drive
 * it) on synthetic sites of realistic text: posts of about 900 words drawn from a vocabulary of
 * 20,000 words with the skewed frequencies of natural language, headings, tags and code. For a
 * site of {@code --posts} posts and, as the baseline in the same run, one of a tenth as many, it
 * prints the index's size against the published text, the script's size, and the time from each
 * keystroke to the next frame after the results changed (median, 90th percentile, worst),
 * typing words common and rare, a tag and a heading, one key at a time. A command that prints
 * figures, never a test: {@code scripts/benchmark search [--posts 1000]}.
 */
public final class SearchBenchmark {

    private static final String[] TAGS = {"storage", "gpu", "caching", "kubernetes", "distributed-systems",
            "benchmarks", "rdma", "databases", "networking", "paper-notes", "java", "go"};

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int posts = 1000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--posts")) {
                posts = Integer.parseInt(args[++i]);
            }
        }
        LogManager.getLogManager().reset();
        Path root = Path.of(System.getProperty("site.root", "..")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("search-bench");
        try (ContentParser parser = new ContentParser();
             Baker baker = new Baker(parser, Clock.systemUTC(), Runtime.getRuntime().availableProcessors(),
                     new Baker.Caches(root.resolve("site-theme/target/template-classes"), null,
                             root.resolve("blog/target/bench-card-cache")))) {
            Result baseline = run(baker, root, work.resolve("baseline"), Math.max(1, posts / 10));
            Result measured = run(baker, root, work.resolve("measured"), posts);
            System.out.printf(Locale.ROOT, "%nkeystroke to results, %d posts: median %.1f ms, p90 %.1f ms, worst %.1f ms"
                            + " (%d keystrokes); %d posts: median %.1f ms; ratio of medians %.2f; budget 50 ms%n",
                    measured.posts, measured.median(), measured.percentile(90), measured.worst(), measured.samples.size(),
                    baseline.posts, baseline.median(), measured.median() / baseline.median());
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private record Result(int posts, List<Double> samples) {
        double median() {
            return percentile(50);
        }

        double percentile(int p) {
            List<Double> sorted = samples.stream().sorted().toList();
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }

        double worst() {
            return samples.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }
    }

    private static Result run(Baker baker, Path root, Path dir, int posts) throws Exception {
        Vocabulary words = new Vocabulary(new Random(42));
        write(dir, posts, words);
        Path theme = root.resolve("site-theme/src/main/jbake");
        SiteSources sources = new SiteSources(dir, dir.resolve("site.yml"), List.of(dir.resolve("content")), dir.resolve("data"),
                theme.resolve("templates"), theme.resolve("assets"), theme.resolve("card"));
        BakeResult baked = baker.bake(sources, dir.resolve("site"), BakeOptions.PUBLISH);
        Path site = dir.resolve("site");
        sizes(site, posts, baked);

        List<Double> samples = new ArrayList<>();
        try (StaticServer server = StaticServer.start(site, new InetSocketAddress("127.0.0.1", 0));
             Browser browser = new Browser()) {
            browser.open(server.uri().resolve("search/"));
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
            // From the key's keydown to the frame after the results changed, for each key that leaves
            // two letters or more in the field (the script answers from the second).
            browser.script("""
                    window.__times = [];
                    let start = 0, down = 0;
                    const status = document.querySelector('main .search__status');
                    document.addEventListener('keydown', () => down = performance.now(), true);
                    document.addEventListener('input', e => start = e.target.value.trim().length >= 2 ? down : 0, true);
                    new MutationObserver(() => {
                      if (!start) return;
                      const from = start;
                      start = 0;
                      const typed = document.getElementById('search-q').value;
                      requestAnimationFrame(() => setTimeout(() => {
                        window.__times.push(performance.now() - from);
                        (window.__typed = window.__typed || []).push(typed);
                      }));
                    }).observe(status, {childList: true, characterData: true, subtree: true});""");
            // The index loads when the page does; wait for a first answer before timing keystrokes.
            type(browser, wait, "qq");
            browser.script("window.__times = []; document.getElementById('search-q').value = '';");
            for (String query : List.of(words.common(3), words.rare(5), words.rare(40), "distributed-systems",
                    "hinted handoff", words.common(0) + " " + words.rare(7))) {
                browser.script("document.getElementById('search-q').value = '';");
                type(browser, wait, query);
            }
            List<?> times = (List<?>) browser.script("return window.__times");
            List<?> typed = (List<?>) browser.script("return window.__typed.slice(-arguments[0])", times.size());
            List<String> slowest = new ArrayList<>();
            for (int i = 0; i < times.size(); i++) {
                samples.add(((Number) times.get(i)).doubleValue());
                slowest.add(String.format(Locale.ROOT, "%.1f ms '%s'", samples.get(i), typed.get(i)));
            }
            slowest.sort(Comparator.comparingDouble((String t) -> Double.parseDouble(t.substring(0, t.indexOf(' ')))).reversed());
            System.out.println(posts + " posts, slowest keystrokes: " + String.join(", ", slowest.subList(0, Math.min(5, slowest.size()))));
        }
        return new Result(posts, samples);
    }

    /** Types {@code text} one key at a time, waiting for the results of each before the next. */
    private static void type(Browser browser, WebDriverWait wait, String text) {
        browser.driver().findElement(org.openqa.selenium.By.id("search-q")).click();
        for (char c : text.toCharArray()) {
            long before = ((Number) browser.script("return window.__times.length")).longValue();
            browser.press(String.valueOf(c));
            String value = (String) browser.script("return document.getElementById('search-q').value");
            if (value.trim().length() >= 2) {
                wait.until(driver -> ((Number) browser.script("return window.__times.length")).longValue() > before);
            }
        }
    }

    private static void sizes(Path site, int posts, BakeResult baked) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> pages = Files.walk(site)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
                Element main = Jsoup.parse(page.toFile(), "UTF-8").selectFirst("main");
                if (main != null) {
                    text.append(main.text()).append('\n');
                }
            }
        }
        byte[] published = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] index = Files.readAllBytes(site.resolve("search/index.json"));
        System.out.printf(Locale.ROOT, "%d posts (baked in %.1f s): search index %,d bytes, %,d compressed = %.1f%% of the"
                        + " published text (%,d bytes; %.1f%% of it compressed); search.js %,d bytes%n",
                posts, baked.millis() / 1000.0, index.length, gzip(index), 100.0 * gzip(index) / published.length, published.length,
                100.0 * gzip(index) / gzip(published), Files.size(site.resolve("js/search.js")));
    }

    private static long gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.size();
    }

    private static void write(Path dir, int posts, Vocabulary words) throws IOException {
        Files.createDirectories(dir.resolve("content/blog"));
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("site.yml"), """
                title: Search benchmark
                description: A synthetic site for the search benchmark.
                url: https://bench.example
                author:
                  name: Bench Author
                  email: bench@bench.example
                """);
        Files.writeString(dir.resolve("content/index.adoc"), "= Search benchmark\n:jbake-type: home\n:jbake-status: published\n\nA synthetic site.\n");
        Files.writeString(dir.resolve("content/404.adoc"), "= Not found\n:jbake-type: page\n:jbake-status: published\n\nNothing here.\n");
        Random random = new Random(7);
        for (int i = 0; i < posts; i++) {
            StringBuilder post = new StringBuilder("= ").append(capital(words.sentence(random, 4 + random.nextInt(5)))).append('\n')
                    .append(":jbake-type: post\n:jbake-status: published\n:jbake-date: ")
                    .append(LocalDate.of(2012, 1, 1).plusDays(i * 4L)).append('\n')
                    .append(":jbake-tags: ").append(TAGS[i % TAGS.length]).append(", ").append(TAGS[(i * 7 + 3) % TAGS.length]).append('\n')
                    .append(":description: ").append(capital(words.sentence(random, 18))).append(".\n\n");
            for (int section = 0; section < 5; section++) {
                post.append("== ").append(capital(section == 2 && i % 50 == 0 ? "hinted handoff" : words.sentence(random, 3))).append("\n\n");
                for (int paragraph = 0; paragraph < 2; paragraph++) {
                    post.append(capital(words.sentence(random, 80 + random.nextInt(20)))).append(".\n\n");
                }
                if (section == 1) {
                    post.append("[source,java]\n----\nlong ").append(words.sentence(random, 1)).append("(byte[] buffer) {\n    return buffer.length;\n}\n----\n\n");
                }
            }
            Files.writeString(dir.resolve(String.format("content/blog/post-%05d.adoc", i)), post.toString());
        }
    }

    private static String capital(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** 20,000 made-up words of two to four syllables, drawn with Zipf's law as natural text is. */
    private static final class Vocabulary {
        private static final String[] SYLLABLES = ("ka to ri mel sun dra vo pe li nar go te sha mi ru ber lon "
                + "fa qui sto rep ca che gra phi ten sor la ten cy bu fer qu or um no de").split(" ");
        private final List<String> words = new ArrayList<>();
        private final double[] cumulative;

        Vocabulary(Random random) {
            java.util.Set<String> seen = new java.util.LinkedHashSet<>();
            while (seen.size() < 20_000) {
                StringBuilder word = new StringBuilder();
                for (int s = 0, n = 2 + random.nextInt(3); s < n; s++) {
                    word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
                }
                seen.add(word.toString());
            }
            words.addAll(seen);
            cumulative = new double[words.size()];
            double total = 0;
            for (int i = 0; i < words.size(); i++) {
                total += 1.0 / Math.pow(i + 1, 1.07);
                cumulative[i] = total;
            }
            for (int i = 0; i < cumulative.length; i++) {
                cumulative[i] /= total;
            }
        }

        String sentence(Random random, int count) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < count; i++) {
                int at = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
                out.append(i == 0 ? "" : " ").append(words.get(at < 0 ? -at - 1 : at));
            }
            return out.toString();
        }

        /** The {@code rank}-th most frequent word. */
        String common(int rank) {
            return words.get(rank);
        }

        /** A word that a few posts have. */
        String rare(int rank) {
            return words.get(2_000 + rank * 37);
        }
    }
}
