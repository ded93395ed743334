package com.sethihemant.site.links;

import java.util.List;
import java.util.Objects;

/**
 * One link as a page wrote it.
 *
 * @param page the file it is in, relative to the site folder, such as {@code blog/2026/x/index.html}
 * @param line the 1-based line in that file (0 when unknown)
 * @param context where the link sits: the element and attribute, such as {@code a href} or
 *     {@code img srcset}, or the grammar it was read from, such as {@code css url()} or {@code json-ld url}
 * @param text what a reader sees: the link text, or an image's alt text; may be empty
 * @param raw the attribute value exactly as written
 * @param url the absolute URL it resolves to, or the cleaned value for schemes such as mailto:;
 *     {@code null} when it is not a URL at all
 * @param notes warnings about how the link is written, such as surrounding white space
 * @param source the source file the page was baked from, relative to the project's root; {@code null}
 *     when the site has no map of its sources
 * @param sourceLine the 1-based line of that source where the link is written; 0 when it is not
 *     found there (a link of the theme's templates, for example)
 */
public record Link(String page, int line, String context, String text, String raw, String url, List<String> notes,
                   String source, int sourceLine) {

    public Link {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(raw, "raw");
        notes = List.copyOf(notes);
    }

    /** A link on a page whose source is not known. */
    public Link(String page, int line, String context, String text, String raw, String url, List<String> notes) {
        this(page, line, context, text, raw, url, notes, null, 0);
    }

    /** This link with the source of its page. */
    Link withSource(String newSource, int newSourceLine) {
        return new Link(page, line, context, text, raw, url, notes, newSource, newSourceLine);
    }

    /** {@code file:line} of the source, or just the file when the line is not known; {@code null} without a source. */
    public String sourceLocation() {
        return source == null ? null : sourceLine > 0 ? source + ":" + sourceLine : source;
    }
}
