package com.sethihemant.site.links;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A clock that only moves when the checker waits, and then jumps at once: back-off,
 * Retry-After and request deadlines are tested without sleeping. Requests still travel in real
 * time, but take no time on this clock. Every wait with nothing in flight is recorded, so tests
 * can assert what the checker waited for.
 *
 * <p>While requests are in flight the clock waits for their answers, unless every one of them is
 * to a URL that {@code stalls} says will never answer (a server route that holds the request):
 * then nothing can happen before time passes, and the clock jumps to when the checker wakes.
 */
final class FakeTime extends Clock implements Sleeper {

    private final List<Duration> waits = new ArrayList<>();
    private final Predicate<String> stalls;
    private Instant now;

    FakeTime(Instant start) {
        this(start, url -> false);
    }

    FakeTime(Instant start, Predicate<String> stalls) {
        this.now = start;
        this.stalls = stalls;
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

    /**
     * A response that can come arrives before fake time passes; when none can, time jumps by
     * {@code timeout}. A generous real limit guards against a hang.
     */
    @Override
    public <T> T await(BlockingQueue<T> events, Duration timeout, Set<String> inFlight) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < giveUp) {
            T event = events.poll(5, TimeUnit.MILLISECONDS);
            if (event != null) {
                return event;
            }
            if (!inFlight.isEmpty() && inFlight.stream().allMatch(stalls)) {
                advance(timeout);
                return null;
            }
        }
        throw new AssertionError("no response within 30 s of real time; in flight: " + inFlight);
    }
}
