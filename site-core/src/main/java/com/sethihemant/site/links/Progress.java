package com.sethihemant.site.links;

/** Hears how far the external check has come, to show a progress line. */
@FunctionalInterface
public interface Progress {

    /** Called after each distinct URL is decided, from the checking thread. */
    void checked(int done, int total, int failures);

    /** Shows nothing. */
    Progress NONE = (done, total, failures) -> { };
}
