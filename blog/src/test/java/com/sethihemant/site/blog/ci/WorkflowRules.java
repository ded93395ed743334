package com.sethihemant.site.blog.ci;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.sethihemant.site.blog.ci.Workflow.entries;
import static com.sethihemant.site.blog.ci.Workflow.get;
import static com.sethihemant.site.blog.ci.Workflow.items;
import static com.sethihemant.site.blog.ci.Workflow.keyNode;
import static com.sethihemant.site.blog.ci.Workflow.lineOf;
import static com.sethihemant.site.blog.ci.Workflow.text;

/**
 * What a security reviewer checks in a GitHub Actions workflow, as rules with short names:
 *
 * <ul>
 * <li>{@code permissions}: the workflow's token is read-only at the top ({@code read} or
 *     {@code none} per scope); a job that must write says so itself, scope by scope;</li>
 * <li>{@code timeout}: every job has {@code timeout-minutes}, so a hung step cannot hold a runner
 *     for GitHub's default of six hours;</li>
 * <li>{@code pinned}: every action outside this repository is pinned to a release: to the full
 *     commit SHA of that release, with its version in a comment beside it (what Dependabot
 *     updates), or, only where that commit could not be verified from the action's own
 *     repository, to the exact release tag ({@code @v1.2.3}) with a comment that says so
 *     ({@code # tag: why}); never a moving major tag or a branch. A Docker image to its digest;</li>
 * <li>{@code injection}: a {@code run:} script (or an {@code actions/github-script} script)
 *     expands no value an outsider can choose, such as {@code github.event.*},
 *     {@code github.head_ref}, step outputs or inputs: those go through {@code env:} and are
 *     read as shell variables. Only values GitHub itself makes up (run id, repository, SHA...)
 *     may be expanded;</li>
 * <li>{@code concurrency}: a job that can write (any {@code write} permission) runs in a
 *     concurrency group, its own or the workflow's, and neither cancels it mid-way, so two runs
 *     cannot race;</li>
 * <li>{@code trigger}: no {@code pull_request_target} or {@code workflow_run}, which run with
 *     a writing token in reach of a fork's code;</li>
 * <li>{@code checkout}: {@code actions/checkout} does not leave the token in {@code .git/config}
 *     ({@code persist-credentials: false}); nothing here pushes;</li>
 * <li>{@code isolation}: a job with a writing token runs only what needs it: the repository's
 *     scripts in {@link #WRITING_JOB_RUNS}, each alone in its step, and the actions in
 *     {@link #WRITING_JOB_USES} that fetch its input or publish. The build runs code from Maven
 *     Central, npm and the site itself, and any step of it could leave something behind (a
 *     changed script, a program on the PATH) for a later step of its job; so it runs in a
 *     read-only job and hands its results over as artifacts.</li>
 * </ul>
 */
final class WorkflowRules {

    /** {@code owner/repo} or {@code owner/repo/path}, at a full commit SHA. */
    private static final Pattern COMMIT_PIN = Pattern.compile("[\\w.-]+/[\\w.-]+(/[\\w./-]+)?@[0-9a-f]{40}");
    private static final Pattern DIGEST_PIN = Pattern.compile("docker://[^@\\s]+@sha256:[0-9a-f]{64}");
    /** The comment Dependabot keeps in step with the SHA: {@code # v4.2.2} (or {@code # 4.2.2}). */
    private static final Pattern VERSION_COMMENT = Pattern.compile("\\s#\\s*v?\\d+(\\.\\d+)*\\b");
    /** An exact release tag, {@code owner/repo@v4.2.2}: not a moving major tag such as {@code @v4}. */
    private static final Pattern TAG_PIN = Pattern.compile("[\\w.-]+/[\\w.-]+(/[\\w./-]+)?@v?\\d+\\.\\d+\\.\\d+");
    /** What a tag pin says beside it: {@code # tag: why its commit is not pinned}. */
    private static final Pattern TAG_COMMENT = Pattern.compile("\\s#\\s*tag:\\s*\\S");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^']|'')*'");
    /** A context reference: {@code github.event.issue.title}, {@code steps.x.outputs['y']}. */
    private static final Pattern REFERENCE = Pattern.compile(
            "(?<![\\w.-])([A-Za-z_][\\w-]*(?:\\.[\\w*-]+|\\[[^\\]]*])*)(\\s*\\()?");
    private static final Set<String> LITERALS = Set.of("true", "false", "null");
    /**
     * Values GitHub makes up itself, which nobody outside the repository can choose, so they may
     * be expanded into a script. Everything else (event payloads, branch names, inputs, outputs,
     * secrets, env) goes through {@code env:}.
     */
    private static final Set<String> TRUSTED = Set.of("github.repository", "github.repository_id",
            "github.repository_owner_id", "github.server_url", "github.api_url", "github.graphql_url",
            "github.run_id", "github.run_number", "github.run_attempt", "github.sha", "github.workspace",
            "github.event_name", "github.job", "github.action_path", "runner.os", "runner.arch", "runner.temp",
            "runner.tool_cache");
    /** What would make a one-line script more than one command: a new line, ;, &, |, `, $(, < or >. */
    private static final Pattern SHELL_CONTROL = Pattern.compile("[\\n;&|`<>]|\\$\\(");
    private static final Set<String> RISKY_TRIGGERS = Set.of("pull_request_target", "workflow_run");
    /** What a step of a writing job may run: this repository's scripts that need the token. */
    static final Set<String> WRITING_JOB_RUNS = Set.of("scripts/link-rot-issue.sh");
    /** What a step of a writing job may use: a checkout of those scripts, the build's artifacts, the deploy. */
    static final Set<String> WRITING_JOB_USES = Set.of("actions/checkout", "actions/download-artifact",
            "actions/deploy-pages");

    private WorkflowRules() {
    }

    /** Every rule broken by the workflow in {@code file}, in the order of the file. */
    static List<Violation> check(Path file) {
        Workflow workflow;
        try {
            workflow = Workflow.read(file);
        } catch (Violation.Found e) {
            return List.of(e.violation());
        }
        List<Violation> found = new ArrayList<>();
        triggers(workflow, found);
        topPermissions(workflow, found);
        for (Workflow.Job job : workflow.jobs()) {
            jobPermissions(workflow, job, found);
            timeout(workflow, job, found);
            concurrency(workflow, job, found);
            isolation(workflow, job, found);
            text(job.body(), "uses").ifPresent(uses ->
                    pinned(workflow, get(job.body(), "uses").orElseThrow(), uses, found));
            for (Node step : job.steps()) {
                Optional<Node> uses = get(step, "uses");
                uses.flatMap(Workflow::text).ifPresent(action -> {
                    pinned(workflow, uses.get(), action, found);
                    checkout(workflow, step, action, found);
                    if (action.startsWith("actions/github-script@")) {
                        get(step, "with").flatMap(with -> get(with, "script"))
                                .ifPresent(script -> injection(workflow, script, "script", found));
                    }
                });
                get(step, "run").ifPresent(run -> injection(workflow, run, "run", found));
            }
        }
        found.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return found;
    }

    private static void triggers(Workflow workflow, List<Violation> found) {
        Optional<Node> on = get(workflow.root(), "on");
        if (on.isEmpty()) {
            return;
        }
        List<Node> names = new ArrayList<>();
        Node node = on.get();
        if (node instanceof ScalarNode) {
            names.add(node);
        }
        names.addAll(items(node));
        entries(node).forEach(tuple -> names.add(tuple.getKeyNode()));
        for (Node name : names) {
            text(name).filter(RISKY_TRIGGERS::contains).ifPresent(trigger -> found.add(new Violation(workflow.file(),
                    lineOf(name), "trigger", trigger + " runs with a writing token and secrets in reach of code from "
                    + "forks; use pull_request (or push) instead")));
        }
    }

    private static void topPermissions(Workflow workflow, List<Violation> found) {
        Optional<Node> permissions = get(workflow.root(), "permissions");
        if (permissions.isEmpty()) {
            found.add(new Violation(workflow.file(), 1, "permissions", "no top-level permissions: the token gets the "
                    + "repository's default, which may be write-all; add permissions: {contents: read} and widen "
                    + "it in the job that needs more"));
            return;
        }
        Node node = permissions.get();
        Optional<String> all = text(node);
        if (all.isPresent()) {
            // An empty value (permissions:) is as none.
            if (!all.get().isEmpty()) {
                found.add(new Violation(workflow.file(), lineOf(node), "permissions", "top-level permissions: "
                        + all.get() + " grants every scope; name the scopes, read only (contents: read), and widen "
                        + "them in the job that needs more"));
            }
            return;
        }
        for (NodeTuple scope : entries(node)) {
            String level = text(scope.getValueNode()).orElse("");
            if (!level.equals("read") && !level.equals("none")) {
                found.add(new Violation(workflow.file(), lineOf(scope.getKeyNode()), "permissions", "top-level "
                        + text(scope.getKeyNode()).orElse("?") + ": " + level + " gives every job that right; keep the "
                        + "top read-only and grant it in the one job that needs it"));
            }
        }
    }

    private static void jobPermissions(Workflow workflow, Workflow.Job job, List<Violation> found) {
        get(job.body(), "permissions").flatMap(Workflow::text).filter("write-all"::equals).ifPresent(all ->
                found.add(new Violation(workflow.file(), lineOf(get(job.body(), "permissions").orElseThrow()),
                        "permissions", "job " + job.id() + ": write-all grants every scope; name the ones it needs")));
    }

    private static void timeout(Workflow workflow, Workflow.Job job, List<Violation> found) {
        // A job that calls a reusable workflow cannot set one; the called workflow's jobs do.
        if (get(job.body(), "uses").isPresent()) {
            return;
        }
        if (get(job.body(), "timeout-minutes").isEmpty()) {
            found.add(new Violation(workflow.file(), lineOf(job.key()), "timeout", "job " + job.id()
                    + " has no timeout-minutes: a hung step would hold the runner for six hours; set a limit a "
                    + "little above its usual time"));
        }
    }

    /** The scopes a job may write, from its own permissions or, without them, the workflow's. */
    static List<String> writes(Workflow workflow, Workflow.Job job) {
        Node permissions = get(job.body(), "permissions").or(() -> get(workflow.root(), "permissions")).orElse(null);
        if (permissions == null) {
            // The permissions rule reports that already: the default token is the problem there.
            return List.of();
        }
        if (text(permissions).filter("write-all"::equals).isPresent()) {
            return List.of("write-all");
        }
        List<String> writes = new ArrayList<>();
        for (NodeTuple scope : entries(permissions)) {
            if (text(scope.getValueNode()).filter("write"::equals).isPresent()) {
                writes.add(text(scope.getKeyNode()).orElse("?") + ": write");
            }
        }
        return writes;
    }

    private static void concurrency(Workflow workflow, Workflow.Job job, List<Violation> found) {
        List<String> writes = writes(workflow, job);
        if (writes.isEmpty()) {
            return;
        }
        Optional<Node> own = get(job.body(), "concurrency");
        Optional<Node> workflowWide = get(workflow.root(), "concurrency");
        if (own.isEmpty() && workflowWide.isEmpty()) {
            found.add(new Violation(workflow.file(), lineOf(job.key()), "concurrency", "job " + job.id() + " writes ("
                    + String.join(", ", writes) + ") with no concurrency group, so two runs would race; add "
                    + "concurrency: {group: <name>, cancel-in-progress: false}"));
            return;
        }
        // A newer run in the workflow's group cancels the whole older run, this job included,
        // whatever the job's own group says; an expression is taken as written for the events it allows.
        for (Optional<Node> concurrency : List.of(own, workflowWide)) {
            concurrency.flatMap(c -> get(c, "cancel-in-progress")).filter(v -> text(v).filter("true"::equals).isPresent())
                    .ifPresent(cancel -> found.add(new Violation(workflow.file(), lineOf(cancel), "concurrency", "job "
                            + job.id() + " writes (" + String.join(", ", writes) + ") but a newer run cancels it "
                            + "mid-way, which can leave its work half done; set cancel-in-progress: false (or an "
                            + "expression that is false for the events that run this job)")));
        }
    }

    private static void isolation(Workflow workflow, Workflow.Job job, List<Violation> found) {
        List<String> writes = writes(workflow, job);
        if (writes.isEmpty()) {
            return;
        }
        String what = "job " + job.id() + " writes (" + String.join(", ", writes) + ")";
        String remedy = "; build in a read-only job and hand the results over as an artifact (a writing job runs only "
                + String.join(", ", new TreeSet<>(WRITING_JOB_RUNS)) + " and uses only "
                + String.join(", ", new TreeSet<>(WRITING_JOB_USES)) + ")";
        for (Node step : job.steps()) {
            get(step, "run").ifPresent(run -> {
                String script = text(run).map(String::strip).orElse("");
                // The script alone: no second command after it, no pipe, no substitution, no redirect.
                boolean allowed = !SHELL_CONTROL.matcher(script).find() && WRITING_JOB_RUNS.stream()
                        .anyMatch(name -> script.equals(name) || script.startsWith(name + " "));
                if (!allowed) {
                    found.add(new Violation(workflow.file(), lineOf(run), "isolation", what + " and runs "
                            + script.lines().findFirst().orElse("") + (script.contains("\n") ? " ..." : "") + remedy));
                }
            });
            get(step, "uses").ifPresent(uses -> {
                String action = text(uses).orElse("").split("@", 2)[0];
                if (!WRITING_JOB_USES.contains(action)) {
                    found.add(new Violation(workflow.file(), lineOf(uses), "isolation", what + " and uses " + action
                            + remedy));
                }
            });
        }
    }

    private static void pinned(Workflow workflow, Node node, String uses, List<Violation> found) {
        if (uses.startsWith("./")) {
            return;
        }
        int line = lineOf(node);
        if (uses.startsWith("docker://")) {
            if (!DIGEST_PIN.matcher(uses).matches()) {
                found.add(new Violation(workflow.file(), line, "pinned", uses + " is not pinned to an image digest; "
                        + "use docker://IMAGE@sha256:<digest> with the tag in a comment"));
            }
            return;
        }
        String raw = workflow.line(line);
        int at = raw.indexOf(uses);
        String after = at < 0 ? "" : raw.substring(at + uses.length());
        String name = uses.contains("@") ? uses.substring(0, uses.indexOf('@')) : uses;
        if (TAG_PIN.matcher(uses).matches()) {
            if (!TAG_COMMENT.matcher(after).lookingAt()) {
                found.add(new Violation(workflow.file(), line, "pinned", uses + " is pinned to a release tag, which "
                        + "can be moved to other code; use " + name + "@<the release's full commit SHA> # vX.Y.Z, or, "
                        + "only where that commit cannot be verified from the action's own repository, say so on the "
                        + "line: # tag: <why>"));
            }
            return;
        }
        if (!COMMIT_PIN.matcher(uses).matches()) {
            found.add(new Violation(workflow.file(), line, "pinned", uses + " is not pinned to a release: a major "
                    + "tag or a branch moves to other code; use " + name + "@<the release's full commit SHA> # vX.Y.Z"));
            return;
        }
        if (!VERSION_COMMENT.matcher(after).lookingAt()) {
            found.add(new Violation(workflow.file(), line, "pinned", uses + " has no version comment; add "
                    + "# vX.Y.Z (the release that commit is) on the same line, for readers and for Dependabot"));
        }
    }

    private static void checkout(Workflow workflow, Node step, String action, List<Violation> found) {
        if (!action.startsWith("actions/checkout@")) {
            return;
        }
        boolean kept = get(step, "with").flatMap(with -> text(with, "persist-credentials"))
                .filter("false"::equals).isEmpty();
        if (kept) {
            found.add(new Violation(workflow.file(), lineOf(get(step, "uses").orElseThrow()), "checkout",
                    "actions/checkout leaves the job's token in .git/config for every later step; set "
                    + "with: {persist-credentials: false} (nothing here pushes)"));
        }
    }

    private static void injection(Workflow workflow, Node script, String key, List<Violation> found) {
        if (!(script instanceof ScalarNode scalar)) {
            return;
        }
        String text = scalar.getValue();
        // A block scalar (| or >) starts on the line after its indicator.
        boolean block = scalar.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
                || scalar.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED;
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            Set<String> untrusted = untrusted(expression.group(1));
            if (untrusted.isEmpty()) {
                continue;
            }
            int line = lineOf(scalar) + (block ? 1 : 0) + (int) text.substring(0, expression.start()).chars()
                    .filter(c -> c == '\n').count();
            found.add(new Violation(workflow.file(), line, "injection", expression.group().strip() + " is expanded "
                    + "into the " + key + " script before it runs, so text in " + String.join(", ", untrusted)
                    + " could run as code; pass it through env: (NAME: ${{ ... }}) and use \"$NAME\""));
        }
    }

    /** The context references of an expression that are not on the trusted list. */
    static Set<String> untrusted(String expression) {
        String code = STRING_LITERAL.matcher(expression).replaceAll("''");
        Set<String> untrusted = new LinkedHashSet<>();
        Matcher reference = REFERENCE.matcher(code);
        while (reference.find()) {
            String name = reference.group(1);
            // A function such as contains(...) or toJSON(...), or a literal, names no value.
            if (reference.group(2) != null || LITERALS.contains(name)) {
                continue;
            }
            if (!TRUSTED.contains(name)) {
                // String literals were blanked above; an index shows as [...].
                untrusted.add(name.replaceAll("\\[[^\\]]*]", "[...]"));
            }
        }
        return untrusted;
    }
}
