package com.sethihemant.site.bake;

import com.sethihemant.site.content.ContentParser;

import java.time.Clock;

/** Lets tests in other packages build the straightforward baker: no reuse between builds. */
public final class BakerAccess {

    private BakerAccess() {
    }

    public static Baker sequential(ContentParser parser, Clock clock) {
        return new Baker(parser, clock, Baker.PageRenderer.DIRECT, 1);
    }
}
