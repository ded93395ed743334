package com.sethihemant.site.blog.ci;

import com.sethihemant.site.blog.BakedSite;
import com.sethihemant.site.cli.Main;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.sethihemant.site.blog.ci.Workflow.entries;
import static com.sethihemant.site.blog.ci.Workflow.get;
import static com.sethihemant.site.blog.ci.Workflow.text;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The weekly link check's issue keeping ({@code scripts/link-rot-issue.sh}), run as the
 * workflow runs it, with a stand-in for {@code gh} ({@code fixtures/link-rot/fake-gh/gh}) that
 * records each call and keeps the issue's state: open on the first failing run, update on the
 * next, close on the first passing one, and leave the issue alone when the check itself failed.
 * The reports are recorded ones of an external check, fresh ones from {@code site check-links}, and
 * those of the workflow's own {@code check-links} command line run against a loopback server.
 */
class LinkRotIssueTest {

    private static final Path ROOT = BakedSite.root();
    private static final Path SCRIPT = ROOT.resolve("scripts/link-rot-issue.sh");
    private static final Path FIXTURES = ROOT.resolve("blog/src/test/fixtures/link-rot");
    private static final Path RECORDED = FIXTURES.resolve("recorded");
    private static final String RUN_URL = "https://github.com/owner/site/actions/runs/4242";
    /** A shell word: "double-quoted" (no quote inside) or bare. */
    private static final Pattern WORD = Pattern.compile("\"([^\"]*)\"|(\\S+)");

    @TempDir
    Path temp;
    private Path state;
    private Path bin;
    private final Map<String, String> environment = new HashMap<>();

    /** One call of gh: its arguments, and the body file's text when it was given one. */
    record Call(List<String> args, String body) {
        String command() {
            return args.size() >= 2 ? args.get(0) + " " + args.get(1) : String.join(" ", args);
        }

        /** The value after an option such as {@code --comment}. */
        String option(String name) {
            int at = args.indexOf(name);
            return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : null;
        }
    }

    /** What a run of the script did. */
    record Run(int exitCode, String output, List<Call> calls) {
        List<String> commands() {
            return calls.stream().map(Call::command).toList();
        }

        Call call(String command) {
            return calls.stream().filter(c -> c.command().equals(command)).findFirst()
                    .orElseThrow(() -> new AssertionError("no gh " + command + " among " + commands()));
        }
    }

    @BeforeEach
    void standInForGh() throws IOException {
        state = Files.createDirectories(temp.resolve("github"));
        bin = Files.createDirectories(temp.resolve("bin"));
        Path gh = Files.copy(FIXTURES.resolve("fake-gh/gh"), bin.resolve("gh"));
        Files.setPosixFilePermissions(gh, PosixFilePermissions.fromString("rwxr-xr-x"));
        environment.put("PATH", bin + ":" + System.getenv("PATH"));
        environment.put("FAKE_GH_DIR", state.toString());
    }

    private void openIssue(int number) throws IOException {
        Files.writeString(state.resolve("open"), number + "\n");
        Files.writeString(state.resolve("last"), number + "\n");
    }

    private Optional<String> openNumber() throws IOException {
        Path open = state.resolve("open");
        return Files.exists(open) ? Optional.of(Files.readString(open).strip()) : Optional.empty();
    }

    private Run run(String exitCode, Path report) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), exitCode, report.toString(), RUN_URL)
                .directory(temp.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the script did not finish");
        List<Call> calls = new ArrayList<>();
        Path dir = state.resolve("calls");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> each = Files.list(dir)) {
                for (Path call : each.sorted().toList()) {
                    String args = Files.readString(call.resolve("args"));
                    List<String> list = args.isEmpty() ? List.of() : Arrays.asList(args.substring(0, args.length() - 1).split("\0", -1));
                    Path body = call.resolve("body");
                    calls.add(new Call(list, Files.exists(body) ? Files.readString(body) : null));
                }
            }
            // The next run's calls start afresh.
            try (Stream<Path> each = Files.walk(dir)) {
                each.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        return new Run(process.exitValue(), output, calls);
    }

    /** The exit code check-links gives for a report: 1 when it counts errors (broken or invalid links). */
    @SuppressWarnings("unchecked")
    private static String exitCodeOf(Path jsonReport) throws IOException {
        // JSON is YAML; snakeyaml is already on the class path.
        Map<String, Object> report = new Yaml(new LoaderOptions()).load(Files.readString(jsonReport));
        int errors = ((Number) ((Map<String, Object>) report.get("summary")).get("errors")).intValue();
        return errors > 0 ? "1" : "0";
    }

    @Test
    void theRecordedReportsAreAFailingAndAPassingRun() throws IOException {
        assertEquals("1", exitCodeOf(RECORDED.resolve("failing.json")));
        assertEquals("0", exitCodeOf(RECORDED.resolve("passing.json")));
    }

    @Test
    void theFirstFailingRunOpensTheIssueWithTheReport() throws Exception {
        Path report = RECORDED.resolve("failing.md");
        Run run = run(exitCodeOf(RECORDED.resolve("failing.json")), report);
        assertEquals(0, run.exitCode(), run.output());
        assertEquals(List.of("issue list", "label create", "issue create"), run.commands());
        Call list = run.call("issue list");
        Call create = run.call("issue create");
        assertAll(
                () -> assertEquals("link-rot", list.option("--label")),
                () -> assertEquals("open", list.option("--state")),
                () -> assertEquals("link-rot", run.call("label create").args().get(2)),
                () -> assertEquals("Broken links on the site", create.option("--title")),
                () -> assertEquals("link-rot", create.option("--label")),
                () -> assertEquals(Files.readString(report) + "\n---\nFound by the weekly link check: " + RUN_URL + "\n",
                        create.body()),
                () -> assertEquals(Optional.of("1"), openNumber()));
    }

    @Test
    void aFailingRunWithTheIssueOpenUpdatesItInsteadOfOpeningAnother() throws Exception {
        openIssue(7);
        Path report = RECORDED.resolve("failing.md");
        Run run = run("1", report);
        assertEquals(0, run.exitCode(), run.output());
        assertEquals(List.of("issue list", "issue edit", "issue comment"), run.commands());
        assertAll(
                () -> assertEquals("7", run.call("issue edit").args().get(2)),
                () -> assertTrue(run.call("issue edit").body().startsWith(Files.readString(report))),
                () -> assertEquals("7", run.call("issue comment").args().get(2)),
                () -> assertTrue(run.call("issue comment").option("--body").contains(RUN_URL)),
                () -> assertEquals(Optional.of("7"), openNumber()));
    }

    @Test
    void thePassingRunClosesTheIssue() throws Exception {
        openIssue(7);
        Run run = run(exitCodeOf(RECORDED.resolve("passing.json")), RECORDED.resolve("passing.md"));
        assertEquals(0, run.exitCode(), run.output());
        assertEquals(List.of("issue list", "issue close"), run.commands());
        assertAll(
                () -> assertEquals("7", run.call("issue close").args().get(2)),
                () -> assertEquals("Every link passes as of " + RUN_URL + ".", run.call("issue close").option("--comment")),
                () -> assertEquals(Optional.empty(), openNumber()));
    }

    @Test
    void aPassingRunWithNoIssueDoesNothing() throws Exception {
        Run run = run("0", RECORDED.resolve("passing.md"));
        assertEquals(0, run.exitCode(), run.output());
        assertEquals(List.of("issue list"), run.commands());
        assertEquals(Optional.empty(), openNumber());
    }

    @Test
    void openUpdateAndCloseFollowEachOtherOverWeeks() throws Exception {
        Path failing = RECORDED.resolve("failing.md");
        Path passing = RECORDED.resolve("passing.md");
        assertEquals(List.of("issue list", "label create", "issue create"), run("1", failing).commands());
        assertEquals(List.of("issue list", "issue edit", "issue comment"), run("1", failing).commands());
        assertEquals(List.of("issue list", "issue close"), run("0", passing).commands());
        assertEquals(List.of("issue list"), run("0", passing).commands());
        // Broken again later: a new issue, not the closed one.
        Run again = run("1", failing);
        assertEquals(List.of("issue list", "label create", "issue create"), again.commands());
        assertEquals(Optional.of("2"), openNumber());
    }

    @Test
    void aCheckThatFailedItselfLeavesTheIssueAlone() throws Exception {
        openIssue(7);
        // 2: bad configuration, 3: I/O, 70: a bug; none says anything about the links.
        for (String code : List.of("2", "3", "70", "")) {
            Run run = run(code, RECORDED.resolve("failing.md"));
            assertEquals(2, run.exitCode(), run.output());
            assertEquals(List.of(), run.calls());
            assertTrue(run.output().contains("is not a link check result"), run.output());
        }
        assertEquals(Optional.of("7"), openNumber());
    }

    @Test
    void brokenLinksWithoutAReportFailWithoutTouchingTheIssue() throws Exception {
        Run run = run("1", temp.resolve("missing/links.md"));
        assertEquals(2, run.exitCode(), run.output());
        assertEquals(List.of(), run.calls());
        assertTrue(run.output().contains("wrote no report at '" + temp.resolve("missing/links.md") + "'"), run.output());
    }

    @Test
    void aFailingGhCallFailsTheStep() throws Exception {
        environment.put("FAKE_GH_FAIL", "issue create");
        Run run = run("1", RECORDED.resolve("failing.md"));
        assertNotEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("HTTP 502"), run.output());
        assertEquals(Optional.empty(), openNumber());
    }

    @Test
    void aReportTooLongForAnIssueIsCutAtALineAndSaysWhereTheRestIs() throws Exception {
        // The recorded report with its table of problems repeated until it is over 100,000 characters.
        List<String> lines = Files.readAllLines(RECORDED.resolve("failing.md"));
        List<String> rows = lines.stream().filter(line -> line.startsWith("| `index.html`")).toList();
        List<String> longReport = new ArrayList<>(lines);
        while (String.join("\n", longReport).length() < 100_000) {
            longReport.addAll(rows.stream().map(row -> row.replace("Dynamo notes", "Dynamo notes ✓ é")).toList());
        }
        Path report = Files.write(temp.resolve("long.md"), longReport);
        Run run = run("1", report);
        assertEquals(0, run.exitCode(), run.output());
        String body = run.call("issue create").body();
        List<String> bodyLines = body.lines().toList();
        int cut = bodyLines.indexOf("_The report is cut here; the whole of it is in the run's link-report artifact._");
        assertAll(
                // GitHub's limit is 65,536 characters.
                () -> assertTrue(body.length() <= 65_536, "body length " + body.length()),
                () -> assertTrue(body.length() > 50_000, "body length " + body.length()),
                () -> assertTrue(cut > 0, "no note where the report is cut"),
                // Every line before the cut is a whole line of the report.
                () -> assertEquals(longReport.subList(0, cut - 1), bodyLines.subList(0, cut - 1)),
                () -> assertTrue(body.endsWith("Found by the weekly link check: " + RUN_URL + "\n")));
    }

    /** check-links on a tiny site: its exit code as the workflow records it, and the Markdown report. */
    private String checkLinks(String site, Path markdown) {
        int code = Main.run("check-links", FIXTURES.resolve(site).toString(), "--base-url", BakedSite.BASE,
                "--annotations=false", "--markdown", markdown.toString());
        return Integer.toString(code);
    }

    @Test
    void aFreshReportOfTheLinkCheckerOpensAndClosesTheIssue() throws Exception {
        Path failing = temp.resolve("failing.md");
        String code = checkLinks("failing", failing);
        assertEquals("1", code);
        Run opened = run(code, failing);
        assertEquals(0, opened.exitCode(), opened.output());
        String body = opened.call("issue create").body();
        // The description lists each broken link with its page, as the checker reported them.
        assertAll(
                () -> assertTrue(body.contains("`https://www.sethihemant.com/about/#talks`"), body),
                () -> assertTrue(body.contains("`https://www.sethihemant.com/blog/2026/dynamo-paper-notes/`"), body),
                () -> assertTrue(body.startsWith(Files.readString(failing)), body));

        Path passing = temp.resolve("passing.md");
        code = checkLinks("passing", passing);
        assertEquals("0", code);
        Run closed = run(code, passing);
        assertEquals(0, closed.exitCode(), closed.output());
        assertEquals(List.of("issue list", "issue close"), closed.commands());
        assertEquals(Optional.empty(), openNumber());
    }

    private static Workflow.Job job(Workflow workflow, String id) {
        return workflow.jobs().stream().filter(job -> job.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(workflow.file().getFileName() + " has no job " + id));
    }

    /** A job's env: merged with a step's, the step's winning, as GitHub does. */
    private static Map<String, String> env(Workflow.Job job, Node step) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Node node : step == null ? List.of(job.body()) : List.of(job.body(), step)) {
            get(node, "env").ifPresent(map -> entries(map).forEach(t ->
                    env.put(text(t.getKeyNode()).orElse(""), text(t.getValueNode()).orElse(""))));
        }
        return env;
    }

    private static Node step(Workflow.Job job, String what, Predicate<Node> which) {
        List<Node> steps = job.steps().stream().filter(which).toList();
        assertEquals(1, steps.size(), "job " + job.id() + " has one step that " + what);
        return steps.get(0);
    }

    private static Node stepUsing(Workflow.Job job, String action) {
        return step(job, "uses " + action, s -> text(s, "uses").filter(u -> u.startsWith(action + "@")).isPresent());
    }

    /**
     * links.yml hands the script what it needs across its two jobs: the check's exit code as a
     * job output, its Markdown report through the link-report artifact, landing where REPORT_MD
     * says, and a token and the repository for gh.
     */
    @Test
    void theWorkflowGivesTheScriptWhatItNeeds() throws Exception {
        Workflow links = Workflow.read(ROOT.resolve(".github/workflows/links.yml"));
        Workflow.Job check = job(links, "check");
        Workflow.Job issue = job(links, "issue");
        Node script = step(issue, "runs scripts/link-rot-issue.sh",
                s -> text(s, "run").filter(run -> run.contains("scripts/link-rot-issue.sh")).isPresent());
        Map<String, String> env = env(issue, script);
        Node checkStep = step(check, "has id check", s -> text(s, "id").filter("check"::equals).isPresent());
        Node upload = stepUsing(check, "actions/upload-artifact");
        Node download = stepUsing(issue, "actions/download-artifact");
        String reportMd = env.getOrDefault("REPORT_MD", "");
        List<String> uploaded = get(upload, "with").flatMap(with -> text(with, "path")).orElse("").lines()
                .map(String::strip).filter(line -> !line.isEmpty()).toList();
        Path downloadedInto = Path.of(get(download, "with").flatMap(with -> text(with, "path")).orElse("."));
        assertAll(
                () -> assertEquals(Optional.of("scripts/link-rot-issue.sh \"$EXIT_CODE\" \"$REPORT_MD\" \"$RUN_URL\""),
                        text(script, "run").map(String::strip)),
                () -> assertEquals(Optional.of("check"), get(issue.body(), "needs").flatMap(Workflow::text)),
                // The exit code travels as the check job's output of the check step's output.
                () -> assertEquals("${{ needs.check.outputs.exit-code }}", env.get("EXIT_CODE")),
                () -> assertEquals(Optional.of("${{ steps.check.outputs.exit-code }}"),
                        get(check.body(), "outputs").flatMap(outputs -> text(outputs, "exit-code"))),
                () -> assertTrue(text(checkStep, "run").orElse("").contains("echo \"exit-code=$code\" >> \"$GITHUB_OUTPUT\""),
                        "the check step records its exit code"),
                // Broken links fail the check job; the issue job must run then too, but not on a cancelled run.
                () -> assertTrue(text(issue.body(), "if").filter(c -> c.contains("!cancelled()")
                        && c.contains("needs.check.outputs.exit-code == '1'")).isPresent(), text(issue.body(), "if").toString()),
                // The report: written by the check step, uploaded, downloaded to where the script reads it.
                () -> assertEquals("blog/target/links.md", reportMd),
                () -> assertEquals(reportMd, env(check, null).get("REPORT_MD")),
                () -> assertTrue(text(checkStep, "run").orElse("").contains("--markdown \"$REPORT_MD\""), "no --markdown \"$REPORT_MD\""),
                () -> assertTrue(uploaded.contains(reportMd), "link-report holds " + uploaded),
                () -> assertEquals(get(upload, "with").flatMap(with -> text(with, "name")),
                        get(download, "with").flatMap(with -> text(with, "name"))),
                // upload-artifact stores paths below their common folder; every path here is in one.
                () -> assertEquals(List.of(downloadedInto), uploaded.stream().map(path -> Path.of(path).getParent()).distinct().toList()),
                () -> assertTrue(env.getOrDefault("RUN_URL", "").endsWith("/actions/runs/${{ github.run_id }}"), env.toString()),
                // gh needs a token and the repository; only the issue job may write issues.
                () -> assertEquals("${{ github.token }}", env.get("GH_TOKEN")),
                () -> assertEquals("${{ github.repository }}", env.get("GH_REPO")),
                () -> assertEquals(List.of("issues: write"), WorkflowRules.writes(links, issue)),
                () -> assertEquals(List.of(), WorkflowRules.writes(links, check)));
    }

    /** The words of the workflow's {@code ./site check-links} command, as bash would split them. */
    private static List<String> checkLinksCommand(Workflow.Job check) {
        String run = text(step(check, "has id check", s -> text(s, "id").filter("check"::equals).isPresent()), "run")
                .orElseThrow().replace("\\\n", " ");
        String line = run.lines().map(String::strip).filter(l -> l.startsWith("./site check-links ")).findFirst()
                .orElseThrow(() -> new AssertionError("the check step runs no ./site check-links: " + run));
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(line);
        while (word.find()) {
            words.add(word.group(1) != null ? word.group(1) : word.group(2));
        }
        return words;
    }

    /**
     * The check exactly as links.yml runs it (its own command line, read from the workflow) on a
     * small site whose external links go to a loopback server, then the script on its exit code
     * and report: a 404 opens the issue, and once the publisher serves the file again, the next
     * week's check closes it. Only the site, the policy (the real one skips loopback addresses)
     * and the folders are swapped in.
     */
    @Test
    void theWorkflowsOwnCheckOpensAndClosesTheIssue() throws Exception {
        Workflow links = Workflow.read(ROOT.resolve(".github/workflows/links.yml"));
        Workflow.Job check = job(links, "check");
        Map<String, String> jobEnv = env(check, null);
        AtomicInteger paperStatus = new AtomicInteger(404);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        Map<String, IntSupplier> routes = Map.of(
                "/papers/dynamo.pdf", () -> 200,
                "/papers/gfs.pdf", paperStatus::get,
                "/in/hemantsethi/", () -> 999);
        server.createContext("/", exchange -> {
            int status = routes.getOrDefault(exchange.getRequestURI().getPath(), () -> 404).getAsInt();
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try {
            String origin = "http://127.0.0.1:" + server.getAddress().getPort();
            Path site = Files.createDirectories(temp.resolve("site"));
            Files.writeString(site.resolve("index.html"), """
                    <!DOCTYPE html>
                    <html lang="en"><head><meta charset="utf-8"><title>Reading</title></head>
                    <body><main><h1>Reading</h1>
                    <p><a href="ORIGIN/papers/dynamo.pdf">Dynamo</a> and <a href="ORIGIN/papers/gfs.pdf">GFS</a>.</p>
                    <p><a href="ORIGIN/in/hemantsethi/">LinkedIn</a></p>
                    </main></body></html>
                    """.replace("ORIGIN", origin));
            Path policy = Files.writeString(temp.resolve("links.yml"), "check:\n  retries: 0\ndefaults:\n  interval: 0ms\n");
            Path home = temp.resolve("home");

            List<String> command = checkLinksCommand(check);
            assertEquals(List.of("./site", "check-links"), command.subList(0, 2));
            List<String> args = new ArrayList<>(List.of("check-links"));
            for (int i = 2; i < command.size(); i++) {
                String word = command.get(i)
                        .replace("$HOME", home.toString())
                        .replace("$REPORT_JSON", jobEnv.getOrDefault("REPORT_JSON", "$REPORT_JSON"))
                        .replace("$REPORT_MD", jobEnv.getOrDefault("REPORT_MD", "$REPORT_MD"));
                assertFalse(word.contains("$"), "a variable the test does not know: " + command.get(i));
                String previous = args.isEmpty() ? "" : args.get(args.size() - 1);
                if (i == 2) {
                    assertEquals("blog/target/site", word, "the baked site the build step wrote");
                    word = site.toString();
                } else if (previous.equals("--config")) {
                    assertTrue(Files.isRegularFile(ROOT.resolve(word)), "the workflow's policy " + word + " exists");
                    word = policy.toString();
                } else if (!word.startsWith("-") && !word.startsWith("https://") && !Path.of(word).isAbsolute()) {
                    // The workflow runs at the repository's root; here the temporary folder stands in for it.
                    word = temp.resolve(word).toString();
                }
                args.add(word);
            }
            assertTrue(args.contains("--external"), "the weekly check is the external one: " + command);
            // Run inside GitHub Actions (build.yml), annotations would mark this fixture as the site's problem.
            args.add("--annotations=false");
            Path reportMd = temp.resolve(jobEnv.get("REPORT_MD"));

            String code = Integer.toString(Main.run(args.toArray(String[]::new)));
            assertNotEquals("2", code, "check-links refuses links.yml's command line (exit code 2: usage): " + args);
            assertEquals("1", code, "a 404 is a broken link");
            Run opened = run(code, reportMd);
            assertEquals(0, opened.exitCode(), opened.output());
            assertEquals(List.of("issue list", "label create", "issue create"), opened.commands());
            String body = opened.call("issue create").body();
            assertAll(
                    () -> assertTrue(body.startsWith(Files.readString(reportMd)), body),
                    () -> assertTrue(body.contains(origin + "/papers/gfs.pdf"), body),
                    () -> assertTrue(Files.isRegularFile(temp.resolve(jobEnv.get("REPORT_JSON"))), "no JSON report"));

            paperStatus.set(200);
            code = Integer.toString(Main.run(args.toArray(String[]::new)));
            assertEquals("0", code, "a blocked link (999) is a warning, not rot");
            Run closed = run(code, reportMd);
            assertEquals(0, closed.exitCode(), closed.output());
            assertEquals(List.of("issue list", "issue close"), closed.commands());
            assertEquals(Optional.empty(), openNumber());
        } finally {
            server.stop(0);
        }
    }
}
