package com.sethihemant.site.figures;

/**
 * A figure that cannot be rendered, with a message that says what to change and the line of the
 * figure's own source (1 for its first line, 0 when unknown), which the caller turns into a line
 * of the AsciiDoc file.
 */
final class FigureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;

    FigureException(String message, int line) {
        super(message);
        this.line = Math.max(0, line);
    }

    FigureException(String message) {
        this(message, 0);
    }

    int line() {
        return line;
    }
}
