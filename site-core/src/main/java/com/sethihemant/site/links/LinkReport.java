package com.sethihemant.site.links;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything a check found, and the ways to show it: a console summary grouped by page, JSON,
 * Markdown for a GitHub job summary, and GitHub Actions annotations.
 *
 * @param results every link with its outcome, sorted by page and line
 * @param pages the HTML pages read
 * @param externalUrls the distinct external URLs checked over HTTP (0 when external links were not checked)
 * @param notices remarks about the run itself, such as an unreadable cache
 * @param warnings problems of the policy that do not fail the run, each with its file and line,
 *     such as an {@code ignore} entry whose {@code until:} date has passed
 */
public record LinkReport(List<LinkResult> results, int pages, int externalUrls, Duration elapsed, List<String> notices,
                         List<String> warnings) {

    public LinkReport {
        results = List.copyOf(results);
        notices = List.copyOf(notices);
        warnings = List.copyOf(warnings);
    }

    public LinkReport(List<LinkResult> results, int pages, int externalUrls, Duration elapsed, List<String> notices) {
        this(results, pages, externalUrls, elapsed, notices, List.of());
    }

    /** How many links had this kind of outcome. */
    public int count(Outcome.Kind kind) {
        return (int) results.stream().filter(r -> r.outcome().kind() == kind).count();
    }

    /** Links that fail the run: broken or invalid. */
    public int errors() {
        return (int) results.stream().filter(r -> r.severity() == Outcome.Severity.ERROR).count();
    }

    /** Links worth a look that do not fail the run (redirected, blocked, unverifiable, written with a flaw), and policy warnings. */
    public int warningCount() {
        return (int) results.stream().filter(r -> r.severity() == Outcome.Severity.WARNING).count() + warnings.size();
    }

    /** Whether any link is broken or invalid. */
    public boolean failed() {
        return errors() > 0;
    }

    /** Prints problems grouped by page, then one summary line. */
    public void printConsole(PrintWriter out) {
        ReportFormats.console(this, out);
        out.flush();
    }

    /** The whole report as JSON: a summary, every link with its outcome, and the notices. */
    public String toJson() {
        return ReportFormats.json(this);
    }

    /** A Markdown report of problems, for {@code $GITHUB_STEP_SUMMARY} or an issue. */
    public String toMarkdown() {
        return ReportFormats.markdown(this);
    }

    /**
     * Prints a GitHub Actions workflow command per problem, so each shows on the run's page.
     *
     * @param site the site folder as the command was given it
     * @param workspace the checkout ({@code GITHUB_WORKSPACE}), against which GitHub resolves
     *     annotation paths; {@code null} to use {@code site} as given
     */
    public void printAnnotations(PrintWriter out, Path site, String workspace) {
        ReportFormats.annotations(this, out, ReportFormats.annotationFolder(site, workspace));
        out.flush();
    }

    /** One line: how many links, pages and URLs, how long, and the count of each outcome. */
    public String summary() {
        return ReportFormats.summary(this);
    }
}
