package com.sethihemant.site.blog;

import com.sethihemant.site.SiteException;
import com.sethihemant.site.bake.BakeOptions;
import com.sethihemant.site.bake.Baker;
import com.sethihemant.site.bake.SiteSources;
import com.sethihemant.site.content.ContentParser;
import com.sethihemant.site.content.Document;
import org.jbake.app.Oven;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.LogManager;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks the site's sources against stock JBake 2.7.0: JBake reads every page and post with the
 * same title, type, status, date and tags as this project's parser, so the content stays JBake
 * content. The other tests show, side by side on the same sources, the JBake pitfalls the
 * project's pipeline avoids: draft files in the output and render errors that do not fail.
 */
class JBakeCompatibilityIT {

    private static ContentParser parser;

    @TempDir
    Path work;

    @BeforeAll
    static void startParser() {
        // Stock JBake logs through SLF4J, bound to slf4j-nop here; OrientDB and Asciidoctor also
        // log through java.util.logging, which is silenced as the command line does.
        LogManager.getLogManager().reset();
        parser = new ContentParser();
    }

    @AfterAll
    static void stopParser() {
        parser.close();
    }

    /** A JBake source folder holding all of the site's content and the given templates. */
    private Path jbakeSource(String template) throws IOException {
        Path source = work.resolve("jbake");
        Path content = source.resolve("content");
        copy(BakedSite.root().resolve("site-content/src/main/jbake/content"), content);
        copy(BakedSite.root().resolve("blog/src/main/jbake/content"), content);
        copy(BakedSite.root().resolve("blog/src/test/jbake/templates"), source.resolve("templates"));
        StringBuilder properties = new StringBuilder();
        for (String type : List.of("post", "page", "home", "writing")) {
            properties.append("template.").append(type).append(".file=").append(template).append('\n');
        }
        properties.append("""
                render.index=false
                render.feed=false
                render.archive=false
                render.tags=false
                render.sitemap=false
                uri.noExtension=true
                uri.noExtension.prefix=/
                asciidoctor.attributes=source-highlighter=rouge,rouge-css=class,idprefix=,idseparator=-
                db.store=memory
                """);
        Files.writeString(source.resolve("jbake.properties"), properties.toString());
        return source;
    }

    private static List<Throwable> stockBake(Path source, Path output) {
        JBakeConfiguration config = new JBakeConfigurationFactory()
                .createDefaultJbakeConfiguration(source.toFile(), output.toFile(), true);
        Oven oven = new Oven(config);
        oven.bake();
        return oven.getErrors();
    }

    @Test
    void stockJBakeReadsEverySourceAsThisProjectDoes() throws IOException {
        Path source = jbakeSource("document.tpl");
        Path output = work.resolve("stock");
        assertEquals(List.of(), stockBake(source, output));

        Map<String, Element> stock = new TreeMap<>();
        for (Path html : files(output, ".html")) {
            Element doc = Jsoup.parse(html.toFile(), "UTF-8").expectFirst("#doc");
            stock.put(doc.attr("data-source"), doc);
        }
        List<Path> sources = files(source.resolve("content"), ".adoc");
        assertEquals(sources.size(), stock.size(), "stock JBake rendered every source: " + stock.keySet());
        Set<String> types = Set.of("post", "page", "home", "writing");
        for (Path file : sources) {
            String relative = source.resolve("content").relativize(file).toString().replace('\\', '/');
            Document ours = parser.parse(source.resolve("content"), file, types);
            Element theirs = stock.get(file.toString());
            assertEquals(ours.title(), Jsoup.parse(theirs.html()).text(), relative + ": title");
            assertEquals(ours.type(), theirs.attr("data-type"), relative + ": type");
            assertEquals(ours.status().label(), theirs.attr("data-status"), relative + ": status");
            if (ours.date() != null) {
                // An undated page gets the file's modification time from stock JBake; we leave it undated.
                assertEquals(ours.date().toString(), theirs.attr("data-date"), relative + ": date");
            }
            assertEquals(String.join(",", ours.tags()), theirs.attr("data-tags").toLowerCase(Locale.ROOT),
                    relative + ": tags");
        }
    }

    @Test
    void stockJBakeWritesDraftsToTheOutputWhileThisProjectLeavesThemOut() throws IOException {
        Path source = jbakeSource("document.tpl");
        Files.writeString(source.resolve("content/blog/2026/unfinished.adoc"), """
                = An unfinished post
                :jbake-type: post
                :jbake-status: draft
                :jbake-date: 2026-01-01

                Not ready.
                """);
        stockBake(source, work.resolve("stock"));
        assertTrue(files(work.resolve("stock"), "-draft.html").stream().anyMatch(p -> p.toString().contains("unfinished")),
                "stock JBake writes the draft as *-draft.html");

        Path ours = work.resolve("ours");
        try (Baker baker = new Baker(parser, Clock.systemUTC())) {
            baker.bake(sourcesOf(source), ours, BakeOptions.PUBLISH);
        }
        assertEquals(List.of(), files(ours, "-draft.html"));
        assertFalse(Files.readString(ours.resolve("feed.xml")).contains("unfinished"));
    }

    @Test
    void stockJBakeOnlyCollectsRenderErrorsWhileThisProjectFails() throws IOException {
        Path source = jbakeSource("failing.tpl");
        List<Throwable> errors = stockBake(source, work.resolve("stock"));
        assertFalse(errors.isEmpty(), "stock JBake returns normally and leaves the errors in Oven.getErrors()");

        SiteSources sources = sourcesOf(source);
        Path templates = work.resolve("templates");
        copy(BakedSite.root().resolve("site-theme/src/main/jbake/templates"), templates);
        Files.copy(source.resolve("templates/failing.tpl"), templates.resolve("post.tpl"),
                StandardCopyOption.REPLACE_EXISTING);
        SiteSources failing = new SiteSources(sources.root(), sources.config(), sources.contentRoots(), sources.data(), templates, null);
        SiteException e;
        try (Baker baker = new Baker(parser, Clock.systemUTC())) {
            e = assertThrows(SiteException.class, () -> baker.bake(failing, work.resolve("ours"), BakeOptions.PUBLISH));
        }
        assertEquals(templates.resolve("post.tpl"), e.problems().get(0).file());
        assertFalse(Files.exists(work.resolve("ours")), "nothing is published by a failed bake");
    }

    /** This project's sources for the same merged content, with the real theme. */
    private static SiteSources sourcesOf(Path jbakeSource) {
        Path siteContent = BakedSite.root().resolve("site-content/src/main/jbake");
        Path theme = BakedSite.root().resolve("site-theme/src/main/jbake");
        return new SiteSources(BakedSite.root(), siteContent.resolve("site.yml"), List.of(jbakeSource.resolve("content")),
                siteContent.resolve("data"), theme.resolve("templates"), theme.resolve("assets"));
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
