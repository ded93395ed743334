package com.sethihemant.site.links;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Turns the exceptions of a failed request into words for the report, and says which are worth a retry. */
final class Failures {

    private Failures() {
    }

    static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static String describe(Throwable error) {
        Throwable t = unwrap(error);
        if (t instanceof HttpConnectTimeoutException) {
            return "timed out connecting";
        }
        if (t instanceof HttpTimeoutException || t instanceof TimeoutException) {
            return "timed out waiting for the response";
        }
        if (causedBy(t, UnresolvedAddressException.class) || causedBy(t, UnknownHostException.class)) {
            return "the host name does not resolve";
        }
        if (t instanceof ConnectException) {
            return "the connection was refused";
        }
        if (causedBy(t, SSLException.class)) {
            return "TLS failed: " + message(rootCause(t));
        }
        if (t instanceof CancellationException) {
            return "cancelled";
        }
        if (t instanceof IOException) {
            return "the connection failed: " + message(t);
        }
        return "the request failed: " + t;
    }

    static boolean timedOut(Throwable error) {
        Throwable t = unwrap(error);
        return t instanceof HttpTimeoutException || t instanceof TimeoutException;
    }

    /** Whether the host could not be reached at all, so another method would fare no better. */
    static boolean unreachable(Throwable error) {
        Throwable t = unwrap(error);
        return t instanceof HttpConnectTimeoutException || t instanceof ConnectException
                || causedBy(t, UnresolvedAddressException.class) || causedBy(t, UnknownHostException.class);
    }

    /** Certificate and handshake failures will not heal in seconds; everything else might. */
    static boolean retryable(Throwable error) {
        Throwable t = unwrap(error);
        return !causedBy(t, SSLException.class) && !(t instanceof IllegalArgumentException)
                && !(t instanceof CancellationException);
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
