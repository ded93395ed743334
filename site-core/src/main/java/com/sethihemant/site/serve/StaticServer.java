package com.sethihemant.site.serve;

import com.sethihemant.site.ExitCodes;
import com.sethihemant.site.Problem;
import com.sethihemant.site.SiteException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a baked site from a folder, the way a static host does: directory URLs answer with their
 * {@code index.html}, unknown paths with {@code 404.html} and status 404. It only reads files
 * inside the folder: {@code ..} segments (encoded or not) are rejected and symbolic links that
 * lead outside answer 404. There are no directory listings; only GET and HEAD are allowed.
 */
public final class StaticServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("webmanifest", "application/manifest+json"));

    private final HttpServer server;
    private final ExecutorService executor;
    private final Path root;

    private StaticServer(HttpServer server, ExecutorService executor, Path root) {
        this.server = server;
        this.executor = executor;
        this.root = root;
    }

    /**
     * Starts serving {@code folder} on {@code address} (port 0 picks a free port).
     *
     * @throws SiteException if the folder does not exist or the port is taken
     */
    public static StaticServer start(Path folder, InetSocketAddress address) {
        Path root;
        try {
            root = folder.toRealPath();
        } catch (IOException e) {
            throw SiteException.usage(folder, "cannot be served: it does not exist; bake the site first");
        }
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new SiteException(List.of(Problem.at(null, "cannot listen on " + address.getHostString() + ":"
                    + address.getPort() + " (" + e.getMessage() + "); is another server running? Try --port")),
                    ExitCodes.IO, e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "static-server");
            thread.setDaemon(true);
            return thread;
        });
        StaticServer staticServer = new StaticServer(server, executor, root);
        server.createContext("/", staticServer::handle);
        server.setExecutor(executor);
        server.start();
        return staticServer;
    }

    /** The base address, such as {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "405 method not allowed\n".getBytes(), head);
                return;
            }
            String rawPath = exchange.getRequestURI().getRawPath();
            String path = decode(rawPath);
            if (path == null) {
                send(exchange, 400, "text/plain; charset=utf-8", "400 bad request\n".getBytes(), head);
                return;
            }
            Path file = root.resolve(path.substring(1)).normalize();
            if (Files.isDirectory(file) && inside(file)) {
                if (!path.endsWith("/")) {
                    String query = exchange.getRequestURI().getRawQuery();
                    exchange.getResponseHeaders().set("Location", rawPath + "/" + (query == null ? "" : "?" + query));
                    send(exchange, 301, "text/plain; charset=utf-8", "301 moved\n".getBytes(), head);
                    return;
                }
                file = file.resolve("index.html");
            }
            if (Files.isRegularFile(file) && inside(file)) {
                send(exchange, 200, type(file), Files.readAllBytes(file), head);
                return;
            }
            Path notFound = root.resolve("404.html");
            byte[] body = Files.isRegularFile(notFound) ? Files.readAllBytes(notFound) : "404 not found\n".getBytes();
            send(exchange, 404, Files.isRegularFile(notFound) ? TYPES.get("html") : "text/plain; charset=utf-8", body, head);
        }
    }

    /** The decoded path, or {@code null} if it is malformed or tries to climb out of the root. */
    private static String decode(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return null;
        }
        String path;
        try {
            // Decodes percent escapes exactly once, so "%2e%2e" is caught below as "..".
            path = URI.create("http://localhost" + rawPath).getPath();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0) {
            return null;
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                return null;
            }
        }
        return path;
    }

    /** Whether a file, after following links, is still inside the served folder. */
    private boolean inside(Path file) {
        try {
            return file.toRealPath().startsWith(root);
        } catch (IOException e) {
            return false;
        }
    }

    private static String type(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body, boolean head)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        if (head) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
