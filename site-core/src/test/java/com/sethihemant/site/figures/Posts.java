package com.sethihemant.site.figures;

import com.sethihemant.site.FixtureSite;
import com.sethihemant.site.Problem;
import com.sethihemant.site.SiteException;
import com.sethihemant.site.content.ContentParser;
import com.sethihemant.site.content.Document;
import org.jsoup.Jsoup;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Writes posts into a fixture site and parses them, as the bake does. */
final class Posts {

    /** Lines before a post's body: the title, three attributes and a blank line. */
    static final int HEADER_LINES = 5;

    private final FixtureSite site;
    private final Path content;
    private final ContentParser parser;

    Posts(Path dir) {
        this(dir, FixtureSite.parser());
    }

    Posts(Path dir, ContentParser parser) {
        this.site = new FixtureSite(dir);
        this.content = dir.resolve("content");
        this.parser = parser;
    }

    /** Writes a file under the content folder (a chart's data, say). */
    Path file(String path, String text) {
        return site.write("content/" + path, text);
    }

    /** Writes {@code blog/2026/NAME/index.adoc} with {@code body} after a post header of {@value #HEADER_LINES} lines. */
    Path post(String name, String body) {
        return site.write("content/blog/2026/" + name + "/index.adoc",
                "= A post\n:jbake-type: post\n:jbake-status: published\n:jbake-date: 2026-03-01\n\n" + body);
    }

    Document parse(Path file) {
        return parser.parse(content, file, Set.of("post", "page"));
    }

    org.jsoup.nodes.Document body(String name, String body) {
        return Jsoup.parseBodyFragment(parse(post(name, body)).bodyHtml());
    }

    List<Problem> problems(String name, String body) {
        Path file = post(name, body);
        return assertThrows(SiteException.class, () -> parse(file)).problems();
    }
}
