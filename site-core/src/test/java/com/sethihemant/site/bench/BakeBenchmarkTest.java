package com.sethihemant.site.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class BakeBenchmarkTest {

    /** One of the launcher's {@code flags="..."} assignments; its value holds JVM options. */
    private static final Pattern FLAGS = Pattern.compile("^\\s*flags=\"([^\"]*)\"", Pattern.MULTILINE);

    /**
     * The benchmark measures the bake a maintainer runs: its child JVMs get every option {@code ./site}
     * gives {@code ./site bake}, and no other, or its figures would describe a launcher nobody uses.
     */
    @Test
    void measuresTheBakeWithTheLaunchersJvmOptions() throws IOException {
        String launcher = Files.readString(Path.of("../site"));
        Set<String> options = new TreeSet<>();
        Matcher flags = FLAGS.matcher(launcher);
        while (flags.find()) {
            Arrays.stream(flags.group(1).split("\\s+"))
                    .filter(option -> option.startsWith("-"))
                    // ./site runs from the project root, the benchmark from site-core.
                    .map(option -> option.replace("site-core/target/", "target/"))
                    .forEach(options::add);
        }
        assertFalse(options.isEmpty(), "./site sets its JVM options in flags=\"...\"");
        // Every option the launcher can give, the newest Java's included; Java 17 does not know that one.
        assertEquals(options, new TreeSet<>(BakeBenchmark.projectJvm(25)));
        Set<String> onJava17 = new TreeSet<>(options);
        onJava17.remove("--sun-misc-unsafe-memory-access=allow");
        assertEquals(onJava17, new TreeSet<>(BakeBenchmark.projectJvm(17)));
    }
}
