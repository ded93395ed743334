package com.sethihemant.site.content;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One parsed source file: its header, its body rendered to HTML, and the URL it is published at.
 * Values are plain text unless named {@code ...Html}, which hold Asciidoctor's already-escaped HTML.
 *
 * @param source         the AsciiDoc file
 * @param type           what it is ({@code post}, {@code page}, ...), which is also its template's name
 * @param status         published or draft
 * @param title          the title as plain text
 * @param titleHtml      the title as HTML, with inline markup such as code or emphasis
 * @param date           the publication date; {@code null} for undated pages
 * @param updated        the date of the last meaningful revision, never before {@code date}
 * @param tags           normalised tags, each usable in a URL
 * @param description    a one- or two-sentence summary for listings, feeds and search engines
 * @param bodyHtml       the converted body
 * @param url            the site path it is published at, such as {@code /blog/2026/slug/}
 * @param readingMinutes estimated reading time
 * @param headings       the body's section headings (levels 2 and 3), for a table of contents
 * @param attributes     the other header attributes, for templates that want them
 */
public record Document(
        Path source,
        String type,
        Status status,
        String title,
        String titleHtml,
        LocalDate date,
        LocalDate updated,
        List<String> tags,
        String description,
        String bodyHtml,
        String url,
        int readingMinutes,
        List<Heading> headings,
        Map<String, Object> attributes) {

    public Document {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
        tags = List.copyOf(tags);
        headings = List.copyOf(headings);
        attributes = Map.copyOf(attributes);
    }

    /**
     * A section heading of the body: its level (2 for {@code ==}, 3 for {@code ===}), its id and
     * its text as HTML (it may hold inline markup such as code).
     */
    public record Heading(int level, String id, String textHtml) {
    }

    public boolean isPost() {
        return Routes.POST.equals(type);
    }

    /** The date feeds and sitemaps report as last modified: {@code updated}, else {@code date}. */
    public LocalDate lastModified() {
        return updated != null ? updated : date;
    }

    /** Whether the date, if any, has come by {@code today}. */
    public boolean isDue(LocalDate today) {
        return date == null || !date.isAfter(today);
    }
}
