package com.sethihemant.site;

/**
 * Process exit codes shared by every command, so scripts and CI can tell failures apart, and the
 * one description of each that every command's {@code --help} shows (the {@code *_HELP} lines, in
 * the form picocli's {@code exitCodeList} takes).
 */
public final class ExitCodes {

    /** Everything worked. */
    public static final int OK = 0;
    /** The site has a problem to fix: bad content, a failing template, a broken link. */
    public static final int SITE_PROBLEM = 1;
    /** The command was called wrongly or its configuration is invalid. */
    public static final int USAGE = 2;
    /** The machine let us down: a file could not be read or written, a port was taken. */
    public static final int IO = 3;
    /** A bug in this program (sysexits' EX_SOFTWARE); the message says where to report it. */
    public static final int INTERNAL = 70;

    /** Help line for {@link #OK}. */
    public static final String OK_HELP = OK + ":success";
    /** Help line for {@link #SITE_PROBLEM}. */
    public static final String SITE_PROBLEM_HELP = SITE_PROBLEM + ":the site has a problem to fix: bad content, a failing"
            + " template, a broken link or a file in the way (each listed as file:line: message)";
    /** Help line for {@link #USAGE}. */
    public static final String USAGE_HELP = USAGE + ":wrong usage or invalid configuration (the file and line are named)";
    /** Help line for {@link #IO}. */
    public static final String IO_HELP = IO + ":a file could not be read or written, or a port was taken";
    /** Help line for {@link #INTERNAL}. */
    public static final String INTERNAL_HELP = INTERNAL + ":a bug in this program (please report it with the output)";

    private ExitCodes() {
    }
}
