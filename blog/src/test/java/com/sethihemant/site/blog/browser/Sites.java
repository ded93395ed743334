package com.sethihemant.site.blog.browser;

import com.sethihemant.site.bake.BakeOptions;
import com.sethihemant.site.bake.Baker;
import com.sethihemant.site.bake.SiteSources;
import com.sethihemant.site.blog.BakedSite;
import com.sethihemant.site.content.ContentParser;
import com.sethihemant.site.serve.StaticServer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.logging.LogManager;
import java.util.stream.Stream;

/**
 * The two sites the browser tests read, each served on 127.0.0.1 by the project's own server:
 * the real site baked by the build, and the theme fixture (blog/src/test/fixtures/theme), which
 * shows every kind of block, diagrams, formulas and charts, a series, related posts, pagination
 * and a talk. Started once per test
 * run and shared by the test classes that use {@link Extension}.
 */
final class Sites implements AutoCloseable {

    /** The real site's pages that must score 100 in Lighthouse, and a few more. */
    static final List<String> REAL = List.of("/", "/about/", "/writing/", "/open-to/", "/blog/",
            "/blog/2026/dynamo-paper-notes/", "/tags/paper-notes/", "/404.html", "/archive/", "/tags/", "/search/");
    /** Theme fixture pages, written {@code theme:/path}. */
    static final List<String> THEME = List.of("theme:/", "theme:/blog/2026/every-block/", "theme:/blog/2026/first-note/",
            "theme:/blog/2026/figures/", "theme:/blog/page/2/", "theme:/writing/");

    private static final String PREFIX = "theme:";
    private static final Clock JUNE_2026 = Clock.fixed(Instant.parse("2026-06-15T00:00:00Z"), ZoneOffset.UTC);

    private Path themeDir;
    private StaticServer real;
    private StaticServer theme;

    /** Every page the browser tests visit. */
    static List<String> all() {
        return Stream.concat(REAL.stream(), THEME.stream()).toList();
    }

    /** The address of a page given as {@code /path} (real site) or {@code theme:/path}. */
    URI url(String page) {
        return page.startsWith(PREFIX)
                ? theme.uri().resolve(page.substring(PREFIX.length() + 1))
                : real.uri().resolve(page.substring(1));
    }

    /** A file name for a page: {@code /blog/2026/x/} is {@code blog-2026-x}, {@code /} is {@code home}. */
    static String name(String page) {
        boolean theme = page.startsWith(PREFIX);
        String slug = (theme ? page.substring(PREFIX.length()) : page).replaceAll("\\.html$", "")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        slug = slug.isEmpty() ? "home" : slug;
        return theme ? "theme-" + slug : slug;
    }

    private void start() {
        real = StaticServer.start(BakedSite.dir(), new InetSocketAddress("127.0.0.1", 0));
        try {
            themeDir = Files.createTempDirectory("theme-fixture");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path fixture = BakedSite.root().resolve("blog/src/test/fixtures/theme");
        Path themeSources = BakedSite.root().resolve("site-theme/src/main/jbake");
        SiteSources sources = new SiteSources(fixture, fixture.resolve("site.yml"), List.of(fixture.resolve("content")),
                fixture.resolve("data"), themeSources.resolve("templates"), themeSources.resolve("assets"));
        LogManager.getLogManager().reset();
        try (ContentParser parser = new ContentParser()) {
            try (Baker baker = new Baker(parser, JUNE_2026)) {
                baker.bake(sources, themeDir.resolve("site"), BakeOptions.PUBLISH);
            }
        }
        theme = StaticServer.start(themeDir.resolve("site"), new InetSocketAddress("127.0.0.1", 0));
    }

    /** Gives test methods (and {@code @BeforeAll}) a {@code Sites} parameter, started on first use. */
    static final class Extension implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Sites.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            // Kept in the root store, which closes the sites when the whole run ends.
            return context.getRoot().getStore(ExtensionContext.Namespace.create(Sites.class))
                    .getOrComputeIfAbsent(Sites.class, key -> {
                        Sites sites = new Sites();
                        sites.start();
                        return sites;
                    }, Sites.class);
        }
    }

    @Override
    public void close() {
        if (real != null) {
            real.close();
        }
        if (theme != null) {
            theme.close();
        }
        if (themeDir != null) {
            try (var files = Files.walk(themeDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temporary folder left behind is harmless
            }
        }
    }
}
