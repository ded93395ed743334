package com.sethihemant.site.blog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bakes the real sources again with the command line, in a fresh JVM whose working directory is
 * an empty folder, and compares with the site the build baked: same bytes, a one-line summary,
 * nothing on stderr, nothing written to the working directory.
 *
 * <p>The build bakes with the launcher's JVM options (C1 only, JRuby without RubyGems,
 * did_you_mean or native extensions) and, on a fresh checkout, compiles the theme into the
 * template cache; this bake runs with the JVM's defaults and loads the theme from that cache. So
 * the comparison also shows that neither the options nor the cache change a byte.
 */
class CommandLineBakeIT {

    @Test
    void secondBakeIsByteIdenticalQuietAndWritesOnlyItsOutput(@TempDir Path work) throws Exception {
        Path cwd = Files.createDirectories(work.resolve("cwd"));
        Path output = work.resolve("site");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // From Java 24 the JVM itself warns, on stderr, that JRuby calls sun.misc.Unsafe and loads
        // native code. The build's quiet.jvm.flags (root POM; none before Java 23) only silence
        // that, as ./site does; they change nothing the bake does.
        String quiet = System.getProperty("quiet.jvm.flags", "").strip();
        if (!quiet.isEmpty()) {
            command.addAll(List.of(quiet.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "com.sethihemant.site.cli.Main", "bake",
                "--root", BakedSite.root().toString(),
                "--output", output.toString(),
                "--edit-url=" + System.getProperty("site.editUrl", "")));
        Process process = new ProcessBuilder(command)
                .directory(cwd.toFile())
                .redirectOutput(work.resolve("stdout.txt").toFile())
                .redirectError(work.resolve("stderr.txt").toFile())
                .start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "bake did not finish");
        String stdout = Files.readString(work.resolve("stdout.txt"), StandardCharsets.UTF_8);
        String stderr = Files.readString(work.resolve("stderr.txt"), StandardCharsets.UTF_8);

        assertAll(
                () -> assertEquals(0, process.exitValue(), stderr),
                () -> assertEquals("", stderr, "a normal bake prints nothing on stderr"),
                () -> assertEquals(1, stdout.lines().count(), "a normal bake prints a one-line summary: " + stdout),
                () -> assertTrue(stdout.startsWith("Baked "), stdout),
                () -> assertEquals(List.of(), list(cwd), "nothing may be written to the working directory"));

        Map<String, byte[]> built = snapshot(BakedSite.dir());
        Map<String, byte[]> again = snapshot(output);
        built.forEach((file, bytes) -> assertFalse(new String(bytes, StandardCharsets.UTF_8).contains("_preview"),
                file + " mentions the preview's reload script, which only the preview server may add"));
        assertEquals(built.keySet(), again.keySet());
        built.forEach((file, bytes) -> assertArrayEquals(bytes, again.get(file), file + " differs between bakes"));
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static Map<String, byte[]> snapshot(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
