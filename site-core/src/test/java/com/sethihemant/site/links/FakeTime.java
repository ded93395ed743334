package com.sethihemant.site.links;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A clock that only moves when the checker waits, and then jumps at once: back-off and
 * Retry-After are tested without sleeping. Requests still travel in real time, but take no time
 * on this clock. Every wait is recorded, so tests can assert what the checker waited for.
 */
final class FakeTime extends Clock implements Sleeper {

    private final List<Duration> waits = new ArrayList<>();
    private Instant now;

    FakeTime(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the fake clock is always UTC");
    }

    synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Every wait the checker asked for while nothing was in flight, in order. */
    synchronized List<Duration> waits() {
        return List.copyOf(waits);
    }

    @Override
    public void sleep(Duration duration) {
        synchronized (this) {
            waits.add(duration);
        }
        advance(duration);
    }

    /** A response in flight always arrives before fake time passes; a generous real limit guards against a hang. */
    @Override
    public <T> T await(BlockingQueue<T> events, Duration timeout) throws InterruptedException {
        T event = events.poll(30, TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError("no response within 30 s of real time");
        }
        return event;
    }
}
