package com.sethihemant.site.bench;

import com.sethihemant.site.bake.BakeOptions;
import com.sethihemant.site.bake.Baker;
import com.sethihemant.site.bake.SiteSources;
import com.sethihemant.site.content.ContentParser;
import com.sethihemant.site.serve.PreviewServer;
import org.jsoup.Jsoup;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogManager;

/**
 * Measures the live preview's latency: from saving a post to the tab being told to reload and the
 * new page being served, on a synthetic site with the real theme, in a warm process.
 *
 * <p>With {@code --diagrams}, the site has figures (one post in ten, see {@link SyntheticSite})
 * and each edit renames a participant of a post's PlantUML diagram, a diagram no cache holds: the
 * latency then includes PlantUML drawing it. As {@code site serve} does, PlantUML and KaTeX are
 * started in the background once the preview serves, and the first edit is reported on its own.
 *
 * <pre>scripts/benchmark preview [--posts 100] [--edits 10] [--diagrams]</pre>
 */
public final class PreviewLatencyBenchmark {

    private PreviewLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int posts = 100;
        int edits = 10;
        boolean diagrams = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--posts" -> posts = Integer.parseInt(args[++i]);
                case "--edits" -> edits = Integer.parseInt(args[++i]);
                case "--diagrams" -> diagrams = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --posts N --edits N [--diagrams]");
            }
        }
        LogManager.getLogManager().reset();
        Path site = Files.createTempDirectory("preview-bench");
        SyntheticSite.write(site, posts, diagrams);
        Path theme = Path.of("../site-theme/src/main/jbake").toAbsolutePath().normalize();
        SiteSources sources = new SiteSources(site, site.resolve("site.yml"), List.of(site.resolve("content")),
                site.resolve("data"), theme.resolve("templates"), theme.resolve("assets"));
        StringWriter log = new StringWriter();
        HttpClient client = HttpClient.newHttpClient();
        try (ContentParser parser = new ContentParser();
             Baker baker = new Baker(parser, Clock.systemUTC());
             PreviewServer preview = PreviewServer.start(baker, sources,
                     BakeOptions.PREVIEW, new InetSocketAddress("127.0.0.1", 0), new PrintWriter(log, true))) {
            BlockingQueue<String> events = new LinkedBlockingQueue<>();
            client.sendAsync(HttpRequest.newBuilder(preview.uri().resolve("/_preview/events")).build(),
                    HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(r -> r.body().filter(l -> l.startsWith("event: ")).forEach(events::add));
            await(events, "event: ok");
            Long first = null;
            if (diagrams) {
                // As ServeCommand does once the preview serves.
                Thread warmUp = new Thread(parser::warmUpFigures, "figures-warm-up");
                warmUp.setDaemon(true);
                warmUp.start();
            }
            int warmUp = diagrams ? 0 : 3;
            List<Long> millis = new ArrayList<>();
            int figurePosts = (posts + 9) / 10;
            for (int i = 0; i < warmUp + edits; i++) {
                Path post = SyntheticSite.post(site, diagrams ? (i * 3 % figurePosts) * 10 : (i * 37) % posts);
                String text = Files.readString(post);
                String marker = diagrams ? "Store edited " + i : "Edit number " + i + " for the latency benchmark.";
                String url = preview.uri().resolve(urlOf(text, post)).toString();
                String edited = diagrams
                        ? text.replaceFirst("database \"[^\"]*\" as Store", "database \"" + marker + "\" as Store")
                        : text.replaceFirst("\n\n== ", "\n\n" + marker + "\n\n== ");
                if (edited.equals(text)) {
                    throw new IllegalStateException("nothing to edit in " + post);
                }
                long start = System.nanoTime();
                Files.writeString(post, edited);
                await(events, "event: reload");
                String page = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                long elapsed = (System.nanoTime() - start) / 1_000_000;
                boolean shown = diagrams
                        ? Jsoup.parse(page).select(".diagram svg text").eachText().stream().anyMatch(marker::equals)
                        : page.contains(marker);
                if (!shown) {
                    throw new IllegalStateException("the preview did not serve the edit of " + post);
                }
                if (i == 0) {
                    first = elapsed;
                }
                if (i >= warmUp) {
                    millis.add(elapsed);
                }
            }
            millis.sort(null);
            System.out.printf("Preview latency, save to reload and new page served, %d posts, %d edits%s after %d warm-up:%n",
                    posts, edits, diagrams ? " of a diagram, each new" : "", warmUp);
            if (diagrams) {
                System.out.printf("  first edit %d ms (PlantUML started in the background when the preview began serving)%n", first);
            }
            System.out.printf("  median %d ms, 90th percentile %d ms, max %d ms (target: at most 1000 ms)%n",
                    millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.9) - 1),
                    millis.get(millis.size() - 1));
            System.out.println("  the preview's own log of the last rebuilds:");
            log.toString().lines().skip(Math.max(0, log.toString().lines().count() - 3)).forEach(l -> System.out.println("    " + l));
        }
    }

    private static String urlOf(String text, Path post) {
        String date = text.lines().filter(l -> l.startsWith(":jbake-date: ")).findFirst().orElseThrow().substring(13);
        String name = post.getFileName().toString().replace(".adoc", "");
        return "/blog/" + date.substring(0, 4) + "/" + name + "/";
    }

    private static void await(BlockingQueue<String> events, String expected) throws InterruptedException {
        String event;
        do {
            event = events.poll(30, TimeUnit.SECONDS);
            if (event == null) {
                throw new IllegalStateException("no '" + expected + "' from the preview within 30 s");
            }
        } while (!event.equals(expected));
    }
}
