package com.sethihemant.site.cli;

import com.sethihemant.site.links.ReportJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code site check-links} as the build and the workflow call it: exit codes and report files. */
class CheckLinksCommandTest {

    @TempDir
    Path temp;

    private Path site(String indexHtml) throws IOException {
        Path site = Files.createDirectories(temp.resolve("site"));
        Files.createDirectories(site.resolve("about"));
        Files.writeString(site.resolve("about/index.html"), "<h1 id=me>Me</h1>");
        Files.writeString(site.resolve("index.html"), indexHtml);
        return site;
    }

    /** Runs the command line with its output captured, so the test log stays readable. */
    private static Result run(String... args) {
        CommandRun run = CommandRun.of(Clock.systemUTC(), args);
        return new Result(run.code(), run.out() + run.err());
    }

    private record Result(int exitCode, String output) {
    }

    @Test
    void exitsZeroWhenEveryLinkWorks() throws IOException {
        Path site = site("<a href=\"/about/#me\">About</a> <a href=\"https://www.sethihemant.com/about/\">Abs</a>");
        Result result = run("check-links", site.toString(), "--base-url", "https://www.sethihemant.com");
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("All links work."), result.output());
    }

    @Test
    void exitsOneOnABrokenLinkAndWritesBothReports() throws Exception {
        Path site = site("<a href=\"/about/#you\">About</a>");
        Path json = temp.resolve("out/links.json");
        Path markdown = temp.resolve("out/links.md");
        Result result = run("check-links", site.toString(), "--base-url=https://www.sethihemant.com",
                "--json", json.toString(), "--markdown", markdown.toString());
        assertEquals(1, result.exitCode(), result.output());
        Map<?, ?> summary = (Map<?, ?>) ((Map<?, ?>) ReportJson.parse(Files.readString(json))).get("summary");
        assertEquals(1, ((Number) summary.get("broken")).intValue());
        assertTrue(Files.readString(markdown).startsWith("## Link check: 1 broken link"));
    }

    @Test
    void printsGithubAnnotationsWhenAsked() throws IOException {
        Path site = site("<a href=\"/nope/\">Nope</a>");
        Result result = run("check-links", site.toString(), "--annotations");
        assertTrue(result.output().contains("::error file=" + site.toString().replace('\\', '/') + "/index.html,line=1,"),
                result.output());
    }

    @Test
    void exitsTwoOnAnInvalidPolicyFileNamingItsLine() throws IOException {
        Path site = site("<a href=\"/about/\">About</a>");
        Path config = temp.resolve("links.yml");
        Files.writeString(config, "defaults:\n  intervall: 1s\n");
        Result result = run("check-links", site.toString(), "--config", config.toString());
        assertEquals(2, result.exitCode(), result.output());
        assertTrue(result.output().contains(config + ":2: 'defaults.intervall' is not a known key"), result.output());
    }

    @Test
    void exitsTwoOnAMissingFolderOrABadOption() {
        assertEquals(2, run("check-links", temp.resolve("nowhere").toString()).exitCode());
        assertEquals(2, run("check-links", temp.toString(), "--deadline", "soon").exitCode());
        assertEquals(2, run("check-links", temp.toString(), "--base-url", "not a url").exitCode());
    }

    @Test
    void helpDocumentsTheExitCodes() {
        Result result = run("check-links", "--help");
        assertEquals(0, result.exitCode());
        assertTrue(result.output().contains("Exit codes:"), result.output());
        assertTrue(result.output().replaceAll("\\s+", " ").contains("a broken link"), result.output());
        assertTrue(result.output().replaceAll("\\s+", " ").contains("2 wrong usage or invalid configuration"), result.output());
    }
}
