package com.sethihemant.site.links;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * A misbehaving web server on 127.0.0.1 with a named route for each behaviour the checker must
 * handle. It records every request (method, path, arrival time, headers) and the most requests
 * it had in flight at once, so tests can verify the checker's manners from the server's side.
 */
final class LoopbackServer implements AutoCloseable {

    /** One request as the server saw it. */
    record Request(String method, String path, long arrivedNanos, String userAgent, String testHeader) {
    }

    /** The Retry-After date the date route sends: 30 s after {@link #FAKE_START}. */
    static final Instant FAKE_START = Instant.parse("2026-01-01T00:00:00Z");
    static final String RETRY_DATE = "Thu, 01 Jan 2026 00:00:30 GMT";
    static final long LARGE_BODY = 256L * 1024 * 1024;
    static final Duration LATENCY = Duration.ofMillis(100);

    private final HttpServer server;
    private final ServerSocket raw;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicLong largeBytesWritten = new AtomicLong();
    private final BlockingQueue<String> hangUps = new LinkedBlockingQueue<>();

    private LoopbackServer(HttpServer server, ServerSocket raw) {
        this.server = server;
        this.raw = raw;
    }

    static LoopbackServer start() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        ServerSocket raw = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        LoopbackServer loopback = new LoopbackServer(http, raw);
        http.createContext("/", loopback::handle);
        http.setExecutor(loopback.executor);
        http.start();
        loopback.executor.execute(loopback::acceptRaw);
        return loopback;
    }

    /**
     * A URL on the raw socket server, for what HttpServer cannot do: {@code /truncated} refuses
     * HEAD, and to GET promises 100 000 bytes, sends 100 and closes the connection;
     * {@code /truncated-after-head} answers HEAD in full and truncates GET the same way;
     * {@code /dropped} closes the connection halfway through the headers; {@code /silent...}
     * never answers and {@code /half-headers} stops halfway through the headers, both holding the
     * connection until the checker hangs up, which the server notices.
     */
    String rawUrl(String path) {
        return "http://127.0.0.1:" + raw.getLocalPort() + path;
    }

    private void acceptRaw() {
        while (!raw.isClosed()) {
            try {
                Socket socket = raw.accept();
                executor.execute(() -> serveRaw(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serveRaw(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String requestLine = in.readLine();
            if (requestLine == null) {
                return;
            }
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                // skip the headers
            }
            String[] parts = requestLine.split(" ");
            synchronized (this) {
                requests.add(new Request(parts[0], "raw:" + parts[1], System.nanoTime(), null, null));
            }
            OutputStream out = socket.getOutputStream();
            boolean head = parts[0].equals("HEAD");
            if (parts[1].startsWith("/silent") || parts[1].startsWith("/half-headers")) {
                if (parts[1].startsWith("/half-headers")) {
                    out.write("HTTP/1.1 200 OK\r\nContent-Ty".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
                // Hold the connection until the checker hangs up (read returns -1) or the test ends.
                hold(rawUrl(parts[1]), () -> {
                    try {
                        while (socket.getInputStream().read() >= 0) {
                            // ignore anything more the client sends
                        }
                    } catch (IOException e) {
                        // closed: a hang-up too
                    }
                });
                hangUps.add(parts[1]);
                return;
            }
            if (parts[1].equals("/truncated") && head) {
                out.write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            } else if (parts[1].startsWith("/truncated")) {
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                if (!head) {
                    out.write(new byte[100]);
                }
            } else {
                out.write("HTTP/1.1 200 OK\r\nContent-Ty".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
        } catch (IOException e) {
            // the checker hung up first
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Real time for bytes already sent to reach the client on a loaded machine, before a hold counts as a stall. */
    private static final Duration TRAVEL = Duration.ofMillis(250);

    /** Requests the server holds unanswered until the test ends, by URL, counted while held. */
    private final Map<String, AtomicInteger> held = new ConcurrentHashMap<>();

    /**
     * Whether a request to this URL is being held, so no answer can come before time passes:
     * what {@link FakeTime} needs to know. Counted from when the route has sent all it will
     * send, so the checker has seen what there is to see.
     */
    boolean stalls(String url) {
        AtomicInteger count = held.get(url);
        return count != null && count.get() > 0;
    }

    /** Holds the request until the test ends (or, for raw routes, the checker hangs up). */
    private void hold(String url, Runnable waiting) {
        AtomicInteger count = held.computeIfAbsent(url, u -> new AtomicInteger());
        count.incrementAndGet();
        try {
            waiting.run();
        } finally {
            count.decrementAndGet();
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    synchronized List<Request> requests(String pathPrefix) {
        return requests.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    List<String> methods(String pathPrefix) {
        return requests(pathPrefix).stream().map(Request::method).toList();
    }

    /** The next raw route whose connection the checker closed while the server held it; {@code null} if none within 10 s. */
    String awaitHangUp() throws InterruptedException {
        return hangUps.poll(10, TimeUnit.SECONDS);
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    long largeBytesWritten() {
        return largeBytesWritten.get();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        try {
            raw.close();
        } catch (IOException e) {
            // closing anyway
        }
        scheduler.shutdownNow();
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        synchronized (this) {
            requests.add(new Request(method, path, System.nanoTime(),
                    exchange.getRequestHeaders().getFirst("User-Agent"), exchange.getRequestHeaders().getFirst("X-Test")));
        }
        int hit = hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        boolean head = method.equals("HEAD");
        if (path.startsWith("/latency/")) {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            // Answer later from another thread; the handler thread is free meanwhile.
            scheduler.schedule(() -> respondLater(exchange, head), LATENCY.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        route(exchange, path, hit, head);
    }

    private void route(HttpExchange exchange, String path, int hit, boolean head) throws IOException {
        switch (path) {
            case "/", "/ok", "/authwall", "/errors/404.html", "/accounts/login" -> respond(exchange, 200, head);
            case "/page/fragments" -> page(exchange, head, false, FRAGMENTS_PAGE);
            case "/page/gzip" -> page(exchange, head, true, FRAGMENTS_PAGE);
            case "/page/brotli" -> {
                exchange.getResponseHeaders().set("Content-Encoding", "br");
                page(exchange, head, false, FRAGMENTS_PAGE);
            }
            case "/page/embedded" -> page(exchange, head, false, EMBEDDED_PAGE);
            case "/page/embedded-long" -> page(exchange, head, false, "<!doctype html><script type=\"application/json\">"
                    + "{\"html\":\"<p id=\\\"" + "x".repeat(30_000) + "\\\"></p><p data-id=\\\"data\\\">"
                    + "<p id=\\\"short\\\"></p>\"}</script>");
            case "/page/big" -> page(exchange, head, false, "<!doctype html><p>" + "x".repeat(200_000) + "<p id=late>late");
            case "/page/redirect" -> redirect(exchange, 302, "/page/fragments");
            case "/page/redirect-with-fragment" -> redirect(exchange, 302, "/page/fragments#legacy");
            case "/doc.pdf" -> {
                exchange.getResponseHeaders().set("Content-Type", "application/pdf");
                byte[] pdf = "%PDF-1.4\n".getBytes(StandardCharsets.ISO_8859_1);
                exchange.sendResponseHeaders(200, head ? -1 : pdf.length);
                if (!head) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(pdf);
                    }
                }
                exchange.close();
            }
            case "/aws-waf" -> {
                exchange.getResponseHeaders().set("x-amzn-waf-action", "challenge");
                respond(exchange, 202, head);
            }
            case "/aws-waf-captcha" -> {
                exchange.getResponseHeaders().set("x-amzn-waf-action", "captcha");
                respond(exchange, 405, head);
            }
            case "/cloudflare-js" -> wall(exchange, head, 503, "server", "cloudflare",
                    "<title>Just a moment...</title><script src=\"/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1\"></script>");
            case "/cloudflare-1020" -> wall(exchange, head, 403, "server", "cloudflare",
                    "<title>Access denied | example.org used Cloudflare to restrict access</title>");
            case "/akamai" -> wall(exchange, head, 403, "server", "AkamaiGHost",
                    "<H1>Access Denied</H1>You don't have permission to access this server. Reference #18.5e3c");
            case "/datadome" -> wall(exchange, head, 403, "x-datadome", "protected",
                    "<script src=\"https://ct.captcha-delivery.com/c.js\"></script>");
            case "/s3-missing" -> wall(exchange, head, 403, "x-amz-request-id", "4442587FB7D0A2F9",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>");
            case "/redirect-to-999" -> redirect(exchange, 301, "/denied-999");
            case "/redirect-to-challenge" -> redirect(exchange, 302, "/challenge");
            case "/redirect-to-login" -> redirect(exchange, 302, "/accounts/login?next=%2Fmembers%2Fpaper");
            case "/blog/2019/a-deleted-post" -> redirect(exchange, 302, "/");
            case "/en" -> redirect(exchange, 302, "/");
            case "/moved-to-error-page" -> redirect(exchange, 301, "/errors/404.html");
            case "/not-found" -> respond(exchange, 404, head);
            case "/gone" -> respond(exchange, 410, head);
            case "/forbidden" -> respond(exchange, 403, head);
            case "/denied-999" -> respond(exchange, 999, head);
            case "/challenge" -> {
                exchange.getResponseHeaders().set("cf-mitigated", "challenge");
                respond(exchange, 403, head);
            }
            case "/moved" -> redirect(exchange, 301, "/ok");
            case "/teapot" -> respond(exchange, 418, head);
            case "/not-acceptable" -> respond(exchange, 406, head);
            case "/members" -> {
                // A site that sends a visitor without its cookie round a check that sets it.
                String cookie = exchange.getRequestHeaders().getFirst("Cookie");
                if (cookie != null && cookie.contains("seen=1")) {
                    respond(exchange, 200, head);
                } else {
                    redirect(exchange, 302, "/cookie-check?back=%2Fmembers");
                }
            }
            case "/cookie-check" -> {
                exchange.getResponseHeaders().add("Set-Cookie", "seen=1; Path=/");
                redirect(exchange, 302, "/members");
            }
            case "/chain/1" -> redirect(exchange, 301, "/chain/2");
            case "/chain/2" -> redirect(exchange, 308, url("/chain/3"));
            case "/chain/3" -> redirect(exchange, 302, "/ok");
            case "/temporary" -> redirect(exchange, 307, "/ok");
            case "/loop/a" -> redirect(exchange, 301, "/loop/b");
            case "/loop/b" -> redirect(exchange, 301, "/loop/a");
            case "/login-wall" -> redirect(exchange, 302, "/authwall?trk=robot");
            case "/head-405", "/head-405/a", "/head-405/b", "/head-405/c" -> respond(exchange, head ? 405 : 200, head);
            case "/head-404" -> respond(exchange, head ? 404 : 200, head);
            case "/head-loop" -> {
                if (head) {
                    redirect(exchange, 302, "/head-loop");
                } else {
                    respond(exchange, 200, false);
                }
            }
            case "/utf8-location" -> {
                // The bytes of "/café/" in UTF-8, one char per byte, which is how this server writes a header.
                redirect(exchange, 301, new String("/café/".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
            }
            case "/caf%C3%A9/", "/docs/reference/status/404" -> respond(exchange, 200, head);
            case "/docs/status/404" -> redirect(exchange, 301, "/docs/reference/status/404");
            case "/home.html" -> redirect(exchange, 301, "/");
            case "/2020/01/01/post" -> redirect(exchange, 301, "/2020/01/01/post/");
            case "/2020/01/01/post/", "/404" -> respond(exchange, 200, head);
            case "/item/404" -> redirect(exchange, 302, "/404");
            case "/blog/2020/index.html" -> redirect(exchange, 302, "/");
            case "/rate-limited/seconds" -> rateLimited(exchange, hit == 1, "7", head);
            case "/rate-limited/date" -> rateLimited(exchange, hit == 1, RETRY_DATE, head);
            case "/rate-limited/huge" -> rateLimited(exchange, hit == 1, "3600", head);
            case "/rate-limited/always" -> rateLimited(exchange, true, "1", head);
            case "/rate-limited/403" -> {
                if (hit == 1) {
                    exchange.getResponseHeaders().set("Retry-After", "5");
                }
                respond(exchange, hit == 1 ? 403 : 200, head);
            }
            case "/flaky" -> respond(exchange, hit <= 2 ? 500 : 200, head);
            case "/always-500" -> respond(exchange, 500, head);
            case "/slow" -> {
                hold(url(path), this::awaitRelease);
                respond(exchange, 200, head);
            }
            case "/large" -> large(exchange, head);
            case "/stalled-body" -> stalledBody(exchange, head);
            default -> {
                if (path.startsWith("/trickle/")) {
                    stalledBody(exchange, head);
                } else if (path.startsWith("/hang/")) {
                    // A page of a working host that never comes: the host answers its other pages.
                    hold(url(path), this::awaitRelease);
                } else if (path.startsWith("/head-hops/")) {
                    // Redirects without end for HEAD; GET lands after one.
                    int n = Integer.parseInt(path.substring("/head-hops/".length()));
                    if (head) {
                        redirect(exchange, 302, "/head-hops/" + (n + 1));
                    } else if (n == 1) {
                        redirect(exchange, 302, "/ok");
                    } else {
                        respond(exchange, 404, false);
                    }
                } else if (path.startsWith("/hops/")) {
                    int n = Integer.parseInt(path.substring("/hops/".length()));
                    redirect(exchange, 302, "/hops/" + (n + 1));
                } else if (path.startsWith("/ok/")) {
                    respond(exchange, 200, head);
                } else {
                    respond(exchange, 404, head);
                }
            }
        }
    }

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counts the request as answered before answering, so the client cannot be seen to overlap it. */
    private void respondLater(HttpExchange exchange, boolean head) {
        inFlight.decrementAndGet();
        try {
            respond(exchange, 200, head);
        } catch (IOException e) {
            // the client went away; nothing to record
        }
    }

    private static void respond(HttpExchange exchange, int status, boolean head) throws IOException {
        byte[] body = ("<!doctype html><title>" + status + "</title>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        if (head) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static void rateLimited(HttpExchange exchange, boolean limited, String retryAfter, boolean head)
            throws IOException {
        if (limited) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        respond(exchange, limited ? 429 : 200, head);
    }

    /** A page with one of each kind of fragment target. */
    static final String FRAGMENTS_PAGE = """
            <!doctype html><html><head><title>Fragments</title></head><body>
            <h2 id="Intro">Intro</h2>
            <p id="caf\u00e9">Caf\u00e9</p>
            <a name="legacy"></a>
            <div name="not-an-anchor"></div>
            <h2><a id="user-content-install" class="anchor" href="#install"></a>Install</h2>
            </body></html>
            """;

    /** A page whose HTML comes as JSON for its script, as GitHub sends a file view; ids elsewhere do not count. */
    static final String EMBEDDED_PAGE = """
            <!doctype html><html><head><title>README.md</title></head><body><div id="repo-content"></div>
            <p>id=\\"in-text\\"</p>
            <script>var html = "<p id=\\"in-script\\"></p>";</script>
            <script type="application/json" data-target="react-app.embeddedData">{"payload":{"blob":{"richText":\
            "\\u003carticle class=\\"markdown-body\\"\\u003e\\u003ch2 class=\\"heading-element\\"\\u003eSet up\\u003c/h2\\u003e\\u003ca \
            id=\\"user-content-set-up\\" class=\\"anchor\\" href=\\"#set-up\\"\\u003e\\u003c/a\\u003e\\u003cp id=\\"caf\\u00e9\\"\\u003e\\u003c/p\\u003e"}}}</script>
            </body></html>
            """;

    private static void page(HttpExchange exchange, boolean head, boolean gzip, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        if (gzip) {
            ByteArrayOutputStream packed = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(packed)) {
                out.write(body);
            }
            body = packed.toByteArray();
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    /** A refusal as a bot-protection service sends it: its header and its page. */
    private static void wall(HttpExchange exchange, boolean head, int status, String header, String value, String html)
            throws IOException {
        exchange.getResponseHeaders().set(header, value);
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    /** Streams a body far larger than any checker should read, counting what got out. */
    private void large(HttpExchange exchange, boolean head) throws IOException {
        if (head) {
            respond(exchange, 405, true);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, 0);
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = exchange.getResponseBody()) {
            while (largeBytesWritten.get() < LARGE_BODY) {
                out.write(chunk);
                largeBytesWritten.addAndGet(chunk.length);
            }
        } catch (IOException e) {
            // the checker hung up, as it should
        }
    }

    /** Promises 100 000 bytes, sends 100, then sends nothing more until the test ends. */
    private void stalledBody(HttpExchange exchange, boolean head) throws IOException {
        if (head) {
            respond(exchange, 405, true);
            return;
        }
        exchange.sendResponseHeaders(200, 100_000);
        OutputStream out = exchange.getResponseBody();
        out.write(new byte[100]);
        out.flush();
        // What was sent is still on its way: only once the client has had real time to read the
        // status line may the fake clock jump to its deadline (on a loaded machine, a jump right
        // after the flush sometimes came before the client had the headers).
        try {
            Thread.sleep(TRAVEL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        hold(url(exchange.getRequestURI().getRawPath()), this::awaitRelease);
        exchange.close();
    }
}
