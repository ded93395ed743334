package com.sethihemant.site.serve;

import com.sethihemant.site.Problem;
import com.sethihemant.site.SiteException;
import com.sethihemant.site.bake.BakeOptions;
import com.sethihemant.site.bake.Baker;
import com.sethihemant.site.bake.Site;
import com.sethihemant.site.bake.SiteSources;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The author's preview: builds the site in memory, serves it, watches the sources, rebuilds what
 * a change affects and tells open browser tabs to reload (server-sent events). A broken edit is
 * shown in the terminal and in the browser while the last good site stays served; fixing it
 * recovers without a restart. The reload script is added to pages as they are served, so it can
 * never reach the published site.
 */
public final class PreviewServer implements AutoCloseable {

    static final String EVENTS = "/_preview/events";
    static final String SCRIPT = "/_preview/reload.js";
    private static final byte[] SCRIPT_TAG = ("<script src=\"" + SCRIPT + "\"></script>").getBytes(StandardCharsets.UTF_8);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Baker baker;
    private final SiteSources sources;
    private final BakeOptions options;
    private final PrintWriter log;
    private final StaticServer server;
    private final AtomicReference<Site> site = new AtomicReference<>();
    private final AtomicReference<String> problem = new AtomicReference<>();
    private final List<BlockingQueue<String>> clients = new CopyOnWriteArrayList<>();
    private SourceWatcher watcher;

    private PreviewServer(Baker baker, SiteSources sources, BakeOptions options, PrintWriter log, StaticServer server) {
        this.baker = baker;
        this.sources = sources;
        this.options = options;
        this.log = log;
        this.server = server;
    }

    /**
     * Builds the site, starts serving it on {@code address} and watches the sources.
     *
     * @param log where each rebuild is reported
     */
    public static PreviewServer start(Baker baker, SiteSources sources, BakeOptions options,
                                      InetSocketAddress address, PrintWriter log) {
        sources.validate();
        PreviewServer preview = new PreviewServer(baker, sources, options, log, StaticServer.listen(address));
        preview.build(Set.of());
        var http = preview.server.http();
        http.createContext("/", new SiteHandler(preview.files(), preview::withReloadScript));
        http.createContext(EVENTS, preview::events);
        http.createContext(SCRIPT, preview::script);
        http.start();
        List<Path> watched = new ArrayList<>(sources.contentRoots());
        watched.add(sources.templates());
        watched.add(sources.config().getParent());
        if (sources.data() != null) {
            watched.add(sources.data());
        }
        if (sources.assets() != null) {
            watched.add(sources.assets());
        }
        try {
            preview.watcher = new SourceWatcher(watched.stream().distinct().toList(), 60, preview::build);
        } catch (IOException e) {
            preview.close();
            // Linux limits how many folders one user may watch (fs.inotify.max_user_watches).
            throw SiteException.io(null, "cannot watch the sources for changes (" + watched.size()
                    + " folders and their sub-folders; on Linux, raise fs.inotify.max_user_watches)", e);
        }
        return preview;
    }

    public URI uri() {
        return server.uri();
    }

    /** Whether the last build failed; the site served is then the last good one. */
    public boolean failing() {
        return problem.get() != null;
    }

    /** Builds again (the watcher calls this); reports to the log and to the open tabs. */
    synchronized void build(Set<Path> changed) {
        String when = LocalTime.now().format(TIME);
        try {
            Site built = baker.build(sources, options);
            boolean recovered = problem.getAndSet(null) != null;
            site.set(built);
            if (!changed.isEmpty() || recovered) {
                log.printf("%s %s in %d ms: %s; %d source%s parsed, %d page%s rendered%n", when,
                        recovered ? "fixed, rebuilt" : "rebuilt", built.millis(), describe(changed),
                        built.changed(), built.changed() == 1 ? "" : "s",
                        built.rendered().size(), built.rendered().size() == 1 ? "" : "s");
            } else {
                log.printf("%s built %d posts and %d pages in %d ms%n", when, built.posts(), built.pages(), built.millis());
            }
            broadcast("reload", "");
        } catch (SiteException e) {
            String text = e.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
            problem.set(text);
            log.printf("%s the build failed%s:%n%s%n", when,
                    site.get() == null ? "" : "; still serving the last good site",
                    text.lines().map(l -> "  " + l).collect(Collectors.joining("\n")));
            broadcast("problem", text);
        } catch (RuntimeException e) {
            problem.set("internal error: " + e);
            log.printf("%s internal error (a bug; please report it): %s%n", when, e);
            e.printStackTrace(log);
            broadcast("problem", "internal error: " + e);
        }
        log.flush();
    }

    private String describe(Set<Path> changed) {
        if (changed.isEmpty()) {
            return "sources";
        }
        Path root = sources.root();
        List<String> names = changed.stream()
                .map(p -> p.startsWith(root) ? root.relativize(p).toString() : p.toString())
                .limit(3).toList();
        return String.join(", ", names) + (changed.size() > 3 ? " and " + (changed.size() - 3) + " more" : "");
    }

    private SiteFiles files() {
        return new SiteFiles() {
            @Override
            public byte[] read(String path) {
                Site current = site.get();
                if (current == null) {
                    // No good build yet: every page explains why, and reloads once it is fixed.
                    return path.endsWith(".html") ? failurePage() : null;
                }
                return current.file(path);
            }

            @Override
            public boolean isFolder(String path) {
                Site current = site.get();
                return current != null && current.file(path + "/index.html") != null;
            }
        };
    }

    private byte[] failurePage() {
        String text = problem.get() == null ? "Building…" : problem.get();
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>The build failed</title></head>"
                + "<body><h1>The build failed</h1><pre>" + escaped + "</pre></body></html>").getBytes(StandardCharsets.UTF_8);
    }

    /** Adds the reload script before {@code </body>}. */
    private byte[] withReloadScript(byte[] html) {
        String page = new String(html, StandardCharsets.UTF_8);
        int end = page.lastIndexOf("</body>");
        String tag = new String(SCRIPT_TAG, StandardCharsets.UTF_8);
        String result = end < 0 ? page + tag : page.substring(0, end) + tag + page.substring(end);
        return result.getBytes(StandardCharsets.UTF_8);
    }

    private void script(HttpExchange exchange) throws IOException {
        try (exchange; var in = PreviewServer.class.getResourceAsStream("reload.js")) {
            byte[] body = in.readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/javascript; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** One open tab: the current state first, then every event until the tab goes away. */
    private void events(HttpExchange exchange) throws IOException {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        String current = problem.get();
        queue.add(current == null ? event("ok", "") : event("problem", current));
        clients.add(queue);
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            while (true) {
                String next = queue.poll(15, TimeUnit.SECONDS);
                // A comment line keeps the connection alive and finds tabs that were closed.
                out.write((next == null ? ": ping\n\n" : next).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // The tab was closed or the server stopped.
        } finally {
            clients.remove(queue);
        }
    }

    private void broadcast(String name, String data) {
        String event = event(name, data);
        clients.forEach(queue -> queue.add(event));
    }

    private static String event(String name, String data) {
        StringBuilder text = new StringBuilder("event: ").append(name).append('\n');
        for (String line : (data.isEmpty() ? "-" : data).split("\n", -1)) {
            text.append("data: ").append(line).append('\n');
        }
        return text.append('\n').toString();
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        server.close();
    }
}
