package com.sethihemant.site.blog;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The site baked by this module's build, as the integration tests see it. */
public final class BakedSite {

    public static final String BASE = "https://www.sethihemant.com";

    private BakedSite() {
    }

    /** The folder the Maven build baked the site into. */
    public static Path dir() {
        Path dir = Path.of(System.getProperty("site.dir", "target/site"));
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + " does not exist; run ./mvnw verify, which bakes it first");
        }
        return dir;
    }

    /** The project root, holding site-content, site-theme and blog. */
    public static Path root() {
        return Path.of(System.getProperty("site.root", "..")).toAbsolutePath().normalize();
    }

    /** Parses the page published at a site path such as {@code /about/}. */
    static Document page(String sitePath) {
        return parse(file(sitePath));
    }

    static Path file(String sitePath) {
        String relative = sitePath.substring(1);
        if (relative.isEmpty() || relative.endsWith("/")) {
            relative += "index.html";
        }
        return dir().resolve(relative);
    }

    static Document parse(Path file) {
        try {
            // The page's own URL is its directory URL, so relative links resolve as in a browser.
            return Jsoup.parse(file.toFile(), "UTF-8", BASE + sitePath(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every HTML file of the site, sorted. */
    static List<Path> htmlFiles() {
        try (Stream<Path> walk = Files.walk(dir())) {
            return walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The site path of an HTML file: {@code about/index.html} is {@code /about/}. */
    static String sitePath(Path file) {
        String relative = dir().relativize(file).toString().replace('\\', '/');
        return "/" + (relative.endsWith("index.html") ? relative.substring(0, relative.length() - 10) : relative);
    }
}
