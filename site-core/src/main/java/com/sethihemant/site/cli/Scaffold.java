package com.sethihemant.site.cli;

import com.sethihemant.site.SiteException;
import com.sethihemant.site.content.Routes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Writes the skeleton of a new post: the right folder, a complete header, never over a file. */
final class Scaffold {

    /** Where posts live, under the project root. */
    static final String POSTS = "blog/src/main/jbake/content/blog";

    private Scaffold() {
    }

    /**
     * Creates {@code blog/<year>/<slug>.adoc}.
     *
     * @param header the header lines after the title, ending with a newline
     * @return the file written
     * @throws SiteException if the file exists or the title gives no usable slug
     */
    static Path create(Path root, LocalDate date, String slug, String title, String header, String body) {
        if (!Routes.isSlug(slug)) {
            throw SiteException.usage(null, "'" + slug + "' cannot be part of a URL; use --slug with lower-case"
                    + " letters, digits and hyphens");
        }
        Path file = root.resolve(POSTS).resolve(Integer.toString(date.getYear())).resolve(slug + ".adoc");
        String text = "= " + title.strip() + "\n" + header + "\n" + body;
        try {
            Files.createDirectories(file.getParent());
            // CREATE_NEW: refuses atomically if the file exists, so nothing is ever overwritten.
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw SiteException.content(file, "already exists; choose another title or pass --slug");
        } catch (IOException e) {
            throw SiteException.io(file, "cannot be written", e);
        }
        return file;
    }

    /** Normalises {@code --tags a, B c} into {@code a, b-c}, rejecting tags that cannot be URLs. */
    static String tags(List<String> tags) {
        return tags.stream()
                .flatMap(t -> Arrays.stream(t.split(",")))
                .map(t -> t.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-"))
                .filter(t -> !t.isEmpty())
                .peek(t -> {
                    if (!Routes.isSlug(t)) {
                        throw SiteException.usage(null, "the tag '" + t + "' cannot be part of a URL; use letters,"
                                + " digits and hyphens, such as '" + Routes.slugify(t) + "'");
                    }
                })
                .distinct()
                .collect(Collectors.joining(", "));
    }
}
