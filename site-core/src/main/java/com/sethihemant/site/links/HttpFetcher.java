package com.sethihemant.site.links;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one request with the JDK's HttpClient and reports the status and headers. Redirects are
 * not followed here (the checker follows them hop by hop), and a GET reads at most
 * {@link #BODY_PREFIX} bytes of the body before hanging up: enough to see that the server really
 * answers, never a whole large file.
 */
final class HttpFetcher {

    /** The bytes of a body read to tell a working response from one cut off mid-way. */
    static final int BODY_PREFIX = 16 * 1024;

    private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final HttpClient client;
    private final Duration requestTimeout;
    private final String userAgent;

    HttpFetcher(Duration connectTimeout, Duration requestTimeout, String userAgent) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.requestTimeout = requestTimeout;
        this.userAgent = userAgent;
    }

    /**
     * What came back: the status and headers, and, when the body broke off before
     * {@link #BODY_PREFIX} bytes or its end, why.
     */
    record Response(int status, HttpHeaders headers, String bodyProblem) {

        String location() {
            return headers.firstValue("location").orElse(null);
        }

        String retryAfter() {
            return headers.firstValue("retry-after").orElse(null);
        }
    }

    /** Starts a request; the future fails with the I/O error when no response came. */
    CompletableFuture<Response> fetch(Url url, boolean head, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.withoutFragment()))
                .timeout(requestTimeout)
                .method(head ? "HEAD" : "GET", HttpRequest.BodyPublishers.noBody())
                .header("User-Agent", userAgent)
                .header("Accept", ACCEPT)
                .header("Accept-Language", "en");
        if (url.scheme().equals("http")) {
            // Plain-text HTTP/2 needs an upgrade dance that many small servers mishandle.
            request.version(HttpClient.Version.HTTP_1_1);
        }
        headers.forEach(request::setHeader);
        return client.sendAsync(request.build(), info -> new PrefixReader(info, head ? 0 : BODY_PREFIX, requestTimeout))
                .thenApply(HttpResponse::body);
    }

    /** Reads up to a limit of the body, then cancels; completes with the response, never with an error. */
    private static final class PrefixReader implements HttpResponse.BodySubscriber<Response> {
        private final HttpResponse.ResponseInfo info;
        private final long limit;
        private final CompletableFuture<Response> result = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private long received;

        PrefixReader(HttpResponse.ResponseInfo info, long limit, Duration timeout) {
            this.info = info;
            this.limit = limit;
            // A server that sends headers and then stalls must not hold the check forever.
            result.completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public CompletionStage<Response> getBody() {
            return result.thenApply(response -> {
                if (response == null) {
                    cancel();
                    return new Response(info.statusCode(), info.headers(),
                            describe(new TimeoutException("the body stalled")));
                }
                return response;
            });
        }

        @Override
        public void onSubscribe(Flow.Subscription newSubscription) {
            subscription = newSubscription;
            if (limit == 0) {
                newSubscription.request(Long.MAX_VALUE);
            } else {
                newSubscription.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                received += buffer.remaining();
            }
            if (limit > 0 && received >= limit) {
                cancel();
                result.complete(new Response(info.statusCode(), info.headers(), null));
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.complete(new Response(info.statusCode(), info.headers(), describe(error)));
        }

        @Override
        public void onComplete() {
            result.complete(new Response(info.statusCode(), info.headers(), null));
        }

        private void cancel() {
            if (subscription != null) {
                subscription.cancel();
            }
        }

        private String describe(Throwable error) {
            return "the connection broke off after " + received + " bytes of the body ("
                    + Failures.describe(error) + ")";
        }
    }
}
