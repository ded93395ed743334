package com.sethihemant.site;

import com.sethihemant.site.bake.SiteSources;
import com.sethihemant.site.content.ContentParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.LogManager;
import java.util.stream.Stream;

/**
 * A small site written into a temporary folder: a {@code site.yml}, a content folder, and the
 * minimal test theme from {@code src/test/resources/fixture-theme}. Tests add sources with
 * {@link #post} and {@link #page} and then bake it.
 */
public final class FixtureSite {

    private static ContentParser parser;

    private final Path root;

    public FixtureSite(Path root) {
        this.root = root;
        write("site.yml", """
                title: Fixture
                description: A site for tests.
                url: https://example.org
                author:
                  name: Test Author
                  email: author@example.org
                postsPerPage: 2
                feedSize: 3
                seriesTags: [notes]
                editUrl: https://git.example/site/edit/main/
                """);
        copyTheme();
        try {
            Files.createDirectories(root.resolve("content"));
            Files.createDirectories(root.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One Asciidoctor for the whole test run: JRuby takes seconds to boot. Tests run one at a
     * time in one JVM, and the parser keeps no state between documents.
     */
    public static synchronized ContentParser parser() {
        if (parser == null) {
            // As the command line does: Asciidoctor's own console logging duplicates the
            // problems the parser reports.
            LogManager.getLogManager().reset();
            parser = new ContentParser();
            Runtime.getRuntime().addShutdownHook(new Thread(parser::close));
        }
        return parser;
    }

    public Path root() {
        return root;
    }

    public SiteSources sources() {
        return new SiteSources(root, root.resolve("site.yml"), List.of(root.resolve("content")), root.resolve("data"),
                root.resolve("templates"), null);
    }

    /** Writes a published post dated {@code date} with the given tags. */
    public Path post(String slug, String date, String status, String... tags) {
        return write("content/blog/" + slug + ".adoc", "= Post " + slug + "\n"
                + ":jbake-type: post\n"
                + ":jbake-status: " + status + "\n"
                + ":jbake-date: " + date + "\n"
                + (tags.length == 0 ? "" : ":jbake-tags: " + String.join(", ", tags) + "\n")
                + "\nBody of " + slug + ".\n");
    }

    public Path page(String name, String body) {
        return write("content/" + name + ".adoc", "= Page " + name + "\n"
                + ":jbake-type: page\n:jbake-status: published\n\n" + body + "\n");
    }

    /** Writes a file under the site's root, creating folders. */
    public Path write(String relative, String text) {
        return writeBytes(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    public Path writeBytes(String relative, byte[] bytes) {
        Path file = root.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private void copyTheme() {
        Path theme = Path.of("src/test/resources/fixture-theme/templates");
        try (Stream<Path> files = Files.list(theme)) {
            for (Path file : files.toList()) {
                write("templates/" + file.getFileName(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
