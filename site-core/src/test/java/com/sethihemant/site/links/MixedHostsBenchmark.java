package com.sethihemant.site.links;

import com.sethihemant.site.config.Durations;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Issue 12's speed case: external links over many hosts, among them a slow host, a host that
 * never answers and a host that answers 999, all checked at once on the real clock. Prints the
 * wall time beside the bound the slowest host's rules set (its requests spaced by the
 * interval, at most {@code concurrency} at a time, each taking its latency; for the silent
 * host, one deadline and one retry) and their ratio. A command that prints figures:
 * {@code scripts/benchmark links} runs it after {@link LinkCheckBenchmark}.
 *
 * <p>Options (key=value): {@code fast=10} hosts of {@code fastUrls=20} URLs answering in
 * {@code latency=50ms}; {@code slowUrls=12} on a host answering in {@code slowLatency=1s};
 * {@code silentUrls=4} on a host that accepts connections and never answers;
 * {@code deniedUrls=8} on a host answering 999; {@code timeout=4s} per request;
 * {@code runs=3}.
 */
public final class MixedHostsBenchmark {

    private static final int PER_HOST = 2;
    private static final Duration INTERVAL = Duration.ofMillis(100);

    private final Map<String, String> options;

    private MixedHostsBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        run(args);
    }

    static void run(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("fast", "10", "fastUrls", "20", "latency", "50ms",
                "slowUrls", "12", "slowLatency", "1s", "silentUrls", "4", "deniedUrls", "8", "timeout", "4s", "runs", "3"));
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq > 0 && options.containsKey(arg.substring(0, eq))) {
                options.put(arg.substring(0, eq), arg.substring(eq + 1));
            }
        }
        new MixedHostsBenchmark(options).run();
    }

    private int number(String key) {
        return Integer.parseInt(options.get(key));
    }

    private Duration duration(String key) {
        return Durations.parse(options.get(key));
    }

    /** One kind of host: its servers' ports, URLs per host, and the outcome every URL should get. */
    private record Group(String name, List<Integer> ports, int urls, Outcome.Kind expected, double bound) {
    }

    private void run() throws Exception {
        ExecutorService executor = Executors.newCachedThreadPool();
        ScheduledExecutorService responder = Executors.newScheduledThreadPool(4);
        List<HttpServer> servers = new ArrayList<>();
        List<ServerSocket> silent = new ArrayList<>();
        try {
            Duration latency = duration("latency");
            Duration slowLatency = duration("slowLatency");
            Duration timeout = duration("timeout");
            List<Group> groups = new ArrayList<>();
            List<Integer> fastPorts = new ArrayList<>();
            for (int i = 0; i < number("fast"); i++) {
                fastPorts.add(server(servers, executor, responder, latency, 200));
            }
            groups.add(new Group("fast", fastPorts, number("fastUrls"), Outcome.Kind.OK,
                    hostBound(number("fastUrls"), latency)));
            groups.add(new Group("slow", List.of(server(servers, executor, responder, slowLatency, 200)),
                    number("slowUrls"), Outcome.Kind.OK, hostBound(number("slowUrls"), slowLatency)));
            groups.add(new Group("denied (999)", List.of(server(servers, executor, responder, latency, 999)),
                    number("deniedUrls"), Outcome.Kind.BLOCKED, hostBound(number("deniedUrls"), latency)));
            ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            silent.add(socket);
            executor.execute(() -> holdEveryConnection(socket, executor));
            // One deadline for the first requests (as many as run at once, spaced by the interval),
            // one for the retry: the probes that tell a dead host from slow pages.
            int silentUrls = number("silentUrls");
            groups.add(new Group("silent", List.of(socket.getLocalPort()), silentUrls, Outcome.Kind.UNVERIFIABLE,
                    (Math.min(silentUrls, PER_HOST) - 1) * seconds(INTERVAL) + 2 * seconds(timeout)));

            List<Url> urls = new ArrayList<>();
            for (Group group : groups) {
                for (int port : group.ports()) {
                    for (int i = 0; i < group.urls(); i++) {
                        urls.add(Fixtures.url("http://127.0.0.1:" + port + "/" + group.name().split(" ")[0] + "/" + i));
                    }
                }
            }
            Group slowest = groups.stream().max((a, b) -> Double.compare(a.bound(), b.bound())).orElseThrow();
            System.out.printf(Locale.ROOT, "mixed hosts: %d fast hosts x %d URLs (%s), a slow host x %d (%s), a silent host"
                            + " x %d, a 999 host x %d; per host %d at a time, %s apart; deadline per request %s%n",
                    number("fast"), number("fastUrls"), Durations.format(latency), number("slowUrls"),
                    Durations.format(slowLatency), silentUrls, number("deniedUrls"), PER_HOST, Durations.format(INTERVAL),
                    Durations.format(timeout));
            for (Group group : groups) {
                System.out.printf(Locale.ROOT, "  bound of the %s host: %.3f s%n", group.name(), group.bound());
            }
            List<Double> ratios = new ArrayList<>();
            for (int run = 1; run <= number("runs"); run++) {
                Settings settings = new Settings(256, Duration.ofSeconds(5), timeout, Duration.ofHours(1), 2,
                        Duration.ofSeconds(1), Duration.ofSeconds(60), 10, Duration.ofDays(1), "link-check-benchmark");
                LinkPolicy policy = LinkPolicy.defaults().with(settings)
                        .withDefaults(new HostRule(PER_HOST, INTERVAL, true, null, null, null, null, null, null, null));
                HttpFetcher fetcher = new HttpFetcher(settings.connectTimeout(), settings.requestTimeout(), settings.userAgent());
                long start = System.nanoTime();
                Map<String, ExternalCheck.Checked> results = new ExternalCheck(policy, fetcher, Clock.systemUTC(),
                        Sleeper.REAL, new SplittableRandom(run))
                        .run(urls, Clock.systemUTC().instant().plus(settings.deadline()), Progress.NONE);
                double wall = (System.nanoTime() - start) / 1e9;
                double ratio = wall / slowest.bound();
                ratios.add(ratio);
                Map<Outcome.Kind, Integer> kinds = new EnumMap<>(Outcome.Kind.class);
                int wrong = 0;
                for (Group group : groups) {
                    for (int port : group.ports()) {
                        for (int i = 0; i < group.urls(); i++) {
                            Outcome.Kind kind = results.get("http://127.0.0.1:" + port + "/"
                                    + group.name().split(" ")[0] + "/" + i).outcome().kind();
                            kinds.merge(kind, 1, Integer::sum);
                            wrong += kind == group.expected() ? 0 : 1;
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "run %d: %d URLs in %.3f s; bound %.3f s (the %s host); ratio %.3f; %s%s%n",
                        run, urls.size(), wall, slowest.bound(), slowest.name(), ratio, kinds,
                        wrong == 0 ? "" : "; " + wrong + " URLs got an unexpected outcome, so the figures are not meaningful");
            }
            ratios.sort(Double::compare);
            System.out.printf(Locale.ROOT, "mixed hosts: median ratio %.3f (target: at most 1.2)%n", ratios.get(ratios.size() / 2));
        } finally {
            servers.forEach(server -> server.stop(0));
            for (ServerSocket socket : silent) {
                socket.close();
            }
            responder.shutdownNow();
            executor.shutdownNow();
        }
    }

    private static int server(List<HttpServer> servers, ExecutorService executor, ScheduledExecutorService responder,
                              Duration latency, int status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.createContext("/", exchange -> responder.schedule(() -> {
            try (exchange) {
                exchange.sendResponseHeaders(status, -1);
            } catch (IOException e) {
                // the checker went away
            }
        }, latency.toNanos(), TimeUnit.NANOSECONDS));
        server.setExecutor(executor);
        server.start();
        servers.add(server);
        return server.getAddress().getPort();
    }

    /** Accepts connections and reads them until the client hangs up, answering nothing. */
    private static void holdEveryConnection(ServerSocket socket, ExecutorService executor) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                executor.execute(() -> {
                    try (client) {
                        while (client.getInputStream().read() >= 0) {
                            // never answer
                        }
                    } catch (IOException e) {
                        // hung up
                    }
                });
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Starts at least {@link #INTERVAL} apart, at most {@link #PER_HOST} in flight, each taking {@code latency}. */
    private static double hostBound(int n, Duration latency) {
        double byInterval = (n - 1) * seconds(INTERVAL);
        double byConcurrency = (Math.ceil((double) n / PER_HOST) - 1) * seconds(latency);
        return Math.max(byInterval, byConcurrency) + seconds(latency);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
