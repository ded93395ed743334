package com.sethihemant.site;

/**
 * Process exit codes shared by every command, so scripts and CI can tell failures apart.
 * They are documented in each command's {@code --help}.
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

    private ExitCodes() {
    }
}
