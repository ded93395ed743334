package com.sethihemant.site.links;

/** A URL that cannot be requested; the message says what is wrong with it, for the report. */
final class BadUrlException extends Exception {

    private static final long serialVersionUID = 1L;

    BadUrlException(String message) {
        super(message);
    }
}
