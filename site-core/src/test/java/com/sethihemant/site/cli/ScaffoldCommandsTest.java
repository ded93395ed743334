package com.sethihemant.site.cli;

import com.sethihemant.site.FixtureSite;
import com.sethihemant.site.content.Document;
import com.sethihemant.site.content.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScaffoldCommandsTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            String[] all = new String[args.length + 2];
            System.arraycopy(args, 0, all, 0, args.length);
            all[args.length] = "--root";
            all[args.length + 1] = root.toString();
            return new Run(Main.run(TODAY, all), stdout.toString(StandardCharsets.UTF_8),
                    stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private Document parse(Path file) {
        return FixtureSite.parser().parse(root.resolve(Scaffold.POSTS), file, Set.of("post"));
    }

    @Test
    void newPostWritesACompleteHeaderThatParsesAndPrintsPathAndPreviewUrl() {
        Run run = run("new-post", "GPUs: Keeping Them Fed!", "--tags", "storage, GPU clusters");
        assertEquals(0, run.code(), run.err());
        Path file = root.resolve("blog/src/main/jbake/content/blog/2026/gpus-keeping-them-fed.adoc");
        assertTrue(run.out().contains(file.toString()), run.out());
        assertTrue(run.out().contains("http://localhost:8080/blog/2026/gpus-keeping-them-fed/"), run.out());

        Document post = parse(file);
        assertEquals("GPUs: Keeping Them Fed!", post.title());
        assertEquals(Status.PUBLISHED, post.status());
        assertEquals(LocalDate.of(2026, 11, 23), post.date());
        assertEquals(List.of("storage", "gpu-clusters"), post.tags());
        assertEquals("/blog/2026/gpus-keeping-them-fed/", post.url());
    }

    @Test
    void newPostCanBeADraft() {
        assertEquals(0, run("new-post", "Later", "--draft").code());
        assertEquals(Status.DRAFT, parse(root.resolve("blog/src/main/jbake/content/blog/2026/later.adoc")).status());
    }

    @Test
    void newPostRefusesToOverwrite() throws IOException {
        assertEquals(0, run("new-post", "Same title").code());
        Path file = root.resolve("blog/src/main/jbake/content/blog/2026/same-title.adoc");
        Files.writeString(file, "my words");
        Run again = run("new-post", "Same title");
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already exists"), again.err());
        assertEquals("my words", Files.readString(file));
    }

    @Test
    void newPostRejectsTagsThatCannotBecomeUrls() {
        Run run = run("new-post", "Tags", "--tags", "c++");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("'c++'"), run.err());
    }

    @Test
    void newNoteRecordsThePaperAndJoinsTheSeries() {
        Run run = run("new-note", "The Google File System", "--venue", "SOSP", "--year", "2003",
                "--link", "https://research.example/gfs.pdf", "--tags", "storage");
        assertEquals(0, run.code(), run.err());
        Document note = parse(root.resolve("blog/src/main/jbake/content/blog/2026/the-google-file-system-notes.adoc"));
        assertEquals("Notes on The Google File System", note.title());
        assertEquals(List.of("paper-notes", "storage"), note.tags());
        assertEquals("SOSP", note.attributes().get("paper-venue"));
        assertEquals("2003", note.attributes().get("paper-year"));
        assertTrue(note.bodyHtml().contains("href=\"https://research.example/gfs.pdf\""), note.bodyHtml());
    }

    @Test
    void newNoteNeedsAWebLink() {
        Run run = run("new-note", "Paper", "--venue", "X", "--link", "ftp://example/paper");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("https://"), run.err());
    }
}
