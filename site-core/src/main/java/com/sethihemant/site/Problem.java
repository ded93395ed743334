package com.sethihemant.site;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with the site's sources, located as precisely as we know: a file, a line
 * (0 when unknown) and a message that says what to do.
 */
public record Problem(Path file, int line, String message) {

    public Problem {
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 (unknown) or positive, was " + line);
        }
    }

    public static Problem at(Path file, String message) {
        return new Problem(file, 0, message);
    }

    /** Renders as {@code file:line: message}, the form editors and CI annotations recognise. */
    @Override
    public String toString() {
        if (file == null) {
            return message;
        }
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
