package com.sethihemant.site.content;

import com.sethihemant.site.Problem;
import com.sethihemant.site.Suggestions;
import com.sethihemant.site.figures.Figures;
import org.asciidoctor.log.LogRecord;
import org.asciidoctor.log.Severity;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of Asciidoctor's log records are problems of the source, and how to say so. Every
 * warning is one; so is an unresolved cross reference (Asciidoctor calls it INFO). A block macro
 * or block style that nothing handles ({@code imgae::pic.png[]}, {@code [plantum]}) Asciidoctor
 * prints as plain text, saying so only at DEBUG; those records are problems too. Asciidoctor
 * decides what is handled from its own grammar and the extensions registered with it, so a block
 * or block macro an extension adds (such as {@code [plantuml]} or {@code chart::}) is accepted
 * without being listed here.
 */
final class SourceChecks {

    private static final Pattern UNKNOWN_MACRO = Pattern.compile("unknown name for block macro: (.+)");
    private static final Pattern UNKNOWN_STYLE = Pattern.compile("unknown style for (?:(\\w+) block|paragraph): (.+)");
    private static final Pattern INVALID_REFERENCE = Pattern.compile("possible invalid reference: (.+)");
    /** Asciidoctor's own block macros, named in suggestions for a misspelt one. */
    private static final List<String> BUILT_IN_MACROS = List.of("image", "video", "audio", "toc", "include");

    private SourceChecks() {
    }

    /**
     * The problem a record reports about {@code file}, or empty when it reports none.
     *
     * @param text the file's text, to find the line of a record that has none (cross references)
     */
    static Optional<Problem> problem(Path file, String text, LogRecord record) {
        String message = record.getMessage();
        int line = record.getCursor() == null ? 0 : Math.max(0, record.getCursor().getLineNumber());
        Matcher macro = UNKNOWN_MACRO.matcher(message);
        if (macro.matches()) {
            String name = macro.group(1);
            String suggestion = Suggestions.closest(name, BUILT_IN_MACROS).map(s -> "; did you mean '" + s + "::'?").orElse("");
            return Optional.of(new Problem(file, line, "'" + name + "::' is not a block macro that Asciidoctor or an"
                    + " extension handles, so it would be printed as text" + suggestion
                    + " (to show it as text, write \\" + name + "::)"));
        }
        Matcher style = UNKNOWN_STYLE.matcher(message);
        if (style.matches()) {
            String context = style.group(1) == null ? "paragraph" : style.group(1) + " block";
            return Optional.of(new Problem(file, styleLine(text, line, style.group(2)), "'[" + style.group(2) + "]' is not a style that Asciidoctor or an"
                    + " extension handles for a " + context + ", so it would be ignored; check its spelling"));
        }
        Matcher reference = INVALID_REFERENCE.matcher(message);
        if (reference.matches()) {
            String target = reference.group(1);
            int found = line > 0 ? line : lineOf(text, "<<" + target, "xref:" + target, target);
            return Optional.of(new Problem(file, found, "the cross reference to '" + target
                    + "' finds no section or anchor with that id in this document"));
        }
        if (record.getSeverity().compareTo(Severity.WARN) >= 0) {
            if (Figures.isFigureMessage(message)) {
                // A figure's message already says what to do.
                return Optional.of(new Problem(file, line, message));
            }
            return Optional.of(new Problem(file, line, "Asciidoctor: " + message + " (warnings fail the build; fix the markup)"));
        }
        return Optional.empty();
    }

    /**
     * The line of the attribute list that names {@code style}: Asciidoctor reports the block's
     * first line (its delimiter, or a paragraph's text), and the attribute list is written above
     * it, perhaps below a title. {@code line} itself when none is found there.
     */
    static int styleLine(String text, int line, String style) {
        List<String> lines = text.lines().toList();
        for (int at = line - 1; at >= 1 && at > line - 4 && at <= lines.size(); at--) {
            String above = lines.get(at - 1).strip();
            if (above.isEmpty()) {
                break;
            }
            if (above.startsWith("[") && above.contains(style)) {
                return at;
            }
        }
        return line;
    }

    /** The 1-based line of the first of {@code needles} found in {@code text}, trying them in order; 0 if none is. */
    static int lineOf(String text, String... needles) {
        for (String needle : needles) {
            if (needle.isEmpty()) {
                continue;
            }
            int at = text.indexOf(needle);
            if (at >= 0) {
                int line = 1;
                for (int i = 0; i < at; i++) {
                    if (text.charAt(i) == '\n') {
                        line++;
                    }
                }
                return line;
            }
        }
        return 0;
    }
}
