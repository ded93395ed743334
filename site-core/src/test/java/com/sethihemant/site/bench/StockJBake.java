package com.sethihemant.site.bench;

import org.jbake.app.Oven;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The stock JBake side of {@link BakeBenchmark}, in a class of its own so that this project's
 * runs can use the class path ./site uses, which has no JBake.
 */
final class StockJBake {

    private StockJBake() {
    }

    /** Stock JBake: plain Oven over the same content, with JBake-model templates. */
    static void bake(Path site, Path out) throws IOException {
        Path source = Files.createTempDirectory("jbake-source");
        copy(site.resolve("content"), source.resolve("content"));
        copy(Path.of(System.getProperty("site.benchTemplates", "src/test/resources/bench/jbake-templates")),
                source.resolve("templates"));
        Files.writeString(source.resolve("jbake.properties"), """
                template.post.file=post.tpl
                template.page.file=page.tpl
                template.home.file=page.tpl
                template.masterindex.file=index.tpl
                template.archive.file=archive.tpl
                template.tag.file=tags.tpl
                template.feed.file=feed.tpl
                template.sitemap.file=sitemap.tpl
                render.sitemap=true
                uri.noExtension=true
                uri.noExtension.prefix=/
                asciidoctor.attributes=source-highlighter=rouge,rouge-css=class,idprefix=,idseparator=-
                db.store=memory
                """);
        JBakeConfiguration config = new JBakeConfigurationFactory()
                .createDefaultJbakeConfiguration(source.toFile(), out.toFile(), true);
        Oven oven = new Oven(config);
        oven.bake();
        if (!oven.getErrors().isEmpty()) {
            throw new IllegalStateException("stock JBake failed: " + oven.getErrors());
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }
}
