package com.sethihemant.site.serve;

import com.sethihemant.site.FixtureSite;
import com.sethihemant.site.bake.BakeOptions;
import com.sethihemant.site.bake.Baker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live preview, driven through its HTTP interface while the sources change on disk. */
class PreviewServerTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private FixtureSite site;
    private Baker baker;
    private PreviewServer preview;
    private final StringWriter log = new StringWriter();
    private final HttpClient client = HttpClient.newHttpClient();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        site = new FixtureSite(dir);
        site.page("index", "Home.");
        site.post("first", "2026-01-01", "published", "a");
        site.post("unfinished", "2026-02-01", "draft", "a");
        baker = new Baker(FixtureSite.parser(), TODAY);
        preview = PreviewServer.start(baker, site.sources(), BakeOptions.PREVIEW,
                new InetSocketAddress("127.0.0.1", 0), new PrintWriter(log, true));
        // Follow the event stream the way a browser tab does; each event's name goes into the queue.
        client.sendAsync(HttpRequest.newBuilder(preview.uri().resolve(PreviewServer.EVENTS)).build(),
                        HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body()
                        .filter(line -> line.startsWith("event: ") || line.startsWith("data: "))
                        .forEach(events::add));
        assertEquals("event: ok", nextEvent(), "a new tab first learns the current state");
    }

    @AfterEach
    void stop() {
        preview.close();
        baker.close();
    }

    private String nextEvent() throws InterruptedException {
        String line;
        do {
            line = events.poll(20, TimeUnit.SECONDS);
            assertNotNull(line, "no event from the preview; log:\n" + log);
        } while (!line.startsWith("event: "));
        return line;
    }

    private String dataOfNextEvent() throws InterruptedException {
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = events.poll(5, TimeUnit.SECONDS)) != null && line.startsWith("data: ")) {
            data.append(line.substring(6)).append('\n');
            if (events.isEmpty()) {
                break;
            }
        }
        return data.toString();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(preview.uri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesDraftsWithTheReloadScriptAndNothingElseOfThePreview() throws Exception {
        HttpResponse<String> draft = get("/blog/2026/unfinished/");
        assertEquals(200, draft.statusCode());
        assertTrue(draft.body().contains("<script src=\"/_preview/reload.js\"></script></body>"), draft.body());
        HttpResponse<String> script = get(PreviewServer.SCRIPT);
        assertEquals(200, script.statusCode());
        assertTrue(script.body().contains("EventSource"));
        assertEquals(301, HttpClient.newBuilder().build().send(HttpRequest.newBuilder(preview.uri().resolve("/blog"))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(400, get("/%2e%2e/site.yml").statusCode());
    }

    @Test
    void savingAPostRebuildsAndReloadsTheTab() throws Exception {
        Path post = dir.resolve("content/blog/first.adoc");
        Files.writeString(post, Files.readString(post).replace("Body of first.", "Edited while serving."));
        assertEquals("event: reload", nextEvent());
        assertTrue(get("/blog/2026/first/").body().contains("Edited while serving."));
        assertTrue(log.toString().contains("rebuilt in"), log.toString());
        assertTrue(log.toString().contains("1 source parsed"), log.toString());
    }

    @Test
    void savingAPostUpdatesTheSearchIndex() throws Exception {
        // A theme with a search page gets an index; adding the template is a change like any other.
        site.write("templates/search.tpl", "p { yield url }\n");
        assertEquals("event: reload", nextEvent());
        HttpResponse<String> before = get("/search/index.json");
        assertEquals(200, before.statusCode());
        assertTrue(before.body().contains("/blog/2026/first/") && !before.body().contains("quorum"), before.body());
        assertFalse(before.body().contains("/blog/2026/unfinished/"), "a draft is never in the index, not even here");

        Path post = dir.resolve("content/blog/first.adoc");
        Files.writeString(post, Files.readString(post).replace("Body of first.", "About sloppy quorum systems."));
        assertEquals("event: reload", nextEvent());
        String after = get("/search/index.json").body();
        assertTrue(after.contains("quorum") && after.contains("sloppy"), after);
    }

    @Test
    void aBrokenEditIsReportedAndTheLastGoodSiteStaysUntilItIsFixed() throws Exception {
        Path post = dir.resolve("content/blog/first.adoc");
        String good = Files.readString(post);
        Files.writeString(post, good.replace("2026-01-01", "2026-13-01").replace("Body of first.", "Broken."));
        assertEquals("event: problem", nextEvent());
        String problem = dataOfNextEvent();
        assertTrue(problem.contains("first.adoc:4:") && problem.contains("YYYY-MM-DD"), problem);
        assertTrue(preview.failing());
        assertTrue(get("/blog/2026/first/").body().contains("Body of first."), "the last good page is served");
        assertTrue(log.toString().contains("still serving the last good site"), log.toString());

        Files.writeString(post, good.replace("Body of first.", "Fixed."));
        assertEquals("event: reload", nextEvent());
        assertFalse(preview.failing());
        assertTrue(get("/blog/2026/first/").body().contains("Fixed."));
    }

    /**
     * A reference that leads nowhere (checked once the pages are rendered) and a misspelt block
     * macro (caught while parsing) are shown in the tab at their source line, as any other
     * problem, while the last good page is served.
     */
    @Test
    void aMissingImageOrAMisspeltMacroIsShownAtItsLineOverTheLastGoodSite() throws Exception {
        Path post = dir.resolve("content/blog/first.adoc");
        String good = Files.readString(post);
        List<String> lines = good.lines().toList();
        int body = lines.indexOf("Body of first.") + 1;
        Files.writeString(post, good.replace("Body of first.", "Body of first.\n\nimage::missing.png[A picture]"));
        assertEquals("event: problem", nextEvent());
        String missing = dataOfNextEvent();
        assertTrue(missing.contains("first.adoc:" + (body + 2) + ":") && missing.contains("'missing.png'"), missing);
        assertTrue(get("/blog/2026/first/").body().contains("Body of first."), "the last good page is served");
        assertFalse(get("/blog/2026/first/").body().contains("missing.png"));

        Files.writeString(post, good.replace("Body of first.", "Body of first.\n\nimgae::pic.png[A picture]"));
        assertEquals("event: problem", nextEvent());
        String typo = dataOfNextEvent();
        assertTrue(typo.contains("first.adoc:" + (body + 2) + ":") && typo.contains("did you mean 'image::'?"), typo);
        assertTrue(preview.failing());
        assertFalse(get("/blog/2026/first/").body().contains("imgae"), "the last good page is served");

        Files.writeString(post, good);
        assertEquals("event: reload", nextEvent());
        assertFalse(preview.failing());
    }

    @Test
    void addingAndDeletingPostsIsFollowed() throws Exception {
        site.post("second", "2026-03-01", "published", "a");
        assertEquals("event: reload", nextEvent());
        assertEquals(200, get("/blog/2026/second/").statusCode());
        assertTrue(get("/tags/a/").body().contains("/blog/2026/second/"));

        Files.delete(dir.resolve("content/blog/second.adoc"));
        assertEquals("event: reload", nextEvent());
        assertEquals(404, get("/blog/2026/second/").statusCode());
        assertFalse(get("/tags/a/").body().contains("/blog/2026/second/"));
    }

    @Test
    void postsInNewFoldersAreWatchedToo() throws Exception {
        site.post("2027/future-folder", "2026-04-01", "published");
        assertEquals("event: reload", nextEvent());
        assertEquals(200, get("/blog/2026/future-folder/").statusCode());
        Path post = dir.resolve("content/blog/2027/future-folder.adoc");
        Files.writeString(post, Files.readString(post).replace("Body of", "Changed body of"));
        assertEquals("event: reload", nextEvent());
        assertTrue(get("/blog/2026/future-folder/").body().contains("Changed body of"));
    }

    @Test
    void aTemplateChangeRendersEverythingAgain() throws Exception {
        Path template = dir.resolve("templates/post.tpl");
        Files.writeString(template, Files.readString(template).replace("class: 'body'", "class: 'changed'"));
        assertEquals("event: reload", nextEvent());
        assertTrue(get("/blog/2026/first/").body().contains("class=\"changed\""));
    }

    @Test
    void writesNothingToDisk() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            assertTrue(walk.noneMatch(p -> p.getFileName().toString().equals("index.html")));
        }
    }
}
