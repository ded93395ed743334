package com.sethihemant.site.bake;

import com.sethihemant.site.content.ContentParser;

import java.time.Clock;

/** Lets tests in other packages build bakers with a chosen number of Asciidoctor threads. */
public final class BakerAccess {

    private BakerAccess() {
    }

    public static Baker sequential(ContentParser parser, Clock clock) {
        return new Baker(parser, clock, Baker.PageRenderer.DIRECT, 1);
    }

    public static Baker parallel(ContentParser parser, Clock clock, int threads) {
        return new Baker(parser, clock, Baker.PageRenderer.DIRECT, threads);
    }
}
