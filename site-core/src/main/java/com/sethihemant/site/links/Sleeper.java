package com.sethihemant.site.links;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * How the external check lets time pass. The real one waits; tests pass one that moves a fake
 * clock forward at once, so back-off and Retry-After are tested without sleeping.
 */
interface Sleeper {

    /** Waits until nothing is in flight and only time can change anything. */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * Waits for the next event while requests are in flight, at most {@code timeout};
     * {@code null} when the time passed first.
     *
     * @param inFlight the URLs of the requests in flight, for a fake clock that must tell
     *     whether an answer can still come before time passes
     */
    <T> T await(BlockingQueue<T> events, Duration timeout, Set<String> inFlight) throws InterruptedException;

    /** Real time. */
    Sleeper REAL = new Sleeper() {
        @Override
        public void sleep(Duration duration) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        }

        @Override
        public <T> T await(BlockingQueue<T> events, Duration timeout, Set<String> inFlight) throws InterruptedException {
            return events.poll(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        }
    };
}
