package com.sethihemant.site.cli;

import com.sethihemant.site.ExitCodes;
import com.sethihemant.site.Problem;
import com.sethihemant.site.SiteException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.logging.LogManager;

/**
 * The {@code site} command line: bake the site, serve it locally, check its links.
 * {@link #run} returns the exit code instead of exiting, so tests and the Maven build can call it.
 */
@Command(name = "site",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Builds, previews and checks Hemant Sethi's site.",
        subcommands = {BakeCommand.class, ServeCommand.class, CheckLinksCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_HELP, ExitCodes.SITE_PROBLEM_HELP, ExitCodes.USAGE_HELP, ExitCodes.IO_HELP,
                ExitCodes.INTERNAL_HELP})
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String... args) {
        return run(Clock.systemUTC(), args);
    }

    /** Runs the command line with the given clock ("today" for new posts) and returns its exit code. */
    static int run(Clock clock, String... args) {
        quietLibraryLogging();
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.addSubcommand(new NewPostCommand(clock));
        commandLine.addSubcommand(new NewNoteCommand(clock));
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> report(e, cmd.getErr()));
        return commandLine.execute(args);
    }

    private static int report(Exception e, PrintWriter err) {
        if (e instanceof SiteException site) {
            err.println(site.problems().size() == 1 ? "error:" : "errors (" + site.problems().size() + "):");
            for (Problem problem : site.problems()) {
                err.println("  " + problem);
            }
            err.flush();
            return site.exitCode();
        }
        err.println("internal error (a bug; please report it with this output):");
        e.printStackTrace(err);
        err.flush();
        return ExitCodes.INTERNAL;
    }

    /**
     * Asciidoctor and JRuby also log through java.util.logging; every message that matters is
     * reported by the baker with its file and line, so the duplicate console output goes.
     */
    private static void quietLibraryLogging() {
        LogManager.getLogManager().reset();
    }

    /** Reports the version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"site " + (version == null ? "(development build)" : version)};
        }
    }
}
