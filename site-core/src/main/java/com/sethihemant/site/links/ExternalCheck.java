package com.sethihemant.site.links;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.random.RandomGenerator;

/**
 * Checks distinct external URLs over HTTP. One thread decides everything: it keeps a lane per
 * host (its queue, its requests in flight, when it may next start one) and starts requests as
 * soon as both the host's limits and the global limit allow; responses come back as events.
 * Retries and redirects are new steps in the queues, so a host's limits also pace them, and a
 * {@code Retry-After} pauses the whole host. Nothing blocks on the network, so a slow host
 * never holds up the others.
 */
final class ExternalCheck {

    private final LinkPolicy policy;
    private final Settings settings;
    private final Verdicts verdicts;
    private final HttpFetcher fetcher;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    private final Map<String, Lane> lanes = new LinkedHashMap<>();
    private final List<Lane> laneOrder = new ArrayList<>();
    private final LinkedBlockingQueue<Done> events = new LinkedBlockingQueue<>();
    private final Set<CompletableFuture<?>> inFlight = new HashSet<>();
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private Instant deadline = Instant.MAX;
    private long sequence;
    private int cursor;
    private int failures;

    ExternalCheck(LinkPolicy policy, HttpFetcher fetcher, Clock clock, Sleeper sleeper, RandomGenerator random) {
        this.policy = policy;
        this.settings = policy.settings();
        this.verdicts = new Verdicts(policy);
        this.fetcher = fetcher;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
    }

    /** One distinct URL being checked: where its redirect chain has got to. */
    private static final class Job {
        final String key;
        final List<Verdicts.Hop> chain = new ArrayList<>();
        final Set<String> visited = new HashSet<>();
        /** What the last attempt found, while a retry waits. */
        Outcome lastTrouble;
        Outcome outcome;

        Job(String key) {
            this.key = key;
        }
    }

    /** One request to make, not before a time. */
    private record Step(Job job, Url url, boolean head, int attempt, Instant notBefore, long order) {
    }

    private record Done(Step step, CompletableFuture<?> request, HttpFetcher.Response response, Throwable error) {
    }

    /**
     * A decided URL.
     *
     * @param chain the requests that led to a success, for the cache; empty otherwise
     */
    record Checked(Outcome outcome, List<Verdicts.Hop> chain) {
        Checked {
            chain = List.copyOf(chain);
        }
    }

    /** A host's queue and limits. */
    private static final class Lane {
        final HostPolicy policy;
        final PriorityQueue<Step> waiting = new PriorityQueue<>(
                Comparator.comparing(Step::notBefore).thenComparingLong(Step::order));
        int inFlight;
        Instant nextStart = Instant.EPOCH;
        boolean headRefused;

        Lane(HostPolicy policy) {
            this.policy = policy;
        }

        /** When this lane could next start a request, or {@code null} if it is full or idle. */
        Instant readyAt() {
            if (waiting.isEmpty() || inFlight >= policy.concurrency()) {
                return null;
            }
            Instant at = waiting.peek().notBefore();
            return at.isAfter(nextStart) ? at : nextStart;
        }
    }

    /**
     * Checks every URL and returns each one's outcome, keyed by {@link Url#withoutFragment()}.
     * Returns soon after {@code runDeadline}: what is not decided by then is reported as not
     * checked. An instance runs once.
     */
    Map<String, Checked> run(Collection<Url> urls, Instant runDeadline, Progress progress) throws InterruptedException {
        if (!jobs.isEmpty()) {
            throw new IllegalStateException("an ExternalCheck runs once");
        }
        deadline = runDeadline;
        Instant now = clock.instant();
        int done = 0;
        for (Url url : urls) {
            String key = url.withoutFragment();
            if (jobs.containsKey(key)) {
                continue;
            }
            Job job = new Job(key);
            jobs.put(key, job);
            job.visited.add(key);
            Outcome before = verdicts.beforeRequest(url, false);
            if (before != null) {
                finish(job, before);
                done++;
            } else {
                enqueue(job, url, 0, now);
            }
        }
        int total = jobs.size();
        progress.checked(done, total, failures);
        int globalLimit = settings.concurrency();
        while (done < total) {
            now = clock.instant();
            if (!now.isBefore(deadline)) {
                done += giveUp();
                progress.checked(done, total, failures);
                break;
            }
            dispatch(now, globalLimit);
            Instant wake = null;
            if (inFlight.size() < globalLimit) {
                for (Lane lane : laneOrder) {
                    Instant ready = lane.readyAt();
                    if (ready != null && (wake == null || ready.isBefore(wake))) {
                        wake = ready;
                    }
                }
            }
            if (inFlight.isEmpty()) {
                if (wake == null) {
                    throw new IllegalStateException((total - done) + " URLs are undecided with nothing queued");
                }
                sleeper.sleep(Duration.between(now, wake.isBefore(deadline) ? wake : deadline));
                continue;
            }
            Duration wait = Duration.between(now, wake != null && wake.isBefore(deadline) ? wake : deadline);
            Done event = sleeper.await(events, wait);
            while (event != null) {
                if (handle(event)) {
                    done++;
                    progress.checked(done, total, failures);
                }
                event = events.poll();
            }
        }
        Map<String, Checked> result = new HashMap<>();
        jobs.forEach((key, job) -> result.put(key, new Checked(job.outcome,
                job.outcome.kind() == Outcome.Kind.OK || job.outcome.kind() == Outcome.Kind.REDIRECTED ? job.chain : List.of())));
        return result;
    }

    /** Queues a first request to a URL: HEAD unless the host asks for GET or has refused HEAD. */
    private void enqueue(Job job, Url url, int attempt, Instant notBefore) {
        Lane lane = lane(url);
        enqueue(job, url, lane.policy.headFirst() && !lane.headRefused, attempt, notBefore);
    }

    private void enqueue(Job job, Url url, boolean head, int attempt, Instant notBefore) {
        lane(url).waiting.add(new Step(job, url, head, attempt, notBefore, sequence++));
    }

    private Lane lane(Url url) {
        return lanes.computeIfAbsent(url.hostKey(), key -> {
            Lane lane = new Lane(policy.forHost(url.host()));
            laneOrder.add(lane);
            return lane;
        });
    }

    /** Starts every request the limits allow now, taking hosts in turn so none starves. */
    private void dispatch(Instant now, int globalLimit) {
        boolean started = true;
        while (started && inFlight.size() < globalLimit) {
            started = false;
            int lanesCount = laneOrder.size();
            for (int i = 0; i < lanesCount && inFlight.size() < globalLimit; i++) {
                Lane lane = laneOrder.get((cursor + i) % lanesCount);
                Instant ready = lane.readyAt();
                if (ready != null && !ready.isAfter(now)) {
                    start(lane, lane.waiting.poll(), now);
                    started = true;
                }
            }
            cursor = lanesCount == 0 ? 0 : (cursor + 1) % lanesCount;
        }
    }

    private void start(Lane lane, Step queued, Instant now) {
        // The host may have refused HEAD since this step was queued.
        Step step = queued.head() && lane.headRefused
                ? new Step(queued.job(), queued.url(), false, queued.attempt(), queued.notBefore(), queued.order())
                : queued;
        lane.inFlight++;
        lane.nextStart = now.plus(lane.policy.interval());
        CompletableFuture<HttpFetcher.Response> future;
        try {
            future = fetcher.fetch(step.url(), step.head(), lane.policy.headers());
        } catch (IllegalArgumentException e) {
            future = CompletableFuture.failedFuture(e);
        }
        inFlight.add(future);
        CompletableFuture<HttpFetcher.Response> request = future;
        future.whenComplete((response, error) -> events.add(new Done(step, request, response, error)));
    }

    /** Applies one response or failure; {@code true} when it decided its URL. */
    private boolean handle(Done done) {
        Step step = done.step();
        Lane lane = lane(step.url());
        lane.inFlight--;
        inFlight.remove(done.request());
        Job job = step.job();
        if (job.outcome != null) {
            return false;
        }
        Instant now = clock.instant();
        if (done.error() != null) {
            return failed(job, step, lane, done.error(), now);
        }
        return answered(job, step, lane, done.response(), now);
    }

    private boolean failed(Job job, Step step, Lane lane, Throwable error, Instant now) {
        String what = Failures.describe(error);
        if (step.head() && !Failures.unreachable(error)) {
            // Some servers mishandle HEAD; GET is the real test. A time-out already cost a whole
            // request timeout, so it counts as an attempt.
            enqueue(job, step.url(), false, Failures.timedOut(error) ? 1 : 0, now);
            return false;
        }
        Outcome broken = Outcome.broken(what + attempts(step));
        if (Failures.retryable(error) && retry(job, step, lane, null, now, broken)) {
            return false;
        }
        return finish(job, broken);
    }

    private boolean answered(Job job, Step step, Lane lane, HttpFetcher.Response response, Instant now) {
        int status = response.status();
        HostPolicy host = lane.policy;
        String challenge = host.challengeHeader(response.headers());
        if (Verdicts.isRedirect(status) && response.location() != null && challenge == null) {
            return redirect(job, step, status, response.location(), now);
        }
        boolean works = host.accepts(status) && challenge == null;
        if (step.head() && !works) {
            if (status == 405 || status == 501) {
                lane.headRefused = true;
            }
            Duration pause = retryAfter(response.headers(), now);
            if (pause != null && (rateLimited(status, response) || status == 503)) {
                pauseLane(lane, now.plus(pause));
                enqueue(job, step.url(), false, 0, now.plus(pause));
            } else {
                enqueue(job, step.url(), false, 0, now);
            }
            return false;
        }
        if (works && response.bodyProblem() != null) {
            Outcome broken = Outcome.broken(StatusText.describe(status) + ", but " + response.bodyProblem()
                    + attempts(step));
            if (retry(job, step, lane, null, now, broken)) {
                return false;
            }
            return finish(job, broken);
        }
        if (works) {
            job.chain.add(new Verdicts.Hop(step.url().withoutFragment(), status));
            return finish(job, Verdicts.success(job.chain));
        }
        if (challenge != null) {
            return finish(job, Outcome.blocked(StatusText.describe(status) + " with a bot challenge ("
                    + challenge + "); check it in a browser"));
        }
        if (host.blocked().contains(status)) {
            return finish(job, Outcome.blocked(StatusText.describe(status) + ": " + step.url().host()
                    + " refuses automated checks; check it in a browser"));
        }
        if (status == 401) {
            return finish(job, Outcome.blocked("401: the page needs a login"));
        }
        if (status >= 500 || status == 408 || rateLimited(status, response)) {
            Outcome last = rateLimited(status, response)
                    ? Outcome.blocked(status + ": rate limited" + attempts(step) + "; check it later or in a browser")
                    : Outcome.broken(StatusText.describe(status) + attempts(step));
            if (retry(job, step, lane, response.headers(), now, last)) {
                return false;
            }
            return finish(job, last);
        }
        return finish(job, Outcome.broken(StatusText.describe(status)));
    }

    /** 429, or a 403 with Retry-After, which is how GitHub and others answer too many requests. */
    private static boolean rateLimited(int status, HttpFetcher.Response response) {
        return status == 429 || (status == 403 && response.retryAfter() != null);
    }

    private boolean redirect(Job job, Step step, int status, String location, Instant now) {
        job.chain.add(new Verdicts.Hop(step.url().withoutFragment(), status));
        Url target;
        try {
            Urls.Cleaned cleaned = Urls.clean(location);
            target = Urls.resolve(step.url(), cleaned.value());
        } catch (BadUrlException e) {
            return finish(job, Outcome.broken(status + " redirect to '" + location + "', which " + e.getMessage()));
        }
        String key = target.withoutFragment();
        if (!job.visited.add(key)) {
            return finish(job, Outcome.broken("redirect loop: " + chainText(job) + " → " + key));
        }
        if (job.chain.size() > settings.maxRedirects()) {
            return finish(job, Outcome.broken("more than " + settings.maxRedirects() + " redirects: "
                    + chainText(job) + " → …"));
        }
        Outcome before = verdicts.beforeRequest(target, true);
        if (before != null) {
            return finish(job, before);
        }
        enqueue(job, target, 0, now);
        return false;
    }

    /** Queues the step again after back-off; {@code false} when retries or time are used up. */
    private boolean retry(Job job, Step step, Lane lane, HttpHeaders headers, Instant now, Outcome ifGivingUp) {
        if (step.attempt() >= settings.retries()) {
            return false;
        }
        Duration wait = headers == null ? null : retryAfter(headers, now);
        boolean hostAsked = wait != null;
        if (wait == null) {
            long base = settings.backoff().toMillis() << Math.min(step.attempt(), 20);
            // Equal jitter: at least half the back-off, so retries never bunch up at zero.
            wait = Duration.ofMillis(base / 2 + (long) (random.nextDouble() * (base - base / 2)));
        }
        Instant at = now.plus(wait);
        if (!at.isBefore(deadline)) {
            return false;
        }
        if (hostAsked) {
            pauseLane(lane, at);
        }
        job.lastTrouble = ifGivingUp;
        lane.waiting.add(new Step(job, step.url(), false, step.attempt() + 1, at, sequence++));
        return true;
    }

    private Duration retryAfter(HttpHeaders headers, Instant now) {
        Duration asked = RetryAfter.parse(headers.firstValue("retry-after").orElse(null), now);
        if (asked == null) {
            return null;
        }
        return asked.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : asked;
    }

    private static void pauseLane(Lane lane, Instant until) {
        if (until.isAfter(lane.nextStart)) {
            lane.nextStart = until;
        }
    }

    private String attempts(Step step) {
        int count = step.attempt() + 1;
        return count == 1 ? "" : " (" + count + " attempts)";
    }

    private static String chainText(Job job) {
        List<String> urls = new ArrayList<>();
        for (Verdicts.Hop hop : job.chain) {
            urls.add(hop.url());
        }
        return String.join(" → ", urls);
    }

    private boolean finish(Job job, Outcome outcome) {
        if (outcome.severity() == Outcome.Severity.ERROR) {
            failures++;
        }
        job.outcome = outcome;
        job.lastTrouble = null;
        return true;
    }

    /** At the deadline: cancel what is in flight and report what is left as not checked. */
    private int giveUp() {
        for (CompletableFuture<?> future : inFlight) {
            future.cancel(true);
        }
        inFlight.clear();
        int count = 0;
        String why = "not checked: the run's deadline (" + Durations.format(settings.deadline()) + ") passed";
        for (Job job : jobs.values()) {
            if (job.outcome == null) {
                job.outcome = Outcome.blocked(job.lastTrouble == null ? why
                        : why + " while waiting to retry after: " + job.lastTrouble.detail());
                count++;
            }
        }
        return count;
    }
}
