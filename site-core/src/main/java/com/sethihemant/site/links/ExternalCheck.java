package com.sethihemant.site.links;

import com.sethihemant.site.config.Durations;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
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
 *
 * <p>Every request has a deadline on the checker's clock ({@code requestTimeout}), for its
 * headers and body together: a request still unanswered then is cancelled and its URL is
 * unverifiable, not broken. A time-out is retried once (a refused connection as often as
 * {@code retries} allows), and only while the host has answered nothing else: a page that
 * times out on a host that answers others is slow itself. A host that lets a whole round of
 * requests go unanswered (as many in a row as it may have in flight, with nothing heard from it
 * since they started) is probed: up to {@link #PROBES} of its other requests go at once. If one
 * answers, the host is alive and only those pages are slow; if none does, the host is given
 * up on and its other URLs are reported at once. So a host that never answers costs one
 * deadline and one retry, not a deadline per URL, and a host with a few pages that hang
 * still has every other page checked.
 */
final class ExternalCheck {

    /** Requests in flight at once to a host that is being probed, whatever its concurrency. */
    static final int PROBES = 8;

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
    private final Map<CompletableFuture<?>, Flight> flights = new LinkedHashMap<>();
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private Instant deadline = Instant.MAX;
    private long sequence;
    private int cursor;
    private int failures;
    private int decided;

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
        final Url first;
        final List<Verdicts.Hop> chain = new ArrayList<>();
        /** Each URL of the chain, at the index of its hop. */
        final Map<String, Integer> visited = new HashMap<>();
        /** The last hop whose response set a cookie, or -1. */
        int lastCookieHop = -1;
        /** Whether the page itself is wanted, for the fragments that link to it. */
        boolean wantsPage;
        /** Whether any request of the chain so far was HEAD. */
        boolean headUsed;
        /** Whether the chain is followed with GET alone, after HEAD led into a loop. */
        boolean getOnly;
        /** The fragment the last redirect gave, which replaces the link's own (as in a browser). */
        String redirectFragment;
        int timeouts;
        /** Whether the step queued for it is the retry of a time-out. */
        boolean timeoutRetryQueued;
        /** What the last attempt found, while a retry waits. */
        Outcome lastTrouble;
        Outcome outcome;
        ServedPage page;

        Job(String key, Url first) {
            this.key = key;
            this.first = first;
        }
    }

    /** One request to make, not before a time. */
    private record Step(Job job, Url url, boolean head, int attempt, Instant notBefore, long order) {
    }

    /**
     * A request in flight and when it must have finished.
     *
     * @param number the how-manyth request to its host it is, from 1
     * @param probeRound the round of probes it belongs to, or 0 if its host was not being probed
     */
    private record Flight(Step step, Lane lane, Instant started, Instant deadline, HttpFetcher.Call call, int number,
                          int probeRound) {
    }

    private record Done(CompletableFuture<?> request, HttpFetcher.Response response, Throwable error) {
    }

    /**
     * A decided URL.
     *
     * @param chain the requests that led to a success, for the cache; empty otherwise
     * @param page the page as served, when it was read for fragments; {@code null} otherwise
     * @param redirectFragment the fragment a redirect set, which applies instead of the link's; or {@code null}
     */
    record Checked(Outcome outcome, List<Verdicts.Hop> chain, ServedPage page, String redirectFragment) {
        Checked {
            chain = List.copyOf(chain);
        }
    }

    /** A host's queue and limits. */
    private static final class Lane {
        final HostPolicy policy;
        final String name;
        final PriorityQueue<Step> waiting = new PriorityQueue<>(
                Comparator.comparing(Step::notBefore).thenComparingLong(Step::order));
        int inFlight;
        Instant nextStart = Instant.EPOCH;
        boolean headRefused;
        /** Requests started after the host last answered that timed out without a word. */
        int unanswered;
        /** Requests started. */
        int started;
        /** The requests started up to the host's last answer: they were in flight while it answered. */
        int startedBeforeAnswer;
        /** The current round of probes, counted from 1. */
        int probeRound;
        /** A whole round of requests went unanswered: more go at once, to tell a dead host from slow pages. */
        boolean probing;
        /** Given up on: its probes went unanswered too. */
        boolean silent;
        /** Whether the host has answered anything in this run: then a page that times out is slow itself. */
        boolean everAnswered;

        Lane(HostPolicy policy, String name) {
            this.policy = policy;
            this.name = name;
        }

        /** The host said something (a status line, an error that is not a time-out): it is there. */
        void answered() {
            unanswered = 0;
            startedBeforeAnswer = started;
            probing = false;
            everAnswered = true;
        }

        int concurrency() {
            return probing ? Math.max(policy.concurrency(), PROBES) : policy.concurrency();
        }

        /** When this lane could next start a request, or {@code null} if it is full or idle. */
        Instant readyAt() {
            if (waiting.isEmpty() || inFlight >= concurrency()) {
                return null;
            }
            Instant at = waiting.peek().notBefore();
            return at.isAfter(nextStart) ? at : nextStart;
        }
    }

    /**
     * Checks every URL and returns each one's outcome, keyed by {@link Url#withoutFragment()}.
     * A URL whose fragment names an element is fetched with GET and its page read, once for
     * all its fragments. Returns soon after {@code runDeadline}: what is not decided by then is
     * reported as unverifiable. An instance runs once.
     */
    Map<String, Checked> run(Collection<Url> urls, Instant runDeadline, Progress progress) throws InterruptedException {
        if (!jobs.isEmpty()) {
            throw new IllegalStateException("an ExternalCheck runs once");
        }
        deadline = runDeadline;
        Instant now = clock.instant();
        List<Job> toStart = new ArrayList<>();
        for (Url url : urls) {
            String key = url.withoutFragment();
            Job job = jobs.get(key);
            if (job == null) {
                job = new Job(key, url);
                jobs.put(key, job);
                job.visited.put(key, 0);
                Outcome before = verdicts.beforeRequest(url, false);
                if (before != null) {
                    finish(job, before);
                } else {
                    toStart.add(job);
                }
            }
            if (looksUp(url, url.fragment())) {
                job.wantsPage = true;
            }
        }
        for (Job job : toStart) {
            enqueue(job, job.first, 0, now);
        }
        int total = jobs.size();
        progress.checked(decided, total, failures);
        int globalLimit = settings.concurrency();
        int reported = decided;
        while (decided < total) {
            now = clock.instant();
            if (!now.isBefore(deadline)) {
                giveUp();
                progress.checked(decided, total, failures);
                break;
            }
            expire(now);
            dispatch(now, globalLimit);
            if (decided != reported) {
                reported = decided;
                progress.checked(decided, total, failures);
            }
            if (decided >= total) {
                break;
            }
            Instant wake = deadline;
            if (flights.size() < globalLimit) {
                for (Lane lane : laneOrder) {
                    Instant ready = lane.readyAt();
                    if (ready != null && ready.isBefore(wake)) {
                        wake = ready;
                    }
                }
            }
            for (Flight flight : flights.values()) {
                if (flight.deadline().isBefore(wake)) {
                    wake = flight.deadline();
                }
            }
            Duration wait = Duration.between(now, wake);
            if (flights.isEmpty()) {
                if (wake.equals(Instant.MAX)) {
                    throw new IllegalStateException((total - decided) + " URLs are undecided with nothing queued");
                }
                sleeper.sleep(wait);
                continue;
            }
            Done event = sleeper.await(events, wait, inFlightUrls());
            while (event != null) {
                handle(event);
                event = events.poll();
            }
            if (decided != reported) {
                reported = decided;
                progress.checked(decided, total, failures);
            }
        }
        Map<String, Checked> result = new HashMap<>();
        jobs.forEach((key, job) -> {
            boolean success = job.outcome.kind() == Outcome.Kind.OK || job.outcome.kind() == Outcome.Kind.REDIRECTED;
            result.put(key, new Checked(job.outcome, success ? job.chain : List.of(), job.page, job.redirectFragment));
        });
        return result;
    }

    private Set<String> inFlightUrls() {
        Set<String> urls = new HashSet<>();
        for (Flight flight : flights.values()) {
            urls.add(flight.step().url().withoutFragment());
        }
        return urls;
    }

    /** Queues a first request to a URL: HEAD unless the host asks for GET, has refused HEAD, or the page is wanted. */
    private void enqueue(Job job, Url url, int attempt, Instant notBefore) {
        Lane lane = lane(url);
        enqueue(job, url, lane.policy.headFirst() && !lane.headRefused && !job.wantsPage && !job.getOnly, attempt, notBefore);
    }

    private void enqueue(Job job, Url url, boolean head, int attempt, Instant notBefore) {
        Lane lane = lane(url);
        if (lane.silent) {
            finish(job, silentHost(lane));
            return;
        }
        lane.waiting.add(new Step(job, url, head, attempt, notBefore, sequence++));
    }

    private Lane lane(Url url) {
        return lanes.computeIfAbsent(url.hostKey(), key -> {
            Lane lane = new Lane(policy.forHost(url.host()), url.host());
            laneOrder.add(lane);
            return lane;
        });
    }

    /** Starts every request the limits allow now, taking hosts in turn so none starves. */
    private void dispatch(Instant now, int globalLimit) {
        boolean started = true;
        while (started && flights.size() < globalLimit) {
            started = false;
            int lanesCount = laneOrder.size();
            for (int i = 0; i < lanesCount && flights.size() < globalLimit; i++) {
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
        Job job = queued.job();
        if (job.timeoutRetryQueued) {
            job.timeoutRetryQueued = false;
            if (lane.everAnswered) {
                // Queued while the host had said nothing; it has answered since, so this page
                // is slow itself and a second wait would most likely end the same way.
                finish(job, job.lastTrouble);
                return;
            }
        }
        if (queued.url().host().indexOf('_') >= 0) {
            // Browsers and DNS take my_bucket.s3.amazonaws.com; java.net.URI, and so the JDK's client, do not.
            finish(job, Outcome.unverifiable("the host name " + queued.url().host() + " has an underscore, which"
                    + " the JDK's HTTP client cannot request; check it in a browser"));
            return;
        }
        // The host may have refused HEAD since this step was queued.
        Step step = queued.head() && lane.headRefused
                ? new Step(queued.job(), queued.url(), false, queued.attempt(), queued.notBefore(), queued.order())
                : queued;
        job.headUsed |= step.head();
        lane.inFlight++;
        lane.started++;
        lane.nextStart = now.plus(lane.policy.interval());
        HttpFetcher.Read read = step.head() ? HttpFetcher.Read.NONE
                : step.job().wantsPage ? HttpFetcher.Read.PAGE : HttpFetcher.Read.PREFIX;
        HttpFetcher.Call call;
        try {
            call = fetcher.fetch(step.url(), step.head(), read, lane.policy.headers());
        } catch (IllegalArgumentException e) {
            call = HttpFetcher.Call.failed(e);
        }
        CompletableFuture<HttpFetcher.Response> request = call.response();
        flights.put(request, new Flight(step, lane, now, now.plus(settings.requestTimeout()), call, lane.started,
                lane.probing ? lane.probeRound : 0));
        request.whenComplete((response, error) -> events.add(new Done(request, response, error)));
    }

    /** Cancels the requests whose deadline has passed; each counts as a time-out. */
    private void expire(Instant now) {
        Iterator<Flight> each = flights.values().iterator();
        List<Flight> expired = new ArrayList<>();
        while (each.hasNext()) {
            Flight flight = each.next();
            if (!flight.deadline().isAfter(now)) {
                each.remove();
                expired.add(flight);
            }
        }
        for (Flight flight : expired) {
            flight.call().cancel();
            flight.lane().inFlight--;
            if (flight.step().job().outcome != null) {
                continue;
            }
            String budget = Durations.human(Duration.between(flight.started(), flight.deadline()));
            int status = flight.call().status();
            if (status >= 0) {
                // Its headers came: the host is there, this page is only slow to arrive.
                flight.lane().answered();
            }
            String what = status < 0 ? "no response within " + budget
                    : StatusText.describe(status) + " came, but the body trickled in: " + flight.call().bodyBytes()
                    + " bytes in " + budget;
            timedOut(flight, what, now, status < 0);
        }
    }

    /** Applies one response or failure. */
    private void handle(Done done) {
        Flight flight = flights.remove(done.request());
        if (flight == null) {
            return; // a request already given up on at its deadline
        }
        Step step = flight.step();
        Lane lane = flight.lane();
        lane.inFlight--;
        Job job = step.job();
        if (job.outcome != null) {
            return;
        }
        Instant now = clock.instant();
        if (done.error() != null) {
            failed(flight, done.error(), now);
        } else {
            lane.answered();
            answered(job, step, lane, done.response(), now);
        }
    }

    private void failed(Flight flight, Throwable error, Instant now) {
        Step step = flight.step();
        Lane lane = flight.lane();
        Job job = step.job();
        String what = Failures.describe(error);
        if (Failures.timedOut(error)) {
            timedOut(flight, what, now, true);
            return;
        }
        lane.answered();
        if (step.head() && !Failures.unreachable(error)) {
            // Some servers mishandle HEAD; GET is the real test.
            enqueue(job, step.url(), false, 0, now);
            return;
        }
        Outcome broken = Outcome.broken(what + attempts(step));
        if (Failures.retryable(error) && retry(job, step, lane, null, now, broken)) {
            return;
        }
        finish(job, broken);
    }

    /**
     * A request that ran out of time: retried once while the host has answered nothing else,
     * with GET (if HEAD was what timed out) at once, else after back-off; then unverifiable. When as many requests in a row as the host
     * may have in flight went unanswered, with nothing heard from it in between, the host is
     * probed; when a probe goes unanswered too, the host is given up on: its queued requests
     * are not made and those in flight are cancelled.
     *
     * @param silent whether nothing at all came back (not even a status line)
     */
    private void timedOut(Flight flight, String what, Instant now, boolean silent) {
        Step step = flight.step();
        Lane lane = flight.lane();
        Job job = step.job();
        job.timeouts++;
        Outcome unverifiable = Outcome.unverifiable(what + attempts(step) + (silent
                ? "; the host may be down or overloaded: check it in a browser"
                : "; the server sends the page too slowly to check: try it in a browser"));
        // A request that was in flight while the host answered another says nothing about the host.
        if (silent && !lane.silent && flight.number() > lane.startedBeforeAnswer) {
            lane.unanswered++;
            if (lane.probing && flight.probeRound() == lane.probeRound) {
                giveUpOn(lane, job);
            } else if (!lane.probing && lane.unanswered >= lane.policy.concurrency()) {
                lane.probing = true;
                lane.probeRound++;
            }
        }
        if (!lane.silent && !lane.everAnswered && job.timeouts == 1 && settings.retries() > 0) {
            job.lastTrouble = unverifiable;
            job.timeoutRetryQueued = true;
            if (step.head()) {
                enqueue(job, step.url(), false, step.attempt() + 1, now);
                return;
            }
            if (retry(job, step, lane, null, now, unverifiable)) {
                return;
            }
            job.timeoutRetryQueued = false;
        }
        finish(job, unverifiable);
    }

    /** Reports every other URL of a host that does not answer, without requesting it. */
    private void giveUpOn(Lane lane, Job current) {
        lane.silent = true;
        List<Step> left = new ArrayList<>(lane.waiting);
        lane.waiting.clear();
        for (Step waiting : left) {
            Job other = waiting.job();
            finish(other, other.lastTrouble != null ? other.lastTrouble : silentHost(lane));
        }
        // Its other requests in flight would only wait out their deadlines too.
        Iterator<Flight> each = flights.values().iterator();
        while (each.hasNext()) {
            Flight flight = each.next();
            if (flight.lane() == lane && flight.step().job() != current) {
                each.remove();
                flight.call().cancel();
                lane.inFlight--;
                Job other = flight.step().job();
                finish(other, other.lastTrouble != null ? other.lastTrouble : silentHost(lane));
            }
        }
    }

    private Outcome silentHost(Lane lane) {
        return Outcome.unverifiable("not checked: " + lane.name + " answered none of the " + lane.started
                + " requests made to it within " + Durations.human(settings.requestTimeout())
                + " each; check it in a browser");
    }

    private void answered(Job job, Step step, Lane lane, HttpFetcher.Response response, Instant now) {
        int status = response.status();
        HostPolicy host = lane.policy;
        String challenge = host.challengeHeader(response.headers());
        if (Verdicts.isRedirect(status) && response.location() != null && challenge == null) {
            redirect(job, step, response, now);
            return;
        }
        boolean works = host.accepts(status) && challenge == null;
        if (rateLimited(status, response) && challenge == null && waitTooLong(response, now) != null) {
            finish(job, waitTooLong(response, now));
            return;
        }
        if (step.head() && status == 999 && host.blocked().contains(999)) {
            // LinkedIn's "request denied" answers GET just the same; asking again only annoys it.
            finish(job, Outcome.blocked("999 Request Denied: " + step.url().host()
                    + " refuses automated checks; check it in a browser"));
            return;
        }
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
            return;
        }
        if (works && response.bodyProblem() != null) {
            Outcome broken = Outcome.broken(StatusText.describe(status) + ", but " + response.bodyProblem()
                    + attempts(step));
            if (!retry(job, step, lane, null, now, broken)) {
                finish(job, broken);
            }
            return;
        }
        if (works) {
            job.chain.add(new Verdicts.Hop(step.url().withoutFragment(), status));
            if (job.wantsPage && !step.head()) {
                job.page = ServedPage.of(response, step.url().withoutFragment(), 4 * HttpFetcher.PAGE_LIMIT);
            }
            finish(job, Verdicts.success(job.chain));
            return;
        }
        if (challenge != null) {
            finish(job, Outcome.blocked(StatusText.describe(status) + " with a bot challenge (" + challenge
                    + "); check it in a browser"));
            return;
        }
        String text = ServedPage.text(response);
        String wall = BotWalls.recognise(status, response.headers(), text);
        if (wall != null) {
            finish(job, Outcome.blocked(StatusText.describe(status) + " from " + wall
                    + ": the host keeps robots out; check it in a browser"));
            return;
        }
        if (host.blocked().contains(status)) {
            finish(job, Outcome.blocked(StatusText.describe(status) + ": " + step.url().host()
                    + " refuses automated checks; check it in a browser"));
            return;
        }
        if (status == 401) {
            finish(job, Outcome.blocked("401: the page needs a login"));
            return;
        }
        if (status == 406 || status == 418) {
            // No page is unacceptable to a client that accepts */*, and no server is a teapot:
            // both are what bot filters (mod_security and others) answer robots.
            finish(job, Outcome.blocked(StatusText.describe(status) + ": " + step.url().host()
                    + " refuses the checker, as bot filters answer robots; check it in a browser"));
            return;
        }
        if (status == 403 && !rateLimited(status, response)) {
            if (BotWalls.storageAccessDenied(response.headers(), text)) {
                finish(job, Outcome.broken("403 AccessDenied from object storage: the file was removed or made private"));
            } else {
                finish(job, Outcome.blocked("403 Forbidden: " + step.url().host() + " refuses the checker, as many"
                        + " publishers refuse robots; check it in a browser"));
            }
            return;
        }
        if (status >= 500 || status == 408 || rateLimited(status, response)) {
            Outcome last = rateLimited(status, response)
                    ? Outcome.blocked(status + ": rate limited" + attempts(step) + "; check it later or in a browser")
                    : Outcome.broken(StatusText.describe(status) + attempts(step));
            if (!retry(job, step, lane, response.headers(), now, last)) {
                finish(job, last);
            }
            return;
        }
        finish(job, Outcome.broken(StatusText.describe(status)));
    }

    /**
     * A rate limit whose Retry-After asks for longer than {@code maxRetryAfter}: blocked at once,
     * since retrying sooner than the host asked would be rude. {@code null} otherwise.
     */
    private Outcome waitTooLong(HttpFetcher.Response response, Instant now) {
        Duration asked = RetryAfter.parse(response.retryAfter(), now);
        if (asked == null || asked.compareTo(settings.maxRetryAfter()) <= 0) {
            return null;
        }
        return Outcome.blocked(response.status() + ": rate limited; the host asks to wait " + Durations.human(asked)
                + ", longer than maxRetryAfter (" + Durations.format(settings.maxRetryAfter())
                + "); check it later or in a browser");
    }

    /** 429, or a 403 with Retry-After, which is how GitHub and others answer too many requests. */
    private static boolean rateLimited(int status, HttpFetcher.Response response) {
        return status == 429 || (status == 403 && response.retryAfter() != null);
    }

    private void redirect(Job job, Step step, HttpFetcher.Response response, Instant now) {
        int status = response.status();
        String location = response.location();
        job.chain.add(new Verdicts.Hop(step.url().withoutFragment(), status));
        if (response.headers().firstValue("set-cookie").isPresent()) {
            job.lastCookieHop = job.chain.size() - 1;
        }
        Url target;
        try {
            Urls.Cleaned cleaned = Urls.clean(location);
            target = Urls.resolve(step.url(), cleaned.value());
        } catch (BadUrlException e) {
            finish(job, Outcome.broken(status + " redirect to '" + location + "', which " + e.getMessage()));
            return;
        }
        if (target.fragment() != null) {
            job.redirectFragment = target.fragment();
            if (looksUp(target, target.fragment())) {
                job.wantsPage = true;
            }
        }
        String key = target.withoutFragment();
        // Back at an earlier URL is a loop, unless a cookie was set since: sites send a robot
        // round a cookie check (a, set cookie, b, a) and let it in the second time.
        Integer seenAt = job.visited.put(key, job.chain.size());
        boolean loop = seenAt != null && job.lastCookieHop < seenAt;
        if ((loop || job.chain.size() > settings.maxRedirects()) && job.headUsed) {
            // Some servers send HEAD round in circles and answer GET (as eBay has): only a loop
            // that GET follows too is broken.
            followWithGetOnly(job, now);
            return;
        }
        if (loop) {
            finish(job, Outcome.broken("redirect loop: " + chainText(job) + " → " + key));
            return;
        }
        if (job.chain.size() > settings.maxRedirects()) {
            finish(job, Outcome.broken("more than " + settings.maxRedirects() + " redirects: "
                    + chainText(job) + " → …"));
            return;
        }
        // A link to a login page that moves to another login page is not a login wall.
        Outcome before = verdicts.beforeRequest(target, !verdicts.isLoginPage(job.first));
        if (before != null) {
            finish(job, before);
            return;
        }
        enqueue(job, target, 0, now);
    }

    /** Whether a link's fragment is looked up in the page, which must then be read. */
    private boolean looksUp(Url url, String fragment) {
        return Fragments.namesAnElement(fragment) && policy.forHost(url.host()).fragments()
                && !Fragments.loadedByGitHubScript(url, fragment);
    }

    /** Starts the chain again from the link, with GET for every request. */
    private void followWithGetOnly(Job job, Instant now) {
        job.getOnly = true;
        job.headUsed = false;
        job.chain.clear();
        job.visited.clear();
        job.visited.put(job.key, 0);
        job.lastCookieHop = -1;
        job.redirectFragment = null;
        job.timeouts = 0;
        job.timeoutRetryQueued = false;
        job.lastTrouble = null;
        enqueue(job, job.first, false, 0, now);
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

    private void finish(Job job, Outcome outcome) {
        if (job.outcome != null) {
            return;
        }
        if (outcome.severity() == Outcome.Severity.ERROR) {
            failures++;
        }
        job.outcome = outcome;
        job.lastTrouble = null;
        decided++;
    }

    /** At the deadline: cancel what is in flight and report what is left as unverifiable. */
    private void giveUp() {
        for (Flight flight : flights.values()) {
            flight.call().cancel();
        }
        flights.clear();
        String why = "not checked: the run's deadline (" + Durations.format(settings.deadline()) + ") passed";
        for (Job job : jobs.values()) {
            if (job.outcome == null) {
                finish(job, Outcome.unverifiable(job.lastTrouble == null ? why
                        : why + " while waiting to retry after: " + job.lastTrouble.detail()));
            }
        }
    }
}
