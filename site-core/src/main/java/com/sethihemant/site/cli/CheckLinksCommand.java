package com.sethihemant.site.cli;

import com.sethihemant.site.ExitCodes;
import com.sethihemant.site.SiteException;
import com.sethihemant.site.config.Durations;
import com.sethihemant.site.links.LinkCheckOptions;
import com.sethihemant.site.links.LinkChecker;
import com.sethihemant.site.links.LinkPolicy;
import com.sethihemant.site.links.LinkReport;
import com.sethihemant.site.links.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code site check-links}: every link of a baked site, internal always, external on request. */
@Command(name = "check-links",
        mixinStandardHelpOptions = true,
        description = "Checks every link of a baked site: internal links and #fragments against the files, "
                + "and with --external every external URL over HTTP, under the per-host policy of --config. "
                + "Broken and invalid links fail the run; redirected and blocked links are warnings.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.SITE_PROBLEM_HELP, ExitCodes.USAGE_HELP, ExitCodes.IO_HELP,
                ExitCodes.INTERNAL_HELP})
final class CheckLinksCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SITE_DIR", defaultValue = "blog/target/site",
            description = "The baked site's folder (default: ${DEFAULT-VALUE}).")
    Path site;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The site's public address, such as https://www.sethihemant.com; absolute links to it are checked against the folder.")
    String baseUrl;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The link policy (links.yml): run settings, per-host rules, exclusions. Without it, built-in defaults apply.")
    Path config;

    @Option(names = "--external", arity = "0..1", fallbackValue = "true", paramLabel = "BOOLEAN",
            description = "Also check external links over HTTP (default: false, the offline check).")
    boolean external;

    @Option(names = "--cache", paramLabel = "FILE",
            description = "Remember external successes here between runs (failures are never remembered).")
    Path cache;

    @Option(names = "--cache-max-age", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Trust a remembered success this long, such as 12h (default: the policy's check.cacheMaxAge, 1d).")
    Duration cacheMaxAge;

    @Option(names = "--deadline", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop checking external links after this long, such as 10m (default: the policy's check.deadline).")
    Duration deadline;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the full report as JSON.")
    Path json;

    @Option(names = "--markdown", paramLabel = "FILE",
            description = "Also write a Markdown report of the problems (for $GITHUB_STEP_SUMMARY).")
    Path markdown;

    @Option(names = "--annotations", arity = "0..1", fallbackValue = "true", paramLabel = "BOOLEAN",
            description = "Print GitHub Actions annotations for problems (default: when GITHUB_ACTIONS=true).")
    Boolean annotations;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LinkPolicy policy = config == null ? LinkPolicy.defaults() : LinkPolicy.load(config);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LinkCheckOptions options = new LinkCheckOptions(site, baseUrl, external, cache, deadline, cacheMaxAge);
        LinkReport report = new LinkChecker(policy).check(options, external ? new ProgressLine(err) : Progress.NONE);
        report.printConsole(out);
        boolean inActions = annotations != null ? annotations : "true".equals(System.getenv("GITHUB_ACTIONS"));
        if (inActions) {
            report.printAnnotations(out, site, System.getenv("GITHUB_WORKSPACE"));
        }
        write(json, report.toJson());
        write(markdown, report.toMarkdown());
        return report.failed() ? ExitCodes.SITE_PROBLEM : ExitCodes.OK;
    }

    private static void write(Path file, String text) {
        if (file == null) {
            return;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SiteException.io(file, "the report cannot be written", e);
        }
    }

    /** Reads 250ms, 20s, 10m, 2h, 1d. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Durations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * Shows how far the external check is: one line rewritten in place on a terminal, a line
     * per tenth of the way elsewhere (CI logs keep every line).
     */
    private static final class ProgressLine implements Progress {
        private final PrintWriter err;
        private final boolean terminal = System.console() != null;
        private int lastTenth = -1;

        ProgressLine(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void checked(int done, int total, int failures) {
            if (total == 0) {
                return;
            }
            String line = "checked " + done + "/" + total + " external URLs" + (failures > 0 ? ", " + failures + " broken" : "");
            if (terminal) {
                err.print("\r" + line + (done == total ? "\n" : ""));
                err.flush();
                return;
            }
            int tenth = done * 10 / total;
            if (tenth != lastTenth) {
                lastTenth = tenth;
                err.println(line);
                err.flush();
            }
        }
    }
}
