package com.sethihemant.site.cli;

import com.sethihemant.site.FixtureSite;
import com.sethihemant.site.content.Document;
import com.sethihemant.site.content.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScaffoldCommandsTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    private CommandRun run(String... args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--root";
        all[args.length + 1] = root.toString();
        return CommandRun.of(TODAY, all);
    }

    private Document parse(Path file) {
        return FixtureSite.parser().parse(root.resolve(Scaffold.POSTS), file, Set.of("post"));
    }

    @Test
    void newPostWritesACompleteHeaderThatParsesAndPrintsPathAndPreviewUrl() {
        CommandRun run = run("new-post", "GPUs: Keeping Them Fed!", "--tags", "storage, GPU clusters");
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
        CommandRun again = run("new-post", "Same title");
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already exists"), again.err());
        assertEquals("my words", Files.readString(file));
    }

    @Test
    void newPostRejectsTagsThatCannotBecomeUrls() {
        CommandRun run = run("new-post", "Tags", "--tags", "c++");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("'c++'"), run.err());
    }

    /** The site's configuration in the project under {@code root}, with {@code more} keys. */
    private void siteConfig(String more) throws IOException {
        Path config = root.resolve("site-content/src/main/jbake/site.yml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "title: T\ndescription: D\nurl: https://example.org\n"
                + "author:\n  name: A\n  email: a@example.org\n" + more);
    }

    @Test
    void newNoteRecordsThePaperAndJoinsTheSeries() throws IOException {
        siteConfig("notesTag: reading-notes\n");
        CommandRun run = run("new-note", "The Google File System", "--venue", "SOSP", "--year", "2003",
                "--link", "https://research.example/gfs.pdf", "--tags", "storage");
        assertEquals(0, run.code(), run.err());
        Document note = parse(root.resolve("blog/src/main/jbake/content/blog/2026/the-google-file-system-notes.adoc"));
        assertEquals("Notes on The Google File System", note.title());
        assertEquals(List.of("reading-notes", "storage"), note.tags(), "the tag site.yml names");
        assertEquals("SOSP", note.attributes().get("paper-venue"));
        assertEquals("2003", note.attributes().get("paper-year"));
        assertTrue(note.bodyHtml().contains("href=\"https://research.example/gfs.pdf\""), note.bodyHtml());
    }

    @Test
    void newNoteNeedsTheSiteToNameItsNotesTag() throws IOException {
        siteConfig("");
        CommandRun run = run("new-note", "Paper", "--venue", "X", "--link", "https://research.example/p.pdf");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("site.yml: has no notesTag"), run.err());
    }

    @Test
    void newNoteNeedsAWebLink() throws IOException {
        siteConfig("notesTag: paper-notes\n");
        CommandRun run = run("new-note", "Paper", "--venue", "X", "--link", "ftp://example/paper");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("https://"), run.err());
    }
}
