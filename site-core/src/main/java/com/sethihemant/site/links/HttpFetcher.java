package com.sethihemant.site.links;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends one request with the JDK's HttpClient. Redirects are not followed here (the checker
 * follows them hop by hop), and a GET reads only as much of the body as it needs: the first
 * {@link #BODY_PREFIX} bytes to see that the server really answers (and what a refusal says),
 * or, for a page whose fragments are checked, up to a size cap. The time a request may take is
 * not kept here: {@link ExternalCheck} gives each a deadline on its clock and cancels it then,
 * reading what had arrived from the {@link Call}.
 */
final class HttpFetcher {

    /** The bytes of a body read to tell a working response from one cut off mid-way, or a bot wall from a refusal. */
    static final int BODY_PREFIX = 16 * 1024;
    /** The most of a page read (as sent, compressed or not) to find the targets of its fragments. */
    static final int PAGE_LIMIT = 8 * 1024 * 1024;

    private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    /** What browsers ask for, minus Brotli and zstd, which the JDK cannot decode. */
    private static final String ACCEPT_ENCODING = "gzip, deflate";

    /** How much of a body to read. */
    enum Read {
        /** A HEAD request: there is no body. */
        NONE,
        /** The first {@link #BODY_PREFIX} bytes. */
        PREFIX,
        /** Up to the page limit, for its fragments. */
        PAGE
    }

    private final HttpClient client;
    private final Duration backstop;
    private final String userAgent;
    private final int pageLimit;

    HttpFetcher(Duration connectTimeout, Duration requestTimeout, String userAgent) {
        this(connectTimeout, requestTimeout, userAgent, PAGE_LIMIT);
    }

    /** @param pageLimit the most bytes of a page read for its fragments (tests make it small) */
    HttpFetcher(Duration connectTimeout, Duration requestTimeout, String userAgent, int pageLimit) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                // Kept for the run only: some sites send a visitor without their cookie round a
                // redirect that sets it, and would otherwise look like a redirect loop.
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        // The checker's own deadline ends a request first; this only guards against a clock that
        // never moves, so that no request can hang for ever.
        this.backstop = requestTimeout.multipliedBy(2).plus(connectTimeout);
        this.userAgent = userAgent;
        this.pageLimit = pageLimit;
    }

    /**
     * What came back.
     *
     * @param body the bytes of the body that were read, as sent (possibly compressed)
     * @param cut whether the body was longer than what was read
     * @param bodyProblem why the body broke off before its end or the read limit, or {@code null}
     */
    record Response(int status, HttpHeaders headers, byte[] body, boolean cut, String bodyProblem) {

        /** The Location header, its raw bytes read as UTF-8 when they are (as browsers read it). */
        String location() {
            return headers.firstValue("location").map(HttpFetcher::asUtf8).orElse(null);
        }

        String retryAfter() {
            return headers.firstValue("retry-after").orElse(null);
        }
    }

    /**
     * A request under way: the response to come, and what has arrived so far, so that a request
     * stopped at its deadline can be described (no answer at all, or a body that trickled in).
     */
    static final class Call {
        private final CompletableFuture<Response> response;
        private final CompletableFuture<?> exchange;
        private final AtomicInteger status;
        private final AtomicLong bodyBytes;
        private final AtomicReference<BodyReader> reader;

        private Call(CompletableFuture<Response> response, CompletableFuture<?> exchange, AtomicInteger status,
                     AtomicLong bodyBytes, AtomicReference<BodyReader> reader) {
            this.response = response;
            this.exchange = exchange;
            this.status = status;
            this.bodyBytes = bodyBytes;
            this.reader = reader;
        }

        static Call failed(Throwable error) {
            return new Call(CompletableFuture.failedFuture(error), CompletableFuture.completedFuture(null),
                    new AtomicInteger(-1), new AtomicLong(), new AtomicReference<>());
        }

        /** Completes with the response; fails with the I/O error when none came. */
        CompletableFuture<Response> response() {
            return response;
        }

        /** The status, once the headers have arrived; -1 before. */
        int status() {
            return status.get();
        }

        long bodyBytes() {
            return bodyBytes.get();
        }

        /** Abandons the request and closes its connection. */
        void cancel() {
            BodyReader body = reader.get();
            if (body != null) {
                body.abort();
            }
            exchange.cancel(true);
            response.cancel(true);
        }
    }

    /**
     * A header value read again as UTF-8. The JDK's client turns each byte of a header into one
     * char (some of its versions sign-extend them), so a Location of raw UTF-8 such as
     * {@code /café/} arrives as {@code /cafÃ©/}; a value whose bytes are not UTF-8 stays as it came.
     */
    static String asUtf8(String value) {
        byte[] bytes = new byte[value.length()];
        boolean high = false;
        for (int i = 0; i < value.length(); i++) {
            int c = value.charAt(i);
            if (c >= 0xFF80) {
                c &= 0xFF;
            }
            if (c > 0xFF) {
                return value;
            }
            high |= c >= 0x80;
            bytes[i] = (byte) c;
        }
        if (!high) {
            return value;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return value;
        }
    }

    /** Starts a request; the call's response fails with the I/O error when no response came. */
    Call fetch(Url url, boolean head, Read read, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.withoutFragment()))
                .timeout(backstop)
                .method(head ? "HEAD" : "GET", HttpRequest.BodyPublishers.noBody())
                .header("User-Agent", userAgent)
                .header("Accept", ACCEPT)
                .header("Accept-Language", "en")
                .header("Accept-Encoding", ACCEPT_ENCODING);
        if (url.scheme().equals("http")) {
            // Plain-text HTTP/2 needs an upgrade dance that many small servers mishandle.
            request.version(HttpClient.Version.HTTP_1_1);
        }
        headers.forEach(request::setHeader);
        AtomicInteger status = new AtomicInteger(-1);
        AtomicLong bodyBytes = new AtomicLong();
        AtomicReference<BodyReader> reader = new AtomicReference<>();
        int limit = head || read == Read.NONE ? 0 : read == Read.PAGE ? pageLimit : BODY_PREFIX;
        CompletableFuture<HttpResponse<Response>> exchange = client.sendAsync(request.build(), info -> {
            status.set(info.statusCode());
            BodyReader body = new BodyReader(info, limit, bodyBytes);
            reader.set(body);
            return body;
        });
        return new Call(exchange.thenApply(HttpResponse::body), exchange, status, bodyBytes, reader);
    }

    /** Reads the body up to a limit, then hangs up; completes with the response, never with an error. */
    private static final class BodyReader implements HttpResponse.BodySubscriber<Response> {
        private final HttpResponse.ResponseInfo info;
        private final long limit;
        private final AtomicLong received;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<Response> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        BodyReader(HttpResponse.ResponseInfo info, long limit, AtomicLong received) {
            this.info = info;
            this.limit = limit;
            this.received = received;
        }

        @Override
        public CompletionStage<Response> getBody() {
            return result;
        }

        @Override
        public synchronized void onSubscribe(Flow.Subscription newSubscription) {
            subscription = newSubscription;
            if (result.isDone()) {
                newSubscription.cancel();
            } else {
                newSubscription.request(limit == 0 ? Long.MAX_VALUE : 1);
            }
        }

        /** Stops reading and hangs up, so a stalled body cannot hold a connection. */
        synchronized void abort() {
            result.cancel(true);
            if (subscription != null) {
                subscription.cancel();
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int room = (int) Math.min(buffer.remaining(), Math.max(0, limit - bytes.size()));
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, room);
                received.addAndGet(chunk.length);
            }
            if (limit > 0 && received.get() >= limit) {
                subscription.cancel();
                result.complete(response(received.get() > limit, null));
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.complete(response(false, "the connection broke off after " + received.get() + " bytes of the body ("
                    + Failures.describe(error) + ")"));
        }

        @Override
        public void onComplete() {
            result.complete(response(false, null));
        }

        private Response response(boolean cut, String problem) {
            return new Response(info.statusCode(), info.headers(), bytes.toByteArray(), cut, problem);
        }
    }
}
