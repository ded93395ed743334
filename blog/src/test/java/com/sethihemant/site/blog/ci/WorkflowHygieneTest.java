package com.sethihemant.site.blog.ci;

import com.sethihemant.site.blog.BakedSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static com.sethihemant.site.blog.ci.Workflow.get;
import static com.sethihemant.site.blog.ci.Workflow.text;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repository's GitHub Actions workflows, read as a security reviewer reads them
 * ({@link WorkflowRules}), and the wiring that keeps GitHub's CI and {@code .ci/run} one
 * definition of "every check". Each rule is shown to fail on a small bad workflow under
 * {@code src/test/fixtures/workflows}.
 */
class WorkflowHygieneTest {

    private static final Path ROOT = BakedSite.root();
    private static final Path WORKFLOWS = ROOT.resolve(".github/workflows");
    private static final Path FIXTURES = ROOT.resolve("blog/src/test/fixtures/workflows");

    static List<Path> workflows() throws IOException {
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            return files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyWorkflowOfTheRepositoryKeepsEveryRule() throws IOException {
        List<Path> workflows = workflows();
        // build, lighthouse and links at least: an empty folder must not pass for a clean one.
        assertTrue(workflows.size() >= 3, "workflows found: " + workflows);
        List<String> violations = workflows.stream()
                .flatMap(file -> WorkflowRules.check(file).stream()).map(Violation::toString).toList();
        assertEquals(List.of(), violations);
    }

    @Test
    void theOnlyJobsWithAWritingTokenAreTheDeployAndTheLinkRotIssue() throws Exception {
        // A new one is a change to review, not to slip in; and with none, the isolation rule would check nothing.
        List<String> writing = new ArrayList<>();
        for (Path file : workflows()) {
            Workflow workflow = Workflow.read(file);
            workflow.jobs().stream().filter(job -> !WorkflowRules.writes(workflow, job).isEmpty())
                    .forEach(job -> writing.add(file.getFileName() + ":" + job.id()));
        }
        assertEquals(List.of("build.yml:deploy", "links.yml:issue"), writing);
    }

    @Test
    void aWorkflowUsingWhatTheRulesAllowPasses() {
        assertEquals(List.of(), WorkflowRules.check(FIXTURES.resolve("good.yml")).stream().map(Violation::toString).toList());
    }

    static Stream<Arguments> badWorkflows() {
        return Stream.of(
                Arguments.of("bad-permissions-missing.yml", List.of("permissions@1")),
                Arguments.of("bad-permissions-write.yml", List.of("permissions@5", "permissions@7", "permissions@17")),
                Arguments.of("bad-permissions-write-all.yml", List.of("permissions@4")),
                Arguments.of("bad-timeout.yml", List.of("timeout@13")),
                Arguments.of("bad-unpinned.yml",
                        List.of("pinned@13", "pinned@14", "pinned@15", "pinned@16", "pinned@17", "pinned@19")),
                Arguments.of("bad-injection.yml", List.of("injection@15", "injection@17", "injection@19", "injection@24")),
                Arguments.of("bad-concurrency.yml", List.of("concurrency@8", "concurrency@23")),
                Arguments.of("bad-concurrency-workflow.yml", List.of("concurrency@9")),
                Arguments.of("bad-trigger.yml", List.of("trigger@5", "trigger@6")),
                Arguments.of("bad-checkout.yml", List.of("checkout@11", "checkout@12")),
                Arguments.of("bad-isolation.yml",
                        List.of("isolation@16", "isolation@17", "isolation@19", "isolation@22", "isolation@23")),
                Arguments.of("bad-yaml.yml", List.of("yaml@7")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badWorkflows")
    void eachRuleFailsOnAWorkflowThatBreaksIt(String fixture, List<String> expected) {
        List<Violation> found = WorkflowRules.check(FIXTURES.resolve(fixture));
        assertEquals(expected, found.stream().map(v -> v.rule() + "@" + v.line()).toList(),
                () -> found.stream().map(Violation::toString).reduce("", (a, b) -> a + "\n" + b));
    }

    @Test
    void messagesNameTheProblemAndTheRemedy() {
        List<String> injection = WorkflowRules.check(FIXTURES.resolve("bad-injection.yml")).stream()
                .map(Violation::toString).toList();
        List<String> unpinned = WorkflowRules.check(FIXTURES.resolve("bad-unpinned.yml")).stream()
                .map(Violation::toString).toList();
        assertAll(
                () -> assertEquals("bad-injection.yml:15: [injection] ${{ github.event.pull_request.title }} is expanded"
                        + " into the run script before it runs, so text in github.event.pull_request.title could run as"
                        + " code; pass it through env: (NAME: ${{ ... }}) and use \"$NAME\"", injection.get(0)),
                () -> assertTrue(injection.get(1).contains("text in github.head_ref could run"), injection.get(1)),
                () -> assertTrue(injection.get(3).contains("into the script script"), injection.get(3)),
                () -> assertEquals("bad-unpinned.yml:13: [pinned] actions/setup-java@v5 is not pinned to a release: a"
                        + " major tag or a branch moves to other code; use actions/setup-java@<the release's full commit"
                        + " SHA> # vX.Y.Z", unpinned.get(0)),
                () -> assertTrue(unpinned.get(2).contains("has no version comment"), unpinned.get(2)),
                () -> assertTrue(unpinned.get(4).contains("someone/tagged-action@v1.2.3 is pinned to a release tag")
                        && unpinned.get(4).endsWith("say so on the line: # tag: <why>"), unpinned.get(4)));
    }

    @Test
    void untrustedReferencesAreFoundInsideExpressions() {
        assertAll(
                () -> assertEquals(List.of(), List.copyOf(WorkflowRules.untrusted(
                        " github.run_id == 1 && contains('github.event.x', github.sha) "))),
                () -> assertEquals(List.of("github.event.issue.title"), List.copyOf(WorkflowRules.untrusted(
                        " toJSON(github.event.issue.title) "))),
                () -> assertEquals(List.of("github.event[...].title"), List.copyOf(WorkflowRules.untrusted(
                        " github.event['pull_request'].title "))),
                () -> assertEquals(List.of("inputs.name", "secrets.TOKEN", "env.X"), List.copyOf(WorkflowRules.untrusted(
                        " inputs.name || secrets.TOKEN || env.X "))));
    }

    @Test
    void dependabotKeepsTheActionPinsCurrent() throws Exception {
        Workflow dependabot = Workflow.read(ROOT.resolve(".github/dependabot.yml"));
        Optional<Node> actions = get(dependabot.root(), "updates").map(Workflow::items).orElse(List.of()).stream()
                .filter(update -> text(update, "package-ecosystem").filter("github-actions"::equals).isPresent())
                .findFirst();
        assertTrue(actions.isPresent(), "no github-actions entry in .github/dependabot.yml");
        assertAll(
                // "/" is where Dependabot looks for .github/workflows.
                () -> assertEquals(Optional.of("/"), text(actions.get(), "directory")),
                () -> assertTrue(get(actions.get(), "schedule").flatMap(s -> text(s, "interval")).isPresent(),
                        "the github-actions entry has no schedule"));
    }

    /** The non-comment lines of a shell script. */
    private static List<String> commands(Path script) throws IOException {
        return Files.readAllLines(script).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    @Test
    void ciAndTheBuildWorkflowRunTheSameCommandLine() throws Exception {
        Workflow build = Workflow.read(WORKFLOWS.resolve("build.yml"));
        List<String> runs = build.jobs().stream().flatMap(job -> job.steps().stream())
                .map(step -> text(step, "run").orElse("")).filter(run -> !run.isEmpty()).toList();
        List<String> ciRun = commands(ROOT.resolve(".ci/run"));
        assertAll(
                () -> assertEquals(List.of(".ci/run"), runs.stream().map(String::strip).toList(),
                        "build.yml must run .ci/run and no Maven command of its own"),
                () -> assertTrue(ciRun.stream().anyMatch(line -> line.startsWith("command=(./mvnw ")
                                && line.contains(" verify ") && line.contains(" -Pbrowser ")),
                        ".ci/run must run the wrapper's verify with the browser profile required: " + ciRun),
                () -> assertTrue(ciRun.contains("exec \"${command[@]}\""), ".ci/run must end by running that command"));
    }

    @Test
    void theBuildKeepsTheScreenshotsOfEveryRun() throws Exception {
        Workflow build = Workflow.read(WORKFLOWS.resolve("build.yml"));
        Optional<Node> upload = build.jobs().stream().flatMap(job -> job.steps().stream())
                .filter(step -> text(step, "uses").filter(u -> u.startsWith("actions/upload-artifact@")).isPresent())
                .filter(step -> get(step, "with").flatMap(with -> text(with, "path"))
                        .filter(path -> path.strip().startsWith("blog/target/screenshots")).isPresent())
                .findFirst();
        assertTrue(upload.isPresent(), "build.yml uploads no blog/target/screenshots artifact");
        assertEquals(Optional.of("always()"), text(upload.get(), "if"), "screenshots of failed runs matter most");
    }
}
