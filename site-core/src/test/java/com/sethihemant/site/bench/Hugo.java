package com.sethihemant.site.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs Hugo over a {@link HugoSite} as a child process, for {@link BakeBenchmark}, and measures
 * it: wall time from start to exit; CPU time as user + system of Hugo and every process it waited
 * for, which includes each {@code asciidoctor} it ran (one per page); peak memory as GNU time's
 * maximum resident set, which the kernel takes over Hugo and its waited-for children one process
 * at a time, so it is the larger of Hugo's own peak and the largest single asciidoctor's, never a
 * sum.
 *
 * <p>With {@code /usr/bin/time}, all three come from it ({@code -f "%e %U %S %M"}). Without it,
 * the CPU time is the growth of this JVM's {@code cutime + cstime} in {@code /proc/self/stat}
 * across the run (the same kernel sums), and peak memory is not measured.
 *
 * @param hugo the {@code hugo} program
 * @param time GNU time, or {@code null} where it is not installed
 */
record Hugo(Path hugo, Path time) {

    /** Where a missing program comes from, printed when Hugo's side of the benchmark is skipped. */
    static final String INSTALL = "apt-get install hugo asciidoctor";

    /**
     * Hugo, when both {@code hugo} and {@code asciidoctor} are on {@code path} (a {@code PATH}
     * value); else empty.
     */
    static Optional<Hugo> find(String path) {
        Optional<Path> hugo = onPath(path, "hugo");
        if (hugo.isEmpty() || onPath(path, "asciidoctor").isEmpty()) {
            return Optional.empty();
        }
        Path time = Path.of("/usr/bin/time");
        return Optional.of(new Hugo(hugo.get(), Files.isExecutable(time) ? time : null));
    }

    private static Optional<Path> onPath(String path, String program) {
        return Stream.of((path == null ? "" : path).split(File.pathSeparator)).filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, program)).filter(Files::isExecutable).findFirst();
    }

    /**
     * Renders {@code site} into {@code out} (emptied first), checks the output with
     * {@link HugoSite#check}, and returns wall seconds, CPU seconds and peak MB ({@code NaN}
     * without GNU time).
     */
    double[] run(HugoSite site, Path out) throws IOException, InterruptedException {
        delete(out);
        Path work = Files.createTempDirectory("hugo-run");
        Path figures = work.resolve("time.txt");
        List<String> command = new ArrayList<>();
        if (time != null) {
            command.addAll(List.of(time.toString(), "-f", "%e %U %S %M", "-o", figures.toString()));
        }
        // Its own cache folder, so nothing from an earlier run or another site is reused.
        command.addAll(List.of(hugo.toString(), "--source", site.root().toString(), "--destination", out.toString(),
                "--cacheDir", work.resolve("cache").toString(), "--quiet"));
        Path log = work.resolve("hugo.log");
        long[] childTicks = childTicks();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(60, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("Hugo took over an hour; its output:\n" + Files.readString(log));
        }
        double wall = (System.nanoTime() - start) / 1e9;
        if (process.exitValue() != 0) {
            throw new IllegalStateException("Hugo failed (exit " + process.exitValue() + ") on " + site.root()
                    + ":\n" + Files.readString(log));
        }
        double cpu;
        double peak;
        if (time != null) {
            String[] fields = Files.readString(figures).strip().split("\\s+");
            cpu = Double.parseDouble(fields[1]) + Double.parseDouble(fields[2]);
            peak = Long.parseLong(fields[3]) / 1024.0;
        } else {
            long[] after = childTicks();
            // /proc reports clock ticks of USER_HZ, 100 a second on Linux.
            cpu = (after[0] + after[1] - childTicks[0] - childTicks[1]) / 100.0;
            peak = Double.NaN;
        }
        site.check(out);
        delete(work);
        return new double[] {wall, cpu, peak};
    }

    /** This JVM's cutime and cstime: the CPU of children it has waited for, and of theirs. */
    private static long[] childTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        // Fields after the command name, which is in parentheses and may hold spaces; cutime is field 16.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(fields[13]), Long.parseLong(fields[14])};
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
