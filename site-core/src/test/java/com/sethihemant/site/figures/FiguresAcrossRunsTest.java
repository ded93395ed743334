package com.sethihemant.site.figures;

import com.sethihemant.site.FixtureSite;
import com.sethihemant.site.bake.BakeOptions;
import com.sethihemant.site.bake.Baker;
import com.sethihemant.site.bake.Site;
import com.sethihemant.site.content.ContentParser;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Figures across threads and runs: one parser drawing many figures on several threads at once
 * writes what a parser drawing them one at a time writes; a later run takes every figure from
 * the cache folder instead of drawing it again; and a chart follows its data file when only that
 * file changed.
 */
class FiguresAcrossRunsTest {

    private static final int POSTS = 12;
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** Post {@code i}: a diagram, a LaTeX and an AsciiMath formula and a chart, all its own. */
    private List<Path> write(Posts posts) {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            posts.file("blog/2026/p" + i + "/data.csv", "x,y\n1," + i + "\n2," + (i * 2 + 1) + "\n4," + (i * 3 + 2) + "\n");
            files.add(posts.post("p" + i, """
                    .Step %1$d
                    [plantuml]
                    ----
                    Client -> Server%1$d: request %1$d
                    Server%1$d --> Client: reply
                    ----

                    Latency latexmath:[L_{%1$d} = \\frac{%1$d}{\\lambda}] and asciimath:[sum_(k=1)^%1$d k].

                    .Run %1$d
                    chart::data.csv[x=x,y=y,x-scale=log2]
                    """.formatted(i)));
        }
        return files;
    }

    @Test
    void threadsAndLaterRunsGiveTheSameFiguresAndLaterRunsDrawNone() throws Exception {
        Path cache = dir.resolve("cache");
        List<String> sequential = new ArrayList<>();
        Posts one;
        try (ContentParser parser = new ContentParser(cache)) {
            one = new Posts(dir.resolve("one"), parser);
            for (Path file : write(one)) {
                sequential.add(one.parse(file).bodyHtml());
            }
        }

        List<String> parallel = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (ContentParser parser = new ContentParser(dir.resolve("other-cache"))) {
            Posts two = new Posts(dir.resolve("one"), parser);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < POSTS; i++) {
                Path file = dir.resolve("one/content/blog/2026/p" + i + "/index.adoc");
                results.add(threads.submit(() -> two.parse(file).bodyHtml()));
            }
            for (Future<String> result : results) {
                parallel.add(result.get());
            }
        } finally {
            threads.shutdown();
        }
        assertEquals(sequential, parallel, "four threads at once write what one thread writes");

        // Mark every cached figure; a run that draws none shows the mark on every figure.
        List<Path> entries;
        try (Stream<Path> files = Files.list(cache)) {
            entries = files.filter(f -> f.toString().endsWith(".figure")).toList();
        }
        assertEquals(POSTS * 4, entries.size(), "one entry per diagram, formula and chart");
        for (Path entry : entries) {
            String text = Files.readString(entry, StandardCharsets.UTF_8);
            String body = "<span class=\"from-cache\"></span>" + text.substring(text.indexOf('\n') + 1);
            String digest = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
            Files.writeString(entry, digest + "\n" + body, StandardCharsets.UTF_8);
        }
        try (ContentParser parser = new ContentParser(cache)) {
            Posts three = new Posts(dir.resolve("one"), parser);
            for (int i = 0; i < POSTS; i++) {
                String html = three.parse(dir.resolve("one/content/blog/2026/p" + i + "/index.adoc")).bodyHtml();
                assertEquals(4, Jsoup.parseBodyFragment(html).select("span.from-cache").size(), html);
            }
        }
    }

    @Test
    void aChartIsDrawnAgainWhenOnlyItsDataChanges() {
        FixtureSite site = new FixtureSite(dir.resolve("site"));
        site.write("content/blog/2026/sweep/data.csv", "x,y\n1,10\n2,20\n");
        site.write("content/blog/2026/sweep/index.adoc", "= Sweep\n:jbake-type: post\n:jbake-status: published\n"
                + ":jbake-date: 2026-03-01\n\n.Sweep\nchart::data.csv[x=x,y=y]\n");
        Baker baker = new Baker(FixtureSite.parser(), TODAY);
        Site before = baker.build(site.sources(), BakeOptions.PUBLISH);
        Site unchanged = baker.build(site.sources(), BakeOptions.PUBLISH);
        assertEquals(0, unchanged.changed(), "with neither the post nor its data changed, nothing is parsed again");
        site.write("content/blog/2026/sweep/data.csv", "x,y\n1,10\n2,20\n3,35\n");
        Site after = baker.build(site.sources(), BakeOptions.PUBLISH);
        assertEquals(1, after.changed(), "the post whose data changed is parsed again");
        String page = new String(after.file("blog/2026/sweep/index.html"), StandardCharsets.UTF_8);
        assertNotEquals(new String(before.file("blog/2026/sweep/index.html"), StandardCharsets.UTF_8), page);
        assertTrue(Jsoup.parse(page).select("details.chart-data tbody tr").size() == 3, page);
        assertEquals("x,y\n1,10\n2,20\n3,35\n", new String(after.file("blog/2026/sweep/data.csv"), StandardCharsets.UTF_8),
                "the raw file is published beside the page");
    }
}
