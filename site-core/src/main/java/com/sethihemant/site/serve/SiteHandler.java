package com.sethihemant.site.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Answers GET and HEAD for a site the way a static host does: directory URLs with their
 * {@code index.html}, a folder without its slash with a redirect, unknown paths with
 * {@code 404.html} and status 404. Paths are percent-decoded once; a {@code .} or {@code ..}
 * segment, a backslash or a NUL, encoded or not, is a 400. There are no directory listings.
 */
final class SiteHandler implements HttpHandler {

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

    private final SiteFiles files;
    private final UnaryOperator<byte[]> htmlFilter;

    /** @param htmlFilter applied to every HTML response (the preview adds its reload script) */
    SiteHandler(SiteFiles files, UnaryOperator<byte[]> htmlFilter) {
        this.files = files;
        this.htmlFilter = htmlFilter;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", text("405 method not allowed"), head);
                return;
            }
            String rawPath = exchange.getRequestURI().getRawPath();
            String path = decode(rawPath);
            if (path == null) {
                send(exchange, 400, "text/plain; charset=utf-8", text("400 bad request"), head);
                return;
            }
            String relative = path.substring(1);
            if (!relative.isEmpty() && !relative.endsWith("/") && files.isFolder(relative)) {
                String query = exchange.getRequestURI().getRawQuery();
                exchange.getResponseHeaders().set("Location", rawPath + "/" + (query == null ? "" : "?" + query));
                send(exchange, 301, "text/plain; charset=utf-8", text("301 moved"), head);
                return;
            }
            if (relative.isEmpty() || relative.endsWith("/")) {
                relative += "index.html";
            }
            byte[] body = files.read(relative);
            if (body != null) {
                send(exchange, 200, type(relative), filter(relative, body), head);
                return;
            }
            byte[] notFound = files.read("404.html");
            if (notFound != null) {
                send(exchange, 404, TYPES.get("html"), filter("404.html", notFound), head);
            } else {
                send(exchange, 404, "text/plain; charset=utf-8", text("404 not found"), head);
            }
        }
    }

    /** The decoded path, or {@code null} if it is malformed or tries to climb out of the root. */
    static String decode(String rawPath) {
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
        if (path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0 || path.startsWith("//")) {
            return null;
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                return null;
            }
        }
        return path;
    }

    private byte[] filter(String path, byte[] body) {
        return path.endsWith(".html") ? htmlFilter.apply(body) : body;
    }

    private static byte[] text(String message) {
        return (message + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static String type(String path) {
        int dot = path.lastIndexOf('.');
        String extension = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
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
