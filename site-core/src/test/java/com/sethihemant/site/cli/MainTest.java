package com.sethihemant.site.cli;

import com.sethihemant.site.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    private static CommandRun run(String... args) {
        return CommandRun.of(Clock.systemUTC(), args);
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        CommandRun run = run("--help");
        assertEquals(0, run.code());
        assertTrue(run.out().contains("bake") && run.out().contains("serve"), run.out());
        assertTrue(run.out().contains("Exit codes:"), run.out());
    }

    @Test
    void bakeHelpDocumentsItsOptions() {
        CommandRun run = run("bake", "--help");
        assertEquals(0, run.code());
        assertTrue(run.out().contains("--output") && run.out().contains("--drafts"), run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bake", "serve", "check-links", "new-post", "new-note"})
    void everyCommandsHelpDescribesItsExitCodesInTheWordsOfExitCodes(String command) {
        CommandRun run = run(command, "--help");
        assertEquals(0, run.code());
        String help = run.out().substring(run.out().indexOf("Exit codes:")).replaceAll("\\s+", " ");
        for (String line : List.of(ExitCodes.OK_HELP, ExitCodes.USAGE_HELP, ExitCodes.IO_HELP)) {
            String[] codeAndText = line.split(":", 2);
            assertTrue(help.contains(codeAndText[0] + " " + codeAndText[1]), command + ": " + help);
        }
    }

    @Test
    void unknownOptionIsAUsageError() {
        CommandRun run = run("bake", "--no-such-option");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("--no-such-option"), run.err());
    }

    @Test
    void badContentExitsWithOneNamingFileAndLineAndKeepsTheLastGoodSite(@TempDir Path root) throws Exception {
        Path content = root.resolve("site-content/src/main/jbake");
        Files.createDirectories(content.resolve("content"));
        Files.createDirectories(content.resolve("data"));
        Files.writeString(content.resolve("site.yml"), "title: T\ndescription: D\nurl: https://example.org\n"
                + "author:\n  name: A\n  email: a@example.org\n");
        Path theme = root.resolve("site-theme/src/main/jbake");
        Files.createDirectories(theme.resolve("assets"));
        Files.createDirectories(theme.resolve("templates"));
        for (String template : List.of("page", "post", "blog", "tag", "tags", "archive")) {
            Files.writeString(theme.resolve("templates/" + template + ".tpl"), "p { yield url }\n");
        }
        Path posts = Files.createDirectories(root.resolve("blog/src/main/jbake/content/blog"));
        Files.writeString(posts.resolve("good.adoc"),
                "= Good\n:jbake-type: post\n:jbake-status: published\n:jbake-date: 2020-01-01\n\nFine.\n");
        Path output = root.resolve("out");
        assertEquals(0, run("bake", "--root", root.toString(), "--output", output.toString()).code());
        byte[] before = Files.readAllBytes(output.resolve("blog/2020/good/index.html"));

        Files.writeString(posts.resolve("bad.adoc"),
                "= Bad\n:jbake-type: post\n:jbake-status: published\n:jbake-date: 01/02/2020\n\nOops.\n");
        CommandRun run = run("bake", "--root", root.toString(), "--output", output.toString());
        assertEquals(1, run.code());
        assertTrue(run.err().contains("bad.adoc:4: has the date '01/02/2020'"), run.err());
        assertTrue(Arrays.equals(before, Files.readAllBytes(output.resolve("blog/2020/good/index.html"))));
    }

    @Test
    void missingSourcesAreAUsageErrorNamingWhatIsMissing(@TempDir Path empty) {
        CommandRun run = run("bake", "--root", empty.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("site.yml"), run.err());
        assertTrue(run.err().contains("pass --root"), run.err());
    }
}
