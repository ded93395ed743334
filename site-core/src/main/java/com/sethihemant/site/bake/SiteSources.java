package com.sethihemant.site.bake;

import com.sethihemant.site.SiteException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a site's sources are. The project splits them across modules, mirroring the folders of a
 * JBake source tree ({@code content}, {@code data}, {@code templates}, {@code assets}):
 * <ul>
 *   <li>{@code site-content/src/main/jbake}: {@code site.yml}, {@code content/} (home, About, ...),
 *       {@code data/} (reading list, talks)</li>
 *   <li>{@code blog/src/main/jbake/content}: the posts</li>
 *   <li>{@code site-theme/src/main/jbake}: {@code templates/}, {@code assets/} and {@code card/} (the
 *       fonts of the posts' social cards, with their licence)</li>
 * </ul>
 *
 * @param root         the project folder; "edit this page" links give source paths relative to it
 * @param config       the {@code site.yml} file
 * @param contentRoots folders of AsciiDoc sources; a source's URL follows its path in its folder
 * @param data         folder of YAML data files, or {@code null}
 * @param templates    folder of Groovy markup templates
 * @param assets       folder copied as-is to the site's root, or {@code null}
 * @param card         folder of the fonts a post's social card is drawn with ({@link SocialCards}), or
 *                     {@code null}: posts are then shared with the site's own image
 */
public record SiteSources(Path root, Path config, List<Path> contentRoots, Path data, Path templates, Path assets,
                          Path card) {

    public SiteSources {
        contentRoots = List.copyOf(contentRoots);
    }

    /** Sources of a theme without social cards. */
    public SiteSources(Path root, Path config, List<Path> contentRoots, Path data, Path templates, Path assets) {
        this(root, config, contentRoots, data, templates, assets, null);
    }

    /**
     * The sources of this project, found under its root folder. A theme without a {@code card/}
     * folder shares posts with the site's own image.
     */
    public static SiteSources ofProject(Path root) {
        Path content = root.resolve("site-content/src/main/jbake");
        Path theme = root.resolve("site-theme/src/main/jbake");
        return new SiteSources(
                root,
                content.resolve("site.yml"),
                List.of(content.resolve("content"), root.resolve("blog/src/main/jbake/content")),
                content.resolve("data"),
                theme.resolve("templates"),
                theme.resolve("assets"),
                Files.isDirectory(theme.resolve("card")) ? theme.resolve("card") : null);
    }

    /** Fails with one message listing every folder or file that is missing. */
    public SiteSources validate() {
        List<String> missing = new ArrayList<>();
        if (!Files.isRegularFile(config)) {
            missing.add("site configuration " + config);
        }
        for (Path root : contentRoots) {
            if (!Files.isDirectory(root)) {
                missing.add("content folder " + root);
            }
        }
        if (!Files.isDirectory(templates)) {
            missing.add("templates folder " + templates);
        }
        if (data != null && !Files.isDirectory(data)) {
            missing.add("data folder " + data);
        }
        if (assets != null && !Files.isDirectory(assets)) {
            missing.add("assets folder " + assets);
        }
        if (card != null && !Files.isDirectory(card)) {
            missing.add("social card folder " + card);
        }
        if (!missing.isEmpty()) {
            throw SiteException.usage(null, "cannot find " + String.join(", ", missing)
                    + "; run from the project's root folder or pass --root");
        }
        return this;
    }
}
