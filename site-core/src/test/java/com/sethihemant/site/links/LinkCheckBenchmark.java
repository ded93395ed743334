package com.sethihemant.site.links;

import com.sethihemant.site.config.Durations;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the external check: N distinct URLs spread over M hosts (M servers on 127.0.0.1,
 * one port each, since hosts are throttled per host and port), each answering after a fixed
 * latency. Prints the wall time next to the lower bound that the per-host settings imply, and
 * the heap the run needed. A command that prints figures, not a test:
 *
 * <pre>
 * ./mvnw -q -pl site-core test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.sethihemant.site.links.LinkCheckBenchmark \
 *     -Dexec.args="urls=2000 hosts=40 latency=50ms concurrency=2 interval=100ms sizes=500,2000,8000"
 * </pre>
 *
 * Every argument is optional; the defaults are the target (2000 URLs, 40 hosts, 50 ms)
 * with the built-in per-host settings (2 at a time, 100 ms apart). {@code global} sets the
 * overall concurrency; by default it is high enough (hosts × concurrency) that only the per-host
 * settings bind. Then it runs {@link MixedHostsBenchmark} (slow, silent and 999 hosts among fast
 * ones) with the same arguments, unless {@code case=scale}.
 */
public final class LinkCheckBenchmark {

    private final int hosts;
    private final Duration latency;
    private final int perHost;
    private final Duration interval;
    private final int global;

    private LinkCheckBenchmark(int hosts, Duration latency, int perHost, Duration interval, int global) {
        this.hosts = hosts;
        this.latency = latency;
        this.perHost = perHost;
        this.interval = interval;
        this.global = global;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of(
                "urls", "2000", "hosts", "40", "latency", "50ms", "concurrency", "2", "interval", "100ms"));
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("arguments are key=value, such as urls=2000; got " + arg);
            }
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        int hosts = Integer.parseInt(options.get("hosts"));
        int perHost = Integer.parseInt(options.get("concurrency"));
        int global = Integer.parseInt(options.getOrDefault("global", Integer.toString(hosts * perHost)));
        LinkCheckBenchmark benchmark = new LinkCheckBenchmark(hosts, Durations.parse(options.get("latency")), perHost,
                Durations.parse(options.get("interval")), global);
        List<Integer> sizes = new ArrayList<>();
        for (String size : options.getOrDefault("sizes", options.get("urls")).split(",")) {
            sizes.add(Integer.parseInt(size.strip()));
        }
        benchmark.run(sizes);
        if (!"scale".equals(options.get("case"))) {
            MixedHostsBenchmark.run(args);
        }
    }

    private void run(List<Integer> sizes) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(8, hosts));
        ScheduledExecutorService responder = Executors.newScheduledThreadPool(4);
        AtomicLong answered = new AtomicLong();
        List<HttpServer> servers = new ArrayList<>();
        try {
            for (int i = 0; i < hosts; i++) {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
                server.createContext("/", exchange -> responder.schedule(() -> answer(exchange, answered),
                        latency.toNanos(), TimeUnit.NANOSECONDS));
                server.setExecutor(executor);
                server.start();
                servers.add(server);
            }
            System.out.printf(Locale.ROOT, "%d hosts on 127.0.0.1, %s latency; per host: %d at a time, %s apart; global: %d%n",
                    hosts, Durations.format(latency), perHost, Durations.format(interval), global);
            check(servers, Math.min(400, sizes.get(0)), false);
            for (int size : sizes) {
                check(servers, size, true);
            }
        } finally {
            servers.forEach(server -> server.stop(0));
            responder.shutdownNow();
            executor.shutdownNow();
        }
    }

    private static void answer(HttpExchange exchange, AtomicLong answered) {
        try (exchange) {
            exchange.sendResponseHeaders(200, -1);
            answered.incrementAndGet();
        } catch (IOException e) {
            // the checker went away
        }
    }

    private void check(List<HttpServer> servers, int urlCount, boolean print) throws InterruptedException {
        List<Url> urls = new ArrayList<>(urlCount);
        for (int i = 0; i < urlCount; i++) {
            int port = servers.get(i % servers.size()).getAddress().getPort();
            urls.add(Fixtures.url("http://127.0.0.1:" + port + "/page/" + i));
        }
        Settings settings = new Settings(global, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofHours(1), 2,
                Duration.ofSeconds(1), Duration.ofSeconds(60), 10, Duration.ofDays(1), "link-check-benchmark");
        LinkPolicy policy = LinkPolicy.defaults().with(settings)
                .withDefaults(new HostRule(perHost, interval, true, null, null, null, null, null, null, null));
        HttpFetcher fetcher = new HttpFetcher(settings.connectTimeout(), settings.requestTimeout(), settings.userAgent());
        ExternalCheck check = new ExternalCheck(policy, fetcher, Clock.systemUTC(), Sleeper.REAL, new SplittableRandom(1));

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = usedAfterGc(memory);
        HeapSampler sampler = new HeapSampler(memory);
        Thread sampling = new Thread(sampler, "heap-sampler");
        sampling.setDaemon(true);
        sampling.start();
        long start = System.nanoTime();
        Map<String, ExternalCheck.Checked> results = check.run(urls, Clock.systemUTC().instant().plus(settings.deadline()),
                Progress.NONE);
        long wall = System.nanoTime() - start;
        sampler.stop();
        sampling.join();
        long retained = usedAfterGc(memory) - baseline;
        long ok = results.values().stream().filter(r -> r.outcome().kind() == Outcome.Kind.OK).count();
        if (!print) {
            return;
        }
        int[] perHostCounts = new int[servers.size()];
        for (int i = 0; i < urlCount; i++) {
            perHostCounts[i % servers.size()]++;
        }
        double bound = 0;
        for (int n : perHostCounts) {
            bound = Math.max(bound, hostBound(n));
        }
        double globalBound = Math.ceil((double) urlCount / global) * seconds(latency);
        double binding = Math.max(bound, globalBound);
        System.out.printf(Locale.ROOT, "N=%d over M=%d: wall %.3f s, per-host lower bound %.3f s (global bound %.3f s),"
                        + " ratio %.3f; %d ok of %d; heap: peak +%.1f MiB during the run, %.1f MiB retained (%.0f bytes/URL)%n",
                urlCount, servers.size(), wall / 1e9, bound, globalBound, wall / 1e9 / binding, ok, results.size(),
                (sampler.peak() - baseline) / 1048576.0, retained / 1048576.0, (double) retained / urlCount);
        if (ok != urlCount) {
            System.out.println("  not every URL came back ok; the figures above are not meaningful");
        }
    }

    /**
     * The least time one host's share can take: starts at least {@code interval} apart, at most
     * {@code perHost} in flight, each taking {@code latency}.
     */
    private double hostBound(int n) {
        if (n == 0) {
            return 0;
        }
        double byInterval = (n - 1) * seconds(interval);
        double byConcurrency = (Math.ceil((double) n / perHost) - 1) * seconds(latency);
        return Math.max(byInterval, byConcurrency) + seconds(latency);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Samples heap use every few milliseconds, keeping the highest (garbage included). */
    private static final class HeapSampler implements Runnable {
        private final MemoryMXBean memory;
        private volatile boolean running = true;
        private volatile long peak;

        HeapSampler(MemoryMXBean memory) {
            this.memory = memory;
        }

        @Override
        public void run() {
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    TimeUnit.MILLISECONDS.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() {
            running = false;
        }

        long peak() {
            return peak;
        }
    }
}
