package com.sethihemant.site;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one exception the site's code throws for problems a person can fix: it carries every
 * {@link Problem} found (so one run reports them all) and the process exit code that fits.
 */
public final class SiteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;
    private final int exitCode;

    public SiteException(List<Problem> problems, int exitCode) {
        super(describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a SiteException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
        this.exitCode = exitCode;
    }

    public SiteException(List<Problem> problems, int exitCode, Throwable cause) {
        this(problems, exitCode);
        initCause(cause);
    }

    /** A problem in the site's sources: content, templates or data. */
    public static SiteException content(Path file, int line, String message) {
        return new SiteException(List.of(new Problem(file, line, message)), ExitCodes.SITE_PROBLEM);
    }

    /** A problem with a whole file of the site's sources, not one line of it. */
    public static SiteException content(Path file, String message) {
        return content(file, 0, message);
    }

    /** Every problem found in the site's sources, reported together. */
    public static SiteException content(List<Problem> problems) {
        return new SiteException(problems, ExitCodes.SITE_PROBLEM);
    }

    /** A problem with how the program was called or configured. */
    public static SiteException usage(Path file, String message) {
        return new SiteException(List.of(Problem.at(file, message)), ExitCodes.USAGE);
    }

    /**
     * The machine let us down: {@code file} could not be read, written or listed.
     *
     * @param what what failed, such as "cannot be read"; the cause's message follows
     */
    public static SiteException io(Path file, String what, Exception cause) {
        return new SiteException(List.of(Problem.at(file, what + ": " + cause.getMessage())), ExitCodes.IO, cause);
    }

    public List<Problem> problems() {
        return problems;
    }

    public int exitCode() {
        return exitCode;
    }

    private static String describe(List<Problem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        return problems.size() + " problems:\n" + problems.stream()
                .map(p -> "  " + p)
                .collect(Collectors.joining("\n"));
    }
}
