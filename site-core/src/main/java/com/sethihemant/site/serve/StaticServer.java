package com.sethihemant.site.serve;

import com.sethihemant.site.SiteException;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * Serves a baked site from a folder, the way a static host does (see {@link SiteHandler}). It
 * only reads files inside the folder: symbolic links that lead outside answer 404.
 */
public final class StaticServer implements AutoCloseable {

    /**
     * The JDK's server writes a response's headers and its body separately. With Nagle's
     * algorithm on (the JDK default), the body waits for the client to acknowledge the headers,
     * and a client that delays its acknowledgements (Linux by up to 40 ms) makes every response
     * on a kept-alive connection take that long: measured here with curl, 45 ms a response instead
     * of 2 ms, and a page with four assets loaded in Chromium in 165 ms instead of 100 ms.
     * {@code sun.net.httpserver.nodelay}
     * (documented in the {@code jdk.httpserver} module) switches it off; the JDK reads it once,
     * when the first server of the process is created, which this class does. A value given on
     * the command line wins.
     */
    static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;

    private StaticServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
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
        StaticServer server = listen(address);
        server.server.createContext("/", new SiteHandler(new Folder(root), UnaryOperator.identity()));
        server.server.start();
        return server;
    }

    /** Creates a server on {@code address} without starting it; the preview adds its own handlers. */
    static StaticServer listen(InetSocketAddress address) {
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw SiteException.io(null, "cannot listen on " + address.getHostString() + ":" + address.getPort()
                    + " (is another server running? Try --port)", e);
        }
        // A cached pool: the preview keeps one connection open per browser tab for its events.
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "site-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        return new StaticServer(server, executor);
    }

    HttpServer http() {
        return server;
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

    /** Files of a folder on disk, never following a link out of it. */
    private record Folder(Path root) implements SiteFiles {
        @Override
        public byte[] read(String path) {
            Path file = root.resolve(path).normalize();
            if (!inside(file) || !Files.isRegularFile(file)) {
                return null;
            }
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                return null;
            }
        }

        @Override
        public boolean isFolder(String path) {
            Path folder = root.resolve(path).normalize();
            return Files.isDirectory(folder) && inside(folder);
        }

        private boolean inside(Path file) {
            try {
                return file.startsWith(root) && file.toRealPath().startsWith(root);
            } catch (IOException e) {
                return false;
            }
        }
    }
}
