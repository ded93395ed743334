package com.sethihemant.site.links;

import com.sethihemant.site.config.Durations;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report's text forms; each is a plain function of the report. */
final class ReportFormats {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    /** GitHub cuts a step summary at 1 MiB; a report that long helps nobody anyway. */
    private static final int MAX_TABLE_ROWS = 500;

    private ReportFormats() {
    }

    static String summary(LinkReport report) {
        StringBuilder line = new StringBuilder();
        line.append("Checked ").append(report.results().size()).append(" links on ").append(report.pages())
                .append(report.pages() == 1 ? " page" : " pages");
        if (report.externalUrls() > 0) {
            line.append(" (").append(report.externalUrls()).append(" external URLs)");
        }
        line.append(" in ").append(Durations.human(report.elapsed())).append(": ");
        List<String> counts = new ArrayList<>();
        for (Outcome.Kind kind : Outcome.Kind.values()) {
            counts.add(report.count(kind) + " " + kind.label());
        }
        line.append(String.join(", ", counts)).append('.');
        return line.toString();
    }

    static void console(LinkReport report, PrintWriter out) {
        Map<String, List<LinkResult>> byPage = problemsByPage(report);
        for (Map.Entry<String, List<LinkResult>> page : byPage.entrySet()) {
            out.println(page.getKey());
            for (LinkResult result : page.getValue()) {
                Link link = result.link();
                String text = link.text().isEmpty() ? "" : "  \"" + link.text() + "\"";
                out.printf("  %5s  %-10s %s%s%n", link.line() == 0 ? "" : Integer.toString(link.line()),
                        label(result), shown(link), text);
                if (result.outcome().severity() != Outcome.Severity.OK) {
                    out.println("                    " + result.outcome().detail());
                }
                for (String note : link.notes()) {
                    out.println("                    note: " + note);
                }
                if (link.source() != null) {
                    out.println("                    source: " + link.sourceLocation());
                }
                if (result.failing() != null) {
                    out.println("                    " + failingText(result.failing()) + "; archived copy: "
                            + result.failing().archiveUrl(link.url()));
                }
            }
            out.println();
        }
        for (String warning : report.warnings()) {
            out.println("warning: " + warning);
        }
        for (String notice : report.notices()) {
            out.println("notice: " + notice);
        }
        out.println(report.summary());
        if (report.failed()) {
            out.println(report.errors() + (report.errors() == 1 ? " link is" : " links are") + " broken or invalid.");
        } else if (report.warningCount() > 0) {
            out.println("No broken links; " + report.warningCount() + (report.warningCount() == 1 ? " warning." : " warnings."));
        } else {
            out.println("All links work.");
        }
    }

    /** How long a URL has been failing, in days, from the first and last runs that saw it fail. */
    static String failingText(LinkResult.Failing failing) {
        long days = Duration.between(failing.firstFailed(), failing.lastFailed()).toDays();
        return "failing since " + DAY.format(failing.firstFailed())
                + (days == 0 ? " (first seen now)" : " (" + days + (days == 1 ? " day" : " days") + ")")
                + ", last seen " + DAY.format(failing.lastFailed())
                + (failing.lastWorked() == null ? "" : ", last worked " + DAY.format(failing.lastWorked()));
    }

    private static Map<String, List<LinkResult>> problemsByPage(LinkReport report) {
        Map<String, List<LinkResult>> byPage = new LinkedHashMap<>();
        for (LinkResult result : report.results()) {
            if (result.severity() != Outcome.Severity.OK) {
                byPage.computeIfAbsent(result.link().page(), page -> new ArrayList<>()).add(result);
            }
        }
        return byPage;
    }

    private static String label(LinkResult result) {
        return result.outcome().severity() == Outcome.Severity.OK ? "warning" : result.outcome().kind().label();
    }

    /** The link as written, and where it leads when that differs. */
    private static String shown(Link link) {
        String raw = link.raw().strip();
        if (link.url() == null || link.url().equals(raw)) {
            return raw;
        }
        return raw + " -> " + link.url();
    }

    static String json(LinkReport report) {
        JsonWriter json = new JsonWriter().beginObject();
        json.name("summary").beginObject()
                .field("pages", report.pages())
                .field("links", report.results().size())
                .field("externalUrls", report.externalUrls())
                .field("durationMillis", report.elapsed().toMillis());
        for (Outcome.Kind kind : Outcome.Kind.values()) {
            json.field(kind.label(), report.count(kind));
        }
        json.field("errors", report.errors()).field("warnings", report.warningCount()).endObject();
        json.name("results").beginArray();
        for (LinkResult result : report.results()) {
            Link link = result.link();
            Outcome outcome = result.outcome();
            json.beginObject()
                    .field("page", link.page())
                    .field("line", link.line())
                    .field("context", link.context())
                    .field("text", link.text())
                    .field("raw", link.raw())
                    .field("url", link.url())
                    .field("outcome", outcome.kind().label())
                    .field("severity", result.severity().name().toLowerCase(Locale.ROOT))
                    .field("detail", outcome.detail());
            if (outcome.target() != null) {
                json.field("target", outcome.target());
            }
            if (link.source() != null) {
                json.field("source", link.source()).field("sourceLine", link.sourceLine());
            }
            if (result.failing() != null) {
                LinkResult.Failing failing = result.failing();
                json.field("firstFailed", failing.firstFailed().toString()).field("lastFailed", failing.lastFailed().toString());
                if (failing.lastWorked() != null) {
                    json.field("lastWorked", failing.lastWorked().toString());
                }
                json.field("archive", failing.archiveUrl(link.url()));
            }
            json.name("notes").beginArray();
            for (String note : link.notes()) {
                json.value(note);
            }
            json.endArray().endObject();
        }
        json.endArray();
        json.name("warnings").beginArray();
        for (String warning : report.warnings()) {
            json.value(warning);
        }
        json.endArray();
        json.name("notices").beginArray();
        for (String notice : report.notices()) {
            json.value(notice);
        }
        json.endArray().endObject();
        return json.toString();
    }

    static String markdown(LinkReport report) {
        StringBuilder md = new StringBuilder();
        String verdict = report.failed()
                ? report.errors() + (report.errors() == 1 ? " broken link" : " broken links")
                : report.warningCount() > 0 ? "no broken links, " + report.warningCount()
                + (report.warningCount() == 1 ? " warning" : " warnings")
                : "all links work";
        md.append("## Link check: ").append(verdict).append("\n\n");
        md.append(cell(report.summary())).append("\n\n");
        md.append("| Outcome | Links |\n|---|---:|\n");
        for (Outcome.Kind kind : Outcome.Kind.values()) {
            md.append("| ").append(kind.label()).append(" | ").append(report.count(kind)).append(" |\n");
        }
        List<LinkResult> errors = new ArrayList<>();
        List<LinkResult> warnings = new ArrayList<>();
        for (LinkResult result : report.results()) {
            if (result.severity() == Outcome.Severity.ERROR) {
                errors.add(result);
            } else if (result.severity() == Outcome.Severity.WARNING) {
                warnings.add(result);
            }
        }
        table(md, "Broken or invalid", errors, true);
        table(md, "Warnings", warnings, false);
        if (!report.warnings().isEmpty()) {
            md.append("\n### Policy warnings\n\n");
            for (String warning : report.warnings()) {
                md.append("- ").append(cell(warning)).append('\n');
            }
        }
        if (!report.notices().isEmpty()) {
            md.append("\n### Notices\n\n");
            for (String notice : report.notices()) {
                md.append("- ").append(cell(notice)).append('\n');
            }
        }
        return md.toString();
    }

    /**
     * A table of findings: where (the page and line, and the source and line it was baked from),
     * the link, its text and what was found; for broken links also how long they have been failing
     * and where an archived copy may be.
     */
    private static void table(StringBuilder md, String title, List<LinkResult> rows, boolean history) {
        if (rows.isEmpty()) {
            return;
        }
        md.append("\n### ").append(title).append(" (").append(rows.size()).append(")\n\n");
        md.append(history ? "| Page | Line | Source | Link | Text | What was found | Failing | Archived copy |\n"
                + "|---|---:|---|---|---|---|---|---|\n"
                : "| Page | Line | Source | Link | Text | What was found |\n|---|---:|---|---|---|---|\n");
        int shown = 0;
        for (LinkResult result : rows) {
            if (shown++ == MAX_TABLE_ROWS) {
                md.append("\n…and ").append(rows.size() - MAX_TABLE_ROWS).append(" more; see the JSON report.\n");
                break;
            }
            Link link = result.link();
            List<String> what = new ArrayList<>();
            if (result.outcome().severity() != Outcome.Severity.OK) {
                what.add(result.outcome().kind().label() + ": " + result.outcome().detail());
            }
            what.addAll(link.notes());
            md.append("| ").append(code(link.page()))
                    .append(" | ").append(link.line() == 0 ? "" : link.line())
                    .append(" | ").append(link.source() == null ? "" : code(link.sourceLocation()))
                    .append(" | ").append(code(link.url() != null ? link.url() : link.raw()))
                    .append(" | ").append(cell(link.text()))
                    .append(" | ").append(cell(String.join("; ", what)));
            if (history) {
                LinkResult.Failing failing = result.failing();
                md.append(" | ").append(failing == null ? "" : cell(failingText(failing)))
                        .append(" | ").append(failing == null ? "" : failing.archiveUrl(link.url()));
            }
            md.append(" |\n");
        }
    }

    /** Text safe inside a Markdown table cell: no line breaks, pipes or markup. */
    static String cell(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\n', '\r', '\t' -> out.append(' ');
                case '|' -> out.append("\\|");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\\', '*', '_', '[', ']', '`', '#', '~', '!' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A code span; GitHub tables need pipes escaped even there, and back-ticks cannot be escaped, so they are replaced. */
    static String code(String text) {
        if (text.isEmpty()) {
            return "";
        }
        String safe = text.replace('\n', ' ').replace('\r', ' ').replace("`", "%60").replace("|", "\\|");
        return "`" + safe + "`";
    }

    /** The site folder relative to the checkout when it lies inside it; GitHub cannot place absolute paths. */
    static String annotationFolder(Path site, String workspace) {
        Path folder = site;
        if (workspace != null && !workspace.isBlank()) {
            Path absolute = site.toAbsolutePath().normalize();
            Path root = Path.of(workspace).toAbsolutePath().normalize();
            if (absolute.startsWith(root)) {
                folder = root.relativize(absolute);
            }
        }
        return folder.toString().replace('\\', '/');
    }

    static void annotations(LinkReport report, PrintWriter out, String folder) {
        String prefix = folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/";
        for (LinkResult result : report.results()) {
            if (result.severity() == Outcome.Severity.OK) {
                continue;
            }
            Link link = result.link();
            boolean error = result.severity() == Outcome.Severity.ERROR;
            List<String> what = new ArrayList<>();
            if (result.outcome().severity() != Outcome.Severity.OK) {
                what.add(result.outcome().detail());
            }
            what.addAll(link.notes());
            String title = error ? "Broken link" : result.outcome().severity() == Outcome.Severity.OK ? "Link warning"
                    : "Link " + result.outcome().kind().label();
            // At the source when it is known: that is the file in the checkout a fix goes into.
            String file = link.source() != null ? link.source() : prefix + link.page();
            int line = link.source() != null ? link.sourceLine() : link.line();
            String where = link.source() != null ? link.page() + (link.line() > 0 ? ":" + link.line() : "") + ": " : "";
            out.print("::" + (error ? "error" : "warning")
                    + " file=" + property(file)
                    + (line > 0 ? ",line=" + line : "")
                    + ",title=" + property(title)
                    + "::" + data(where + shownForAnnotation(link) + ": " + String.join("; ", what)));
            out.print('\n');
        }
        for (String warning : report.warnings()) {
            int colon = warning.indexOf(": ");
            String location = colon > 0 ? warning.substring(0, colon) : "";
            int lineAt = location.lastIndexOf(':');
            boolean located = lineAt > 0 && location.substring(lineAt + 1).chars().allMatch(Character::isDigit);
            out.print("::warning " + (located ? "file=" + property(location.substring(0, lineAt)) + ",line="
                    + location.substring(lineAt + 1) + "," : "") + "title=" + property("Link policy") + "::"
                    + data(located ? warning.substring(colon + 2) : warning));
            out.print('\n');
        }
    }

    private static String shownForAnnotation(Link link) {
        return link.url() != null ? link.url() : link.raw().strip();
    }

    /** Workflow command escaping for the message. */
    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Workflow command escaping for a property value. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
