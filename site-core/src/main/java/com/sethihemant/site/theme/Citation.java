package com.sethihemant.site.theme;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * How to cite a post or paper note: its author, title, site, address and dates, written as a
 * BibTeX entry ({@code @online}, which BibLaTeX, Zotero, JabRef and Mendeley read as a web page)
 * and as a line of plain text.
 *
 * @param key       the BibTeX key, such as {@code sethi2026dynamo}
 * @param author    the author's name as written, such as {@code Hemant Sethi}
 * @param title     the title as plain text
 * @param site      the site's name
 * @param url       the absolute address of the post
 * @param published the publication date
 * @param updated   the date of the last meaningful revision, or {@code null}
 */
public record Citation(String key, String author, String title, String site, String url, LocalDate published,
                       LocalDate updated) {

    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
            "nov", "dec"};

    public Citation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(published, "published");
    }

    /**
     * The citation of a post: the key is the author's family name, the year and the first word of
     * the post's slug, all in ASCII lower case ({@code sethi2026dynamo}).
     */
    public static Citation of(String author, String title, String site, String url, String slug,
                              LocalDate published, LocalDate updated) {
        String family = author.strip().substring(author.strip().lastIndexOf(' ') + 1);
        String word = slug.split("-")[0];
        String key = ascii(family) + published.getYear() + ascii(word);
        return new Citation(key, author.strip(), title, site, url, published, updated);
    }

    /** The author as BibTeX wants a name: {@code Sethi, Hemant}. */
    public String authorInverted() {
        int space = author.lastIndexOf(' ');
        return space < 0 ? author : author.substring(space + 1) + ", " + author.substring(0, space);
    }

    /** The entry, one field a line; the title is braced so that styles keep its capitals. */
    public String bibtex() {
        StringBuilder entry = new StringBuilder("@online{").append(key).append(",\n");
        field(entry, "author", escape(authorInverted()));
        field(entry, "title", "{" + escape(title) + "}");
        field(entry, "organization", escape(site));
        field(entry, "date", published.toString());
        field(entry, "year", Integer.toString(published.getYear()));
        entry.append("  month        = ").append(MONTHS[published.getMonthValue() - 1]).append(",\n");
        field(entry, "url", url);
        if (updated != null && !updated.equals(published)) {
            field(entry, "note", "Updated " + LONG.format(updated));
        }
        entry.setLength(entry.length() - 2);
        return entry.append("\n}").toString();
    }

    /**
     * One line, after the Chicago style for blog posts: author, “title”, site, dates and address.
     */
    public String text() {
        String dates = LONG.format(published)
                + (updated != null && !updated.equals(published) ? "; updated " + LONG.format(updated) : "");
        String end = title.endsWith(".") || title.endsWith("?") || title.endsWith("!") ? "" : ".";
        return author + ". “" + title + end + "” " + site + " (blog), " + dates + ". " + url + ".";
    }

    /** {@code 2026/11/23}, the date form Google Scholar asks for in {@code citation_publication_date}. */
    public String scholarDate(LocalDate date) {
        return date.toString().replace('-', '/');
    }

    private static void field(StringBuilder entry, String name, String value) {
        entry.append("  ").append(name).append(" ".repeat(Math.max(1, 13 - name.length()))).append("= {")
                .append(value).append("},\n");
    }

    /** Escapes the characters BibTeX treats specially, so that any title reads back as written. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&', '%', '$', '#', '_', '{', '}' -> out.append('\\').append(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                case '\\' -> out.append("\\textbackslash{}");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String ascii(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("[^A-Za-z0-9]", "");
        return plain.toLowerCase(Locale.ROOT);
    }
}
