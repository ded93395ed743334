package com.sethihemant.site.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        Run run = run("--help");
        assertEquals(0, run.code());
        assertTrue(run.out().contains("bake") && run.out().contains("serve"), run.out());
        assertTrue(run.out().contains("Exit codes:"), run.out());
    }

    @Test
    void bakeHelpDocumentsItsExitCodes() {
        Run run = run("bake", "--help");
        assertEquals(0, run.code());
        assertTrue(run.out().contains("--output") && run.out().contains("--drafts"), run.out());
        assertTrue(run.out().contains("1   a source or template has a problem"), run.out());
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run run = run("bake", "--no-such-option");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("--no-such-option"), run.err());
    }

    @Test
    void missingSourcesAreAUsageErrorNamingWhatIsMissing(@TempDir Path empty) {
        Run run = run("bake", "--root", empty.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("site.yml"), run.err());
        assertTrue(run.err().contains("pass --root"), run.err());
    }
}
