package com.sethihemant.site.links;

import java.util.List;
import java.util.Objects;

/**
 * One link as a page wrote it.
 *
 * @param page the file it is in, relative to the site folder, such as {@code blog/2026/x/index.html}
 * @param line the 1-based line in that file (0 when unknown)
 * @param kind where the link sits, such as {@code a href}, {@code img srcset} or {@code css url()}
 * @param text what a reader sees: the link text, or an image's alt text; may be empty
 * @param raw the attribute value exactly as written
 * @param url the absolute URL it resolves to, or the cleaned value for schemes such as mailto:;
 *     {@code null} when it is not a URL at all
 * @param notes warnings about how the link is written, such as surrounding white space
 */
public record Link(String page, int line, String kind, String text, String raw, String url, List<String> notes) {

    public Link {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(raw, "raw");
        notes = List.copyOf(notes);
    }
}
