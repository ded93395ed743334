package com.sethihemant.site.cli;

import com.sethihemant.site.bake.SiteSources;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options shared by the commands that read the site's sources. */
final class SourceOptions {

    @Option(names = "--root", paramLabel = "DIR", defaultValue = ".",
            description = "The project's root folder, holding site-content, site-theme and blog (default: ${DEFAULT-VALUE}).")
    Path root;

    SiteSources sources() {
        return SiteSources.ofProject(root.toAbsolutePath().normalize());
    }

    /**
     * Where the theme's compiled templates are kept between runs, in the theme module's build
     * folder: {@code mvn clean} empties it, and a changed template is compiled again anyway.
     */
    Path templateCache() {
        return root.toAbsolutePath().normalize().resolve("site-theme/target/template-classes");
    }

    /**
     * Where the posts' social cards are kept between runs, beside the compiled templates: each
     * file is named by the digest of everything its card is drawn from.
     */
    Path cardCache() {
        return root.toAbsolutePath().normalize().resolve("site-theme/target/card-cache");
    }

    /**
     * Where rendered diagrams, formulas and charts are kept between runs, beside the baked site in
     * the blog module's build folder: {@code mvn clean} empties it, and an entry is keyed by
     * everything it was rendered from, so a stale one is never used.
     */
    Path figureCache() {
        return root.toAbsolutePath().normalize().resolve("blog/target/figure-cache");
    }

    /**
     * Where parsed sources are kept between runs, beside the figure cache: {@code mvn clean}
     * empties it, an entry is keyed by the source's bytes and the parser's code, and a bake
     * deletes the entries it did not use.
     */
    Path documentCache() {
        return root.toAbsolutePath().normalize().resolve("blog/target/document-cache");
    }

        Path defaultOutput(String name) {
        return root.toAbsolutePath().normalize().resolve("blog/target").resolve(name);
    }
}
